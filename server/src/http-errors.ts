// One error shape for the whole API — `{ error: { code, message, details } }` — and the one place
// where stable error codes become HTTP statuses. Every domain error of every package extends
// YizhanError (@yizhan/errors) and carries a code of its ErrorCode union; anything else is either
// an error of the HTTP layer below the routes (body-parser, the router, PostgreSQL's data
// exceptions) or a bug (500 INTERNAL, logged).
import type { Socket } from 'node:net';
import type { ErrorRequestHandler } from 'express';
import pg from 'pg';
import type { Logger } from 'pino';
import { YizhanError, type ErrorCode, type ErrorDetail } from '@yizhan/errors';

/** Errors raised by the server itself (auth, scoping, request validation). */
export class ApiError extends YizhanError {}

export const unauthorized = (message = '请先登录') => new ApiError('UNAUTHORIZED', message);
export const forbidden = (message = '无权执行此操作') => new ApiError('FORBIDDEN', message);
export const notFound = (code: Extract<ErrorCode, `${string}_NOT_FOUND`>, message: string) => new ApiError(code, message);
export const badRequest = (message: string, details: ErrorDetail[] = []) => new ApiError('BAD_REQUEST', message, details);

/**
 * Every code and the status the API answers it with. Codes are stable; messages are zh-CN. The
 * table covers the whole ErrorCode union, so a new code without a status does not compile. 500
 * marks codes that are never an API answer (start-up errors, a rule conflict inside a step): the
 * client gets the generic INTERNAL body and the server logs the error.
 */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  FORM_INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CASE_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  DEFINITION_NOT_FOUND: 404,
  FORM_NOT_FOUND: 404,
  PACK_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  ATTACHMENT_NOT_FOUND: 404,
  RATING_LINK_NOT_FOUND: 404,
  RATING_LINK_EXPIRED: 410,
  ASSESSMENT_NOT_FOUND: 404,
  ASSESSMENT_INVALID: 422,
  DRAFT_NOT_FOUND: 404,
  INCIDENT_NOT_FOUND: 404,
  EXTENSION_NOT_FOUND: 404,
  SUPERVISION_NOT_FOUND: 404,
  ANALYSIS_RECORD_NOT_FOUND: 404,
  CONFLICT: 409,
  DRAFT_CHANGED: 409,
  USER_SELF_CHANGE: 422,
  IDEMPOTENCY_KEY_IN_USE: 409,
  TASK_ALREADY_COMPLETED: 409,
  TASK_CLAIMED: 409,
  NOT_ASSIGNEE: 409,
  NOT_WAITING: 409,
  CASE_NOT_ACTIVE: 409,
  CASE_ALREADY_RATED: 409,
  TASK_NOT_OPEN: 409,
  PACK_VERSION_EXISTS: 409,
  DEFINITION_WITHDRAWN: 409,
  UNIT_OUTSIDE_PROCESS: 422,
  USER_EXISTS: 409,
  ORG_CODE_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BPMN_INVALID: 422,
  PROCESS_ERROR: 422,
  MIGRATION_INVALID: 422,
  PACK_INVALID: 422,
  TRANSFER_OUT_OF_SCOPE: 422,
  RULESET_INVALID: 422,
  FORM_DEFINITION_INVALID: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  TOO_MANY_EXPORTS: 429,
  WHATIF_BUSY: 429,
  INTERNAL: 500,
  RULE_CONFLICT: 500,
  PACK_SYMLINK: 500,
  PACK_NOT_A_FILE: 500,
  PORT_UNAVAILABLE: 500,
  DB_URL_INVALID: 500,
  DB_AUTH_FAILED: 500,
  DB_UNREACHABLE: 500,
  DB_NOT_FOUND: 500,
  DB_OPEN_FAILED: 500,
  DB_BINARIES_MISSING: 500,
  DB_DATA_DIR_UNREACHABLE: 500,
  DB_DATA_DIR_NOT_EMPTY: 500,
  DB_DATA_DIR_IN_USE: 500,
  DB_NO_POSTGRES_USER: 500,
  DB_PASSWORD_UNKNOWN: 500,
  DB_INIT_FAILED: 500,
  DB_START_FAILED: 500,
  DB_START_TIMEOUT: 500,
  DB_DISK_FULL: 500,
  DB_PERMISSION_DENIED: 500,
  DB_VERSION_MISMATCH: 500,
  DB_PORT_IN_USE: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}

/** A domain or server error as the API answers it. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof YizhanError) {
    // A code outside the union can only come from a cast: a bug, answered as one.
    const status = ERROR_STATUS[err.code] ?? 500;
    if (status === 500) return internal();
    return { status, body: { error: { code: err.code, message: err.message, details: normaliseDetails(err.details) } } };
  }
  return httpError(err) ?? internal();
}

function internal(): { status: number; body: ErrorBody } {
  return { status: 500, body: { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试', details: [] } } };
}

/**
 * Errors of the HTTP layer below the routes — body-parser (by its documented `type`), the router
 * (a path that is not valid percent-encoding), any other http-errors 4xx — and PostgreSQL's data
 * exceptions (SQLSTATE class 22: a value the database cannot take), which only bad input causes.
 */
function httpError(err: unknown): { status: number; body: ErrorBody } | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { type?: string; status?: number; statusCode?: number; message?: string };
  const body = (code: ErrorCode, message: string) => ({ status: ERROR_STATUS[code], body: { error: { code, message, details: [] } } });
  if (e.type === 'entity.too.large') return body('PAYLOAD_TOO_LARGE', '请求体过大');
  if (e.type === 'entity.parse.failed') return body('BAD_REQUEST', '请求体不是合法的 JSON');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return body('UNSUPPORTED_MEDIA_TYPE', '不支持的请求编码');
  if (e.type === 'request.size.invalid' || e.type === 'request.aborted') return body('BAD_REQUEST', '请求体不完整');
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return body('PAYLOAD_TOO_LARGE', '请求体过大');
    if (status === 415) return body('UNSUPPORTED_MEDIA_TYPE', '不支持的请求体类型或编码');
    return body('BAD_REQUEST', e.type === undefined && /decode param/i.test(e.message ?? '') ? '请求路径不是合法的 URL 编码' : '请求格式有误，无法解析');
  }
  if (err instanceof pg.DatabaseError && /^22[0-9A-Z]{3}$/.test(err.code ?? '')) return body('BAD_REQUEST', '请求中含有数据库无法保存的值');
  return undefined;
}

function normaliseDetails(details: unknown[]): ErrorDetail[] {
  return details.map((d) => (d && typeof d === 'object' ? (d as ErrorDetail) : { message: String(d) }));
}

/**
 * Closes the connection after the answer without resetting it. A client still sending the body it
 * was refused would otherwise get a TCP reset, and a reset may discard the answer before the client
 * reads it: so the socket is half-closed (the answer and FIN go out) and destroyed at most 2 s later,
 * or as soon as the client closes its side.
 */
function lingerOnClose(socket: Socket): void {
  const lingering = socket as Socket & { destroySoon?: () => void };
  lingering.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), 2000).unref();
  };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const { status, body } = toErrorBody(err);
    // Refused before its body was read (401, 413, 415 …): close rather than read the rest.
    if (!req.complete) {
      res.setHeader('connection', 'close');
      lingerOnClose(req.socket);
    }
    if (status >= 500) logger.error({ err, url: req.originalUrl }, 'request failed');
    res.status(status).json(body);
  };
}
