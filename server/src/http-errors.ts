// One error shape for the whole API — `{ error: { code, message, details } }` — and the one place
// where stable error codes become HTTP statuses.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { YizhanError, type ErrorDetail } from '@yizhan/engine';

/** Errors raised by the server itself (auth, scoping, request validation). */
export class ApiError extends YizhanError {}

export const unauthorized = (message = '请先登录') => new ApiError('UNAUTHORIZED', message);
export const forbidden = (message = '无权执行此操作') => new ApiError('FORBIDDEN', message);
export const notFound = (code: string, message: string) => new ApiError(code, message);
export const badRequest = (message: string, details: ErrorDetail[] = []) => new ApiError('BAD_REQUEST', message, details);

/** Every code the API answers with, and its status. Codes are stable; messages are zh-CN. */
export const ERROR_STATUS: Record<string, number> = {
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
  INCIDENT_NOT_FOUND: 404,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  TASK_ALREADY_COMPLETED: 409,
  TASK_CLAIMED: 409,
  NOT_ASSIGNEE: 409,
  TASK_NOT_OPEN: 409,
  PACK_VERSION_EXISTS: 409,
  DEFINITION_WITHDRAWN: 409,
  USER_EXISTS: 409,
  ORG_CODE_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BPMN_INVALID: 422,
  PROCESS_ERROR: 422,
  PACK_INVALID: 422,
  TRANSFER_OUT_OF_SCOPE: 422,
  RULESET_INVALID: 422,
  FORM_DEFINITION_INVALID: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  TOO_MANY_EXPORTS: 429,
  INTERNAL: 500,
};

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

/** A domain or server error as the API answers it. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof YizhanError || isCoded(err)) {
    let code = err.code;
    // The engine's CONFLICT carries the precise reason (TASK_ALREADY_COMPLETED, TASK_CLAIMED …):
    // the API answers with the reason, which is what a client needs to decide what to do.
    const reason = err.details?.[0]?.code;
    if (code === 'CONFLICT' && typeof reason === 'string' && ERROR_STATUS[reason] === 409) code = reason;
    const status = ERROR_STATUS[code] ?? 500;
    if (status === 500) return internal();
    return { status, body: { error: { code, message: err.message, details: normaliseDetails(err.details ?? []) } } };
  }
  const http = httpError(err);
  if (http) return http;
  return internal();
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
  const e = err as { type?: string; code?: string; status?: number; statusCode?: number; message?: string };
  const body = (code: string, message: string) => ({ status: ERROR_STATUS[code], body: { error: { code, message, details: [] } } });
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
  if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return body('BAD_REQUEST', '请求中含有数据库无法保存的值');
  return undefined;
}

function isCoded(err: unknown): err is { code: string; message: string; details?: ErrorDetail[] } {
  // Errors of @yizhan/packs, rules and forms carry `code` + `details` like YizhanError.
  return !!err && typeof err === 'object' && typeof (err as { code?: unknown }).code === 'string'
    && (err as { code: string }).code in ERROR_STATUS && typeof (err as { message?: unknown }).message === 'string';
}

function normaliseDetails(details: unknown[]): ErrorDetail[] {
  return details.map((d) => (d && typeof d === 'object' ? (d as ErrorDetail) : { message: String(d) }));
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const { status, body } = toErrorBody(err);
    // Refused before its body was read (401, 413, 415 …): close rather than read the rest.
    if (!req.complete) res.setHeader('connection', 'close');
    if (status >= 500) logger.error({ err, url: req.originalUrl }, 'request failed');
    res.status(status).json(body);
  };
}
