import { YizhanError } from '@yizhan/errors';
import type { PackProblem } from './types';

/** A pack failed validation; nothing was deployed. `details` lists every problem. */
export class PackInvalidError extends YizhanError<PackProblem> {
  declare readonly code: 'PACK_INVALID';

  constructor(details: PackProblem[]) {
    super('PACK_INVALID', `流程包未通过校验，共 ${details.length} 个问题：${details.slice(0, 5).map(formatProblem).join('；')}${details.length > 5 ? '……' : ''}`, details);
  }
}

/** `forms/intake.json /schema/properties/x: 消息` — one line per problem, as the CLI prints it. */
export function formatProblem(p: PackProblem): string {
  const where = [p.file, p.elementId ? `#${p.elementId}` : '', p.pointer !== undefined ? ` ${p.pointer || '/'}` : ''].join('');
  return `${p.severity === 'warning' ? '警告 ' : ''}${where}: [${p.code}] ${p.message}`;
}

/** A file of a pack folder that is not read: a symlink, or not a regular file. Names the file only. */
export class PackFileError extends YizhanError {
  declare readonly code: 'PACK_SYMLINK' | 'PACK_NOT_A_FILE';
  readonly file: string;

  constructor(code: 'PACK_SYMLINK' | 'PACK_NOT_A_FILE', file: string) {
    super(code, code === 'PACK_SYMLINK'
      ? `流程包里的 ${file} 是符号链接，不予读取：请换成普通文件（复制其内容）后再试。`
      : `流程包里的 ${file} 不是普通文件，不予读取：请换成普通文件后再试。`);
    this.file = file;
  }
}
