// @vitest-environment jsdom
import '../support/jsdom-setup';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import dispute from '../../examples/dispute-intake.json';
import sampleOrg from '../../examples/sample-org.json';
import { loadFormDefinition, type FieldError } from '../../src/index';
import { CaseForm, propertyToPointer, type CaseFormData } from '../../src/react/index';

const intake = loadFormDefinition(dispute);
afterEach(cleanup);

function submit(container: HTMLElement) {
  fireEvent.submit(container.querySelector('form')!);
}

describe('CaseForm', () => {
  it('given an empty intake form, when the clerk submits, then only Chinese text is on screen and nothing is submitted', async () => {
    let submitted: CaseFormData | undefined;
    let reported: FieldError[] = [];
    const { container } = render(<CaseForm definition={intake} org={sampleOrg} onSubmit={(d) => (submitted = d)} onError={(e) => (reported = e)} />);
    await act(async () => submit(container));
    await waitFor(() => expect(reported.length).toBe(6));
    expect(submitted).toBeUndefined();
    const text = container.textContent ?? '';
    expect(text).toContain('请填写当事人姓名');
    expect(text).toContain('请检查以下内容');
    // No English from ajv, rjsf or antd (placeholders with digits like 0932-6621234 are fine).
    expect(text).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('given the English locale, messages and buttons are English', async () => {
    let reported: FieldError[] = [];
    const { container } = render(<CaseForm definition={intake} locale="en" onError={(e) => (reported = e)} />);
    await act(async () => submit(container));
    await waitFor(() => expect(reported.map((e) => e.message)).toContain('当事人姓名 is required'));
    expect(container.querySelector('button[type=submit]')?.textContent).toBe('Submit');
  });

  it('shows the dispute type by its Chinese name (ui:enumNames)', () => {
    const { container } = render(<CaseForm definition={intake} org={sampleOrg} formData={{ disputeType: 'labour' }} />);
    expect(container.textContent).toContain('劳资纠纷');
    expect(container.textContent).toContain('用人单位');
  });

  it('turns rjsf properties into JSON pointers', () => {
    expect(propertyToPointer('employer')).toBe('/employer');
    expect(propertyToPointer('.attachments.0.id')).toBe('/attachments/0/id');
    expect(propertyToPointer('')).toBe('');
    expect(propertyToPointer(undefined)).toBe('');
  });
});
