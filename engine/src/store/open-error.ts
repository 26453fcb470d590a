// The one error of opening the store: a stable code and one Chinese sentence saying what to do.
import { YizhanError, type DatabaseErrorCode } from '@yizhan/errors';

/** Opening the store (the embedded PostgreSQL or a server) failed; `message` says, in one sentence, what to do. */
export class DatabaseOpenError extends YizhanError {
  declare readonly code: DatabaseErrorCode;
  constructor(code: DatabaseErrorCode, message: string, log: string[] = []) {
    super(code, message, log.map((line) => ({ message: line })));
  }
}
