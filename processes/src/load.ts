// Reading a pack: from a folder (CLI, `serve`) or from a map of relative paths to contents (an
// HTTP upload of a JSON bundle). Both give the same PackBundle; syntax errors are kept as
// problems for validatePack rather than thrown, so one run reports everything.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBpmn } from '@yizhan/engine';
import type { FormDefinition } from '@yizhan/forms';
import { PackFileError } from './errors';
import type { PackBundle, PackManifest, PackProblem, Scenario } from './types';

/** Reads `pack.json`, `*.bpmn`, `forms/*.json`, `rules/*.json` and `scenarios/*.json` of a folder. */
export async function loadPackDir(dir: string): Promise<PackBundle> {
  return { ...packFromFiles(await readPackFiles(dir)), dir: resolve(dir) };
}

/**
 * The pack files of a folder as `{ relative path: content }` (what POST /api/packs takes). Only
 * regular files are read: a symlink (to /etc/passwd, say) or a device / FIFO among them, or a
 * symlinked sub-folder, is refused with a PackFileError naming the file — never its contents.
 */
export async function readPackFiles(dir: string): Promise<Record<string, string>> {
  const root = resolve(dir);
  const files: Record<string, string> = {};
  const take = async (sub: string, ext: string) => {
    const at = join(root, sub);
    if (sub) {
      const st = await lstat(at).catch(() => undefined);
      if (!st) return;
      if (st.isSymbolicLink()) throw new PackFileError('PACK_SYMLINK', sub);
      if (!st.isDirectory()) return;
    }
    let names: string[];
    try {
      names = await readdir(at);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (!name.endsWith(ext)) continue;
      const rel = sub ? `${sub}/${name}` : name;
      const st = await lstat(join(at, name));
      if (st.isSymbolicLink()) throw new PackFileError('PACK_SYMLINK', rel);
      if (!st.isFile()) throw new PackFileError('PACK_NOT_A_FILE', rel);
      // a BPMN export may be ISO-8859-1 or UTF-16: decoded by its BOM / XML declaration
      files[rel] = ext === '.bpmn' ? decodeBpmn(await readFile(join(at, name))) : await readFile(join(at, name), 'utf8');
    }
  };
  await take('', '.json');
  await take('', '.bpmn');
  for (const sub of ['forms', 'rules', 'scenarios']) await take(sub, '.json');
  return files;
}

/** Builds a bundle from `{ "pack.json": "…", "dispute.bpmn": "…", "forms/intake.json": "…" }`. */
export function packFromFiles(files: Record<string, string>): PackBundle {
  const parseErrors: PackProblem[] = [];
  const json = (file: string, text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      // V8 quotes the start of the text in its message; a message never repeats a file's contents.
      const reason = (err as Error).message.replace(/, ".*$/s, '');
      parseErrors.push({ file, pointer: '', code: 'JSON_SYNTAX', message: `不是合法的 JSON：${reason}` });
      return undefined;
    }
  };
  const bundle: PackBundle = { manifest: {} as PackManifest, bpmn: {}, forms: {}, rules: {}, scenarios: {}, parseErrors };
  let sawManifest = false;
  for (const [rawPath, text] of Object.entries(files)) {
    const path = rawPath.split(sep).join('/').replace(/^\.\//, '');
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const name = path.slice(path.lastIndexOf('/') + 1);
    const base = name.replace(/\.[^.]+$/, '');
    if (path === 'pack.json') {
      sawManifest = true;
      const m = json(path, text);
      if (m && typeof m === 'object') bundle.manifest = m as PackManifest;
    } else if (folder === '' && name.endsWith('.bpmn')) {
      bundle.bpmn[name] = text;
    } else if (folder === 'forms' && name.endsWith('.json')) {
      const f = json(path, text);
      if (f !== undefined) bundle.forms[base] = f as FormDefinition;
    } else if (folder === 'rules' && name.endsWith('.json')) {
      const r = json(path, text);
      if (r !== undefined) bundle.rules[base] = r;
    } else if (folder === 'scenarios' && name.endsWith('.json')) {
      const s = json(path, text);
      if (s !== undefined) bundle.scenarios[base] = s as Scenario;
    }
  }
  // the assessment scheme: the root-level JSON file pack.json names
  const schemeFile = typeof bundle.manifest.assessment === 'string' ? bundle.manifest.assessment : undefined;
  if (schemeFile) {
    const entry = Object.entries(files).find(([raw]) => raw.split(sep).join('/').replace(/^\.\//, '') === schemeFile);
    if (entry) bundle.assessment = json(schemeFile, entry[1]);
  }
  if (!sawManifest) parseErrors.push({ file: 'pack.json', code: 'MANIFEST_MISSING', message: '缺少 pack.json（流程包清单）' });
  return bundle;
}

/** The folder holding the packs of this repository (processes/). */
export const PACKS_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Folders under `root` that contain a pack.json, sorted — the county packs `yizhan serve` deploys. */
export async function listPackDirs(root: string = PACKS_ROOT): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || ['node_modules', 'src', 'test', 'schema', 'scripts'].includes(entry.name)) continue;
    const dir = join(root, entry.name);
    try {
      await readFile(join(dir, 'pack.json'));
      out.push(dir);
    } catch {
      // not a pack
    }
  }
  return out.sort();
}

/** Relative display path of a pack folder (for messages). */
export function displayDir(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') ? rel : basename(dir);
}

/** The pack as files (the inverse of packFromFiles): what `GET /api/packs/:id/files` returns. */
export function packToFiles(bundle: PackBundle): Record<string, string> {
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const files: Record<string, string> = { 'pack.json': json(bundle.manifest) };
  for (const [name, xml] of Object.entries(bundle.bpmn)) files[name] = xml;
  for (const [key, form] of Object.entries(bundle.forms)) files[`forms/${key}.json`] = json(form);
  for (const [name, rules] of Object.entries(bundle.rules)) files[`rules/${name}.json`] = json(rules);
  for (const [name, scenario] of Object.entries(bundle.scenarios)) files[`scenarios/${name}.json`] = json(scenario);
  if (typeof bundle.manifest.assessment === 'string' && bundle.assessment !== undefined) files[bundle.manifest.assessment] = json(bundle.assessment);
  return files;
}
