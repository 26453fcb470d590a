// The shared start of a streamed multipart upload: a busboy parser with caps, and a `fail` that
// answers once with an error and stops reading (the rest of the body is drained, not parsed).
import busboy from 'busboy';
import type { NextFunction, Request } from 'express';
import { ApiError } from './http-errors';

export interface MultipartReader {
  parser: busboy.Busboy;
  /** Answers with `err` (once), unhooks the parser and drains the request. */
  fail(err: ApiError): void;
  readonly failed: boolean;
}

/** A parser for `req` (UTF-8 file names); undefined when the request cannot be parsed (answered 400). */
export function readMultipart(req: Request, next: NextFunction, config: Omit<busboy.BusboyConfig, 'headers'>): MultipartReader | undefined {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', ...config });
  } catch (err) {
    // e.g. multipart/form-data without a boundary
    next(new ApiError('BAD_REQUEST', `multipart 请求格式有误：${(err as Error).message}`));
    return undefined;
  }
  const reader: MultipartReader = {
    parser,
    failed: false,
    fail(err) {
      if (reader.failed) return;
      (reader as { failed: boolean }).failed = true;
      req.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => {});
      req.resume();
      next(err);
    },
  };
  parser.on('error', (err: Error) => reader.fail(new ApiError('BAD_REQUEST', `multipart 请求格式有误：${err.message}`)));
  return reader;
}
