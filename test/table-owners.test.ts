// Each table has one owner: the engine's tables (those its migrations create — cases, tasks,
// definitions, history, timers, incidents) are read and written by the engine alone. The server
// and the packs use the engine's public face (scoped reads, statistics, commands); no SQL of theirs
// names an engine table. Checked on every string and template literal of their TypeScript sources
// and on their SQL files.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const ENGINE_MIGRATIONS = join(ROOT, 'engine/src/store/migrations');
/** Folders whose code must not touch the engine's tables. */
const GUARDED = ['server/src', 'processes/src'];

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(path, ext));
    else if (ext.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The tables the engine's migrations create. */
function engineTables(): string[] {
  const names = new Set<string>();
  for (const f of files(ENGINE_MIGRATIONS, /\.sql$/)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?"?([a-z_][a-z0-9_]*)"?/gi)) names.add(m[1].toLowerCase());
  }
  return [...names].sort();
}

/** SQL naming one of `tables` where a table goes: from, join, into, update, delete from, truncate, alter / create / drop table, references, lock. */
function tableUses(sql: string, tables: string[]): string[] {
  const name = tables.join('|');
  const re = new RegExp(
    `\\b(from|join|into|update|truncate|table(?:\\s+if\\s+(?:not\\s+)?exists)?|references|lock)\\s+(?:only\\s+)?(?:public\\.)?"?(${name})"?(?![\\w.(-])`,
    'gi',
  );
  return [...sql.matchAll(re)].map((m) => m[0].replace(/\s+/g, ' '));
}

/** The text of every string and template literal of a TypeScript file (SQL lives there). */
function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      // Placeholders as a neutral word, so `from tasks ${x}` and `${a} from cases` still read as SQL.
      out.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' x '));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function violations(tables: string[]): string[] {
  const found: string[] = [];
  for (const dir of GUARDED) {
    for (const file of files(join(ROOT, dir), /\.(tsx?|sql)$/)) {
      const texts = file.endsWith('.sql') ? [readFileSync(file, 'utf8').replace(/--.*$/gm, '')] : literals(file);
      for (const text of texts) for (const use of tableUses(text, tables)) found.push(`${relative(ROOT, file)}: ${use}`);
    }
  }
  return found;
}

describe('each table has one owner', () => {
  const tables = engineTables();

  it('knows the engine tables from its migrations', () => {
    expect(tables).toEqual(expect.arrayContaining(['cases', 'definitions', 'history', 'incidents', 'tasks', 'timers']));
  });

  it('recognises SQL on an engine table, and not prose or other tables', () => {
    expect(tableUses('select t.*, c.number from tasks t join cases c on c.id = t.case_id', tables)).toEqual(['from tasks', 'join cases']);
    expect(tableUses('select id from definitions where forms ? $1', tables)).toEqual(['from definitions']);
    expect(tableUses('update "history" set data = $1', tables)).toEqual(['update "history"']);
    expect(tableUses('select * from users; insert into pack_deployments (id) values (1)', tables)).toEqual([]);
    expect(tableUses('转办 from tasks.ts, the task view', tables)).toEqual([]);
  });

  it('finds no SQL on the engine tables in the server or the packs', () => {
    expect(violations(tables)).toEqual([]);
  });
});
