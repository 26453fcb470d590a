// @vitest-environment jsdom
import '../support/jsdom-setup';
import { act, cleanup, render } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFormValidator, type FieldError } from '../../src/index';
import { CaseForm, type CaseFormData, type CaseFormRef } from '../../src/react/index';
import { corpusCases, corpusForms } from '../corpus/corpus';
import sampleOrg from '../../examples/sample-org.json';

const forms = corpusForms();
const server = createFormValidator();

/** Field, keyword, message and params: everything a client would show or act on. */
function comparable(errors: FieldError[]): string[] {
  return errors.map((e) => JSON.stringify([e.field, e.keyword, e.message, e.params ?? {}])).sort();
}

afterEach(cleanup);

describe('the payload corpus through the rendered CaseForm (jsdom) gives the server’s errors', () => {
  // One mounted form per corpus form, fed each payload as new `formData` (a fresh mount per payload costs
  // ~0.5 s of antd styling under jsdom and tests nothing more).
  for (const [key, definition] of forms) {
    it(`${key}: every payload`, async () => {
      const cases = corpusCases().filter((c) => c.form === key);
      const ref = createRef<CaseFormRef>();
      let reported: FieldError[] = [];
      const view = (data: unknown) => (
        <CaseForm ref={ref} definition={definition} formData={data as CaseFormData} org={sampleOrg} onError={(e) => (reported = e)} />
      );
      const { rerender } = render(view(undefined));
      for (const c of cases) {
        rerender(view(c.data));
        reported = [];
        let valid = true;
        await act(async () => {
          valid = ref.current!.validateForm();
        });
        const expected = server.validate(definition, c.data);
        expect(valid, c.name).toBe(expected.length === 0);
        expect(comparable(reported), c.name).toEqual(comparable(expected));
      }
      expect(cases.length).toBeGreaterThan(0);
    });
  }
});
