import type { PackProblem } from './types';

/** A pack failed validation; nothing was deployed. `details` lists every problem. */
export class PackInvalidError extends Error {
  readonly code = 'PACK_INVALID' as const;
  readonly details: PackProblem[];

  constructor(details: PackProblem[]) {
    super(`流程包未通过校验，共 ${details.length} 个问题：${details.slice(0, 5).map(formatProblem).join('；')}${details.length > 5 ? '……' : ''}`);
    this.name = 'PackInvalidError';
    this.details = details;
  }
}

/** `forms/intake.json /schema/properties/x: 消息` — one line per problem, as the CLI prints it. */
export function formatProblem(p: PackProblem): string {
  const where = [p.file, p.elementId ? `#${p.elementId}` : '', p.pointer !== undefined ? ` ${p.pointer || '/'}` : ''].join('');
  return `${p.severity === 'warning' ? '警告 ' : ''}${where}: [${p.code}] ${p.message}`;
}
