// Multipart upload of one file (an attachment), read as a stream with a hard cap: beyond
// `maxBytes` the upload is cut off at once — 413 PAYLOAD_TOO_LARGE — so it never holds more than
// the cap in memory. The file lands in `res.locals.upload`; no JSON body.
import type { RequestHandler, Response } from 'express';
import { ApiError } from './http-errors';
import { readMultipart } from './multipart';

export interface UploadedFile {
  name: string;
  declaredType: string;
  bytes: Buffer;
}

export function uploadedFile(res: Response): UploadedFile {
  const file = res.locals.upload as UploadedFile | undefined;
  if (!file) throw new ApiError('VALIDATION_FAILED', '没有上传文件', [{ field: '/file', message: '请以 multipart/form-data 上传一个名为 file 的文件部分' }]);
  return file;
}

export function singleFileUpload(maxBytes: number): RequestHandler {
  const tooLarge = () => new ApiError('PAYLOAD_TOO_LARGE', `文件过大：单个附件不得超过 ${maxBytes / 1024 / 1024} MB`);
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) {
      return next(new ApiError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件'));
    }
    const declared = Number(req.headers['content-length']);
    // Multipart framing adds a few hundred bytes; a body far beyond the cap is refused unread.
    if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) return next(tooLarge());
    const reader = readMultipart(req, next, { limits: { files: 2, fileSize: maxBytes, fields: 0, parts: 2 } });
    if (!reader) return;
    const { parser, fail } = reader;
    let file: UploadedFile | undefined;
    let pending: Promise<void> = Promise.resolve();
    let seen = 0;
    parser.on('file', (field, stream, info) => {
      if (seen++ > 0) {
        stream.resume();
        return fail(new ApiError('VALIDATION_FAILED', '一次只能上传一个文件', [{ field: '/file', message: '请逐个上传' }]));
      }
      if (field !== 'file') {
        stream.resume();
        return fail(new ApiError('VALIDATION_FAILED', '文件部分的名称应为 file', [{ field: '/file', message: `收到的部分名为「${field}」` }]));
      }
      const chunks: Buffer[] = [];
      pending = new Promise<void>((done) => {
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('limit', () => {
          stream.resume();
          fail(tooLarge());
        });
        stream.on('end', () => {
          if (!reader.failed) file = { name: info.filename ?? '', declaredType: info.mimeType ?? '', bytes: Buffer.concat(chunks) };
          done();
        });
        stream.on('error', () => done());
      });
    });
    parser.on('field', () => fail(new ApiError('VALIDATION_FAILED', '只接受一个文件部分', [{ field: '/file', message: '请只上传一个名为 file 的文件' }])));
    parser.on('filesLimit', () => fail(new ApiError('VALIDATION_FAILED', '一次只能上传一个文件', [{ field: '/file', message: '请逐个上传' }])));
    parser.on('partsLimit', () => fail(new ApiError('VALIDATION_FAILED', '一次只能上传一个文件', [{ field: '/file', message: '请逐个上传' }])));
    parser.on('close', () => {
      void pending.then(() => {
        if (reader.failed) return;
        if (!file) return fail(new ApiError('VALIDATION_FAILED', '没有上传文件', [{ field: '/file', message: '请上传一个名为 file 的文件部分' }]));
        if (!file.bytes.length) return fail(new ApiError('VALIDATION_FAILED', '上传的文件是空的', [{ field: '/file', message: '文件大小为 0' }]));
        res.locals.upload = file;
        next();
      });
    });
    req.pipe(parser);
  };
}
