// Multipart pack upload, read as a stream with hard caps: at most MAX_PACK_FILES files and
// MAX_PACK_TOTAL_BYTES in all (every file counted as it arrives). Beyond a cap the upload is cut
// off at once — 413 PAYLOAD_TOO_LARGE, the connection closed — so an upload never holds more than
// the cap in memory. The parts become `req.body = { files: { path: text } }`, the JSON form of a
// pack, and are validated like it.
import type { RequestHandler } from 'express';
import { ApiError } from './http-errors';
import { readMultipart } from './multipart';

/** Files in one pack upload. The largest county pack has about 30. */
export const MAX_PACK_FILES = 100;
/** Bytes of all files of one pack upload together. The largest county pack has about 200 kB. */
export const MAX_PACK_TOTAL_BYTES = 5 * 1024 * 1024;

const tooLarge = (message: string) => new ApiError('PAYLOAD_TOO_LARGE', message);

export function packUpload(limits = { files: MAX_PACK_FILES, bytes: MAX_PACK_TOTAL_BYTES }): RequestHandler {
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    const declared = Number(req.headers['content-length']);
    // Multipart framing adds some bytes per part; a body far beyond the cap is refused unread.
    if (Number.isFinite(declared) && declared > limits.bytes + limits.files * 1024) {
      return next(tooLarge(`上传内容过大：流程包所有文件合计不得超过 ${limits.bytes / 1024 / 1024} MB`));
    }
    const reader = readMultipart(req, next, { preservePath: true, limits: { files: limits.files, fileSize: limits.bytes, fields: 0, parts: limits.files } });
    if (!reader) return;
    const { parser, fail } = reader;
    const files: Record<string, string> = {};
    const pending: Promise<void>[] = [];
    let total = 0;
    parser.on('file', (_field, stream, info) => {
      const chunks: Buffer[] = [];
      pending.push(new Promise<void>((done) => {
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > limits.bytes) {
            stream.resume();
            fail(tooLarge(`上传内容过大：流程包所有文件合计不得超过 ${limits.bytes / 1024 / 1024} MB`));
            return;
          }
          chunks.push(chunk);
        });
        // one file alone over the cap: busboy stops it at fileSize
        stream.on('limit', () => fail(tooLarge(`上传内容过大：流程包所有文件合计不得超过 ${limits.bytes / 1024 / 1024} MB`)));
        stream.on('end', () => {
          if (!reader.failed) {
            const name = info.filename || '';
            if (!name) fail(new ApiError('VALIDATION_FAILED', '上传的文件缺少文件名', [{ field: '/files', message: '每个文件的文件名应为其在包内的路径，如 forms/intake.json' }]));
            else files[name] = Buffer.concat(chunks).toString('utf8');
          }
          done();
        });
        stream.on('error', () => done());
      }));
    });
    parser.on('field', () => fail(new ApiError('VALIDATION_FAILED', '只接受文件部分', [{ field: '/files', message: '每个部分应为一个文件（包内路径为文件名）' }])));
    parser.on('filesLimit', () => fail(tooLarge(`上传文件过多：一个流程包最多 ${limits.files} 个文件`)));
    parser.on('partsLimit', () => fail(tooLarge(`上传文件过多：一个流程包最多 ${limits.files} 个文件`)));
    parser.on('close', () => {
      void Promise.all(pending).then(() => {
        if (reader.failed) return;
        if (!Object.keys(files).length) return fail(new ApiError('VALIDATION_FAILED', '没有上传任何文件', [{ field: '/files', message: '至少上传 pack.json' }]));
        req.body = { files };
        next();
      });
    });
    req.pipe(parser);
  };
}
