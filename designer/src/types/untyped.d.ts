// Declarations for the bpmn.io packages that ship no types. Only what the designer uses.
declare module 'bpmn-js-properties-panel' {
  import type { ModuleDeclaration } from 'didi';
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const CamundaPlatformPropertiesProviderModule: ModuleDeclaration;
  export function useService<T = unknown>(name: string): T;
}

declare module '@bpmn-io/properties-panel' {
  export const SelectEntry: unknown;
  export function isSelectEntryEdited(node: unknown): boolean;
}

declare module '@bpmn-io/properties-panel/preact' {
  export function h(type: unknown, props: Record<string, unknown> | null, ...children: unknown[]): unknown;
}

declare module 'bpmnlint/config/recommended' {
  const config: { rules: Record<string, 'error' | 'warn' | 'info' | 'off'> };
  export default config;
}

declare module 'bpmnlint/rules/*' {
  const rule: () => unknown;
  export default rule;
}

// Vite's `?raw` imports (stories load the Longxi pack's BPMN file as text).
declare module '*?raw' {
  const text: string;
  export default text;
}
