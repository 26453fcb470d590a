import { describe, expect, it } from 'vitest';
import { CN_FORMAT_NAMES, createFormValidator } from '../src/index';
import { corpusCases, corpusForms, errorKeys } from './corpus/corpus';

const forms = corpusForms();
const cases = corpusCases();
const validator = createFormValidator();

describe('the payload corpus through the Node validator', () => {
  it('has at least 60 payloads, valid and invalid, for every form', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const key of forms.keys()) {
      const ofForm = cases.filter((c) => c.form === key);
      expect(ofForm.some((c) => c.errors.length === 0), `${key} has a valid payload`).toBe(true);
      expect(ofForm.some((c) => c.errors.length > 0), `${key} has an invalid payload`).toBe(true);
    }
  });

  it('rejects a bad value of every Chinese format at least once', () => {
    const failing = new Set(
      cases.flatMap((c) => validator.validate(forms.get(c.form)!, c.data)).filter((e) => e.keyword === 'format').map((e) => e.params?.format),
    );
    for (const name of CN_FORMAT_NAMES) expect(failing).toContain(name);
  });

  it.each(cases.map((c) => [`${c.form}: ${c.name}`, c] as const))('%s', (_name, c) => {
    const errors = validator.validate(forms.get(c.form)!, c.data);
    expect(errorKeys(errors)).toEqual(errorKeys(c.errors));
    for (const e of errors) expect(e.message).not.toBe('');
  });
});
