// A pack as the designer edits it: files by path inside the pack (`pack.json`, `dispute.bpmn`,
// `forms/intake.json`, `rules/routing.json`, `scenarios/…`), exactly what POST /api/packs takes.
import type { OrgModel, PackFiles } from '../api/types';

export interface PackInfo {
  id: string;
  name: string;
  version: string;
  org: OrgModel;
}

export function packInfo(files: PackFiles): PackInfo | undefined {
  try {
    const m = JSON.parse(files['pack.json'] ?? '') as Partial<PackInfo>;
    return { id: String(m.id ?? ''), name: String(m.name ?? m.id ?? ''), version: String(m.version ?? '0.0.0'), org: m.org ?? { units: [], departments: [] } };
  } catch {
    return undefined;
  }
}

export const bpmnFiles = (files: PackFiles) => Object.keys(files).filter((f) => f.endsWith('.bpmn')).sort();
export const ruleFiles = (files: PackFiles) => Object.keys(files).filter((f) => /^rules\/[^/]+\.json$/.test(f)).sort();
export const formFiles = (files: PackFiles) => Object.keys(files).filter((f) => /^forms\/[^/]+\.json$/.test(f)).sort();
export const formKeyOf = (file: string) => file.replace(/^forms\//, '').replace(/\.json$/, '');

/** 1.0.0 → 1.0.1; anything else gets `.1` appended. */
export function nextVersion(v: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
  return m ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : `${v}.1`;
}

/** The files with pack.json's version set (the rest of pack.json unchanged). */
export function withVersion(files: PackFiles, version: string): PackFiles {
  const manifest = JSON.parse(files['pack.json']) as Record<string, unknown>;
  return { ...files, 'pack.json': `${JSON.stringify({ ...manifest, version }, null, 2)}\n` };
}

/** Fields of the intake form (`forms/intake.json`), offered as `data.<field>` in rule conditions. */
export function intakeFields(files: PackFiles): { name: string; label: string }[] {
  try {
    const f = JSON.parse(files['forms/intake.json'] ?? '{}') as { schema?: { properties?: Record<string, { title?: string }> } };
    return Object.entries(f.schema?.properties ?? {}).map(([name, s]) => ({ name, label: s.title ?? name }));
  } catch {
    return [];
  }
}

/** Files picked with `<input webkitdirectory>`: the chosen folder's name is dropped from each path. */
export async function filesFromFolder(list: FileList | File[]): Promise<PackFiles> {
  const out: PackFiles = {};
  for (const file of Array.from(list)) {
    const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
    const path = rel.includes('/') ? rel.slice(rel.indexOf('/') + 1) : rel;
    if (!/\.(json|bpmn|md)$/.test(path) || path.split('/').some((p) => p.startsWith('.'))) continue;
    out[path] = await file.text();
  }
  return out;
}
