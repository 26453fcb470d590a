import dispute from '../examples/dispute-intake.json';
import sampleOrg from '../examples/sample-org.json';
import { loadFormDefinition, type FormDefinition, type OrgContext } from '../src/index';
import type { AttachmentRef } from '../src/react/index';

export const org: OrgContext = sampleOrg;
export const disputeIntake: FormDefinition = loadFormDefinition(dispute);

/** A one-field form around a widget, to show the widget alone. */
export function oneField(name: string, schema: Record<string, unknown>, ui: Record<string, unknown>, required = true): FormDefinition {
  return loadFormDefinition({
    schema: { type: 'object', required: required ? [name] : [], properties: { [name]: schema } },
    uiSchema: { [name]: ui },
  });
}

/** Stands in for the server's upload endpoint in stories: answers with a reference after a short wait. */
export async function uploadToNowhere(file: File): Promise<AttachmentRef> {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return { id: `att-${file.name}`, name: file.name, size: file.size, contentType: file.type || 'application/octet-stream' };
}

// Plain DOM queries: `getByRole` computes styles for the whole antd tree and takes seconds under jsdom.
export function submitButton(canvasElement: HTMLElement): HTMLButtonElement {
  const button = canvasElement.querySelector<HTMLButtonElement>('button[type=submit]');
  if (!button) throw new Error('no submit button');
  return button;
}

/** The search input of the antd select / tree select rendered for field `name` (rjsf id `root_<name>`). */
export function selectOf(canvasElement: HTMLElement, name: string): HTMLElement {
  const input = canvasElement.querySelector<HTMLElement>(`#root_${name}`);
  if (!input) throw new Error(`no select for ${name}`);
  return input;
}
