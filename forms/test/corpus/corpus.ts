// The shared corpus: form payloads with the errors they must produce (field + keyword), run through the
// Node validator (corpus.test.ts) and through the rendered form in jsdom (react/corpus.test.tsx).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFormDefinition, type FormDefinition } from '../../src/index';

export interface ExpectedError {
  field: string;
  keyword: string;
}
export interface CorpusCase {
  form: string;
  name: string;
  data: unknown;
  errors: ExpectedError[];
}

// Paths, not URLs: under jsdom the global URL is jsdom's, which node:fs does not accept.
const here = dirname(fileURLToPath(String(import.meta.url)));

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Corpus forms by key: the example intake form plus the forms in corpus/forms/. */
export function corpusForms(): Map<string, FormDefinition> {
  const forms = new Map<string, FormDefinition>();
  forms.set('dispute-intake', loadFormDefinition(readJson(join(here, '../../examples/dispute-intake.json'))));
  for (const file of readdirSync(join(here, 'forms'))) {
    forms.set(file.replace(/\.json$/, ''), loadFormDefinition(readJson(join(here, 'forms', file))));
  }
  return forms;
}

export function corpusCases(): CorpusCase[] {
  return readdirSync(here)
    .filter((f) => f.endsWith('.cases.json'))
    .sort()
    .flatMap((file) => {
      const { form, cases } = readJson(join(here, file)) as { form: string; cases: Omit<CorpusCase, 'form'>[] };
      return cases.map((c) => ({ ...c, form }));
    });
}

/** Order-independent comparison key. */
export function errorKeys(errors: { field: string; keyword: string }[]): string[] {
  return errors.map((e) => `${e.field} ${e.keyword}`).sort();
}
