// @yizhan/errors — the one root of every domain error and the one list of stable error codes.
// It imports nothing, so every package (rules and forms at the bottom, the server at the top) can
// extend it without a cycle. The server maps each code to an HTTP status in one table
// (server/src/http-errors.ts, a `Record<ErrorCode, number>`): a code added here without a status
// there does not compile.

/** Codes of @yizhan/rules. */
export type RulesErrorCode =
  | 'RULESET_INVALID'
  | 'RULE_CONFLICT';

/** Codes of @yizhan/forms. */
export type FormsErrorCode =
  | 'FORM_DEFINITION_INVALID'
  | 'FORM_INVALID';

/** Codes of @yizhan/engine's commands and deploys. */
export type EngineErrorCode =
  | 'BAD_REQUEST'
  | 'CASE_NOT_FOUND'
  | 'TASK_NOT_FOUND'
  | 'DEFINITION_NOT_FOUND'
  | 'FORM_NOT_FOUND'
  | 'INCIDENT_NOT_FOUND'
  | 'EXTENSION_NOT_FOUND'
  | 'SUPERVISION_NOT_FOUND'
  | 'TASK_NOT_OPEN'
  | 'TASK_ALREADY_COMPLETED'
  | 'TASK_CLAIMED'
  | 'NOT_ASSIGNEE'
  | 'NOT_WAITING'
  | 'CASE_NOT_ACTIVE'
  | 'CASE_ALREADY_RATED'
  | 'DEFINITION_WITHDRAWN'
  | 'UNIT_OUTSIDE_PROCESS'
  | 'BPMN_INVALID'
  | 'PROCESS_ERROR'
  | 'MIGRATION_INVALID';

/** Codes of opening the store (the embedded PostgreSQL or a server): start-up errors, never HTTP answers. */
export type DatabaseErrorCode =
  | 'DB_URL_INVALID'
  | 'DB_AUTH_FAILED'
  | 'DB_UNREACHABLE'
  | 'DB_NOT_FOUND'
  | 'DB_OPEN_FAILED'
  | 'DB_BINARIES_MISSING'
  | 'DB_DATA_DIR_UNREACHABLE'
  | 'DB_DATA_DIR_NOT_EMPTY'
  | 'DB_DATA_DIR_IN_USE'
  | 'DB_NO_POSTGRES_USER'
  | 'DB_PASSWORD_UNKNOWN'
  | 'DB_INIT_FAILED'
  | 'DB_START_FAILED'
  | 'DB_START_TIMEOUT'
  | 'DB_DISK_FULL'
  | 'DB_PERMISSION_DENIED'
  | 'DB_VERSION_MISMATCH'
  | 'DB_PORT_IN_USE';

/** Codes of @yizhan/packs. */
export type PacksErrorCode =
  | 'PACK_INVALID'
  | 'PACK_SYMLINK'
  | 'PACK_NOT_A_FILE';

/** Codes of @yizhan/server: auth, scoping, request validation, the HTTP layer, start-up. */
export type ServerErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'PACK_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'ATTACHMENT_NOT_FOUND'
  | 'RATING_LINK_NOT_FOUND'
  | 'RATING_LINK_EXPIRED'
  | 'ASSESSMENT_NOT_FOUND'
  | 'ASSESSMENT_INVALID'
  | 'ANALYSIS_RECORD_NOT_FOUND'
  | 'DRAFT_NOT_FOUND'
  | 'CONFLICT'
  | 'DRAFT_CHANGED'
  | 'USER_SELF_CHANGE'
  | 'IDEMPOTENCY_KEY_IN_USE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PACK_VERSION_EXISTS'
  | 'USER_EXISTS'
  | 'ORG_CODE_TAKEN'
  | 'TRANSFER_OUT_OF_SCOPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'TOO_MANY_EXPORTS'
  | 'WHATIF_BUSY'
  | 'PORT_UNAVAILABLE'
  | 'INTERNAL';

/** Every stable code a YizhanError can carry. Codes are the contract; messages are zh-CN. */
export type ErrorCode = RulesErrorCode | FormsErrorCode | EngineErrorCode | DatabaseErrorCode | PacksErrorCode | ServerErrorCode;

/** One item of an error's `details`: where (a field, an element, a pointer) and what, in Chinese. */
export interface ErrorDetail {
  /** JSON pointer of a form field (`/employer`), when the problem is in data. */
  field?: string;
  /** BPMN element id, when the problem is in a process definition. */
  elementId?: string;
  /** JSON pointer into a file, when the problem is in a pack file. */
  pointer?: string;
  /** A finer code for tools (`UNKNOWN_OPERATOR`, `required`); never the error's own code. */
  code?: string;
  message: string;
  [key: string]: unknown;
}

/**
 * The root of every domain error of every package: a stable `code`, a Chinese `message` for the
 * user, and `details` as data. `D` is a package's own detail shape (a rule problem, a pack
 * problem, a form field error); each has at least a `message`.
 */
export class YizhanError<D extends { message: string } = ErrorDetail> extends Error {
  readonly code: ErrorCode;
  readonly details: D[];

  constructor(code: ErrorCode, message: string, details: D[] = []) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}
