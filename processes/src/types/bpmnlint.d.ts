// bpmnlint ships no declarations for its entry points; the little we use, typed.
declare module 'bpmnlint' {
  export interface LintReport {
    id?: string;
    message: string;
    path?: string[];
    category: 'error' | 'warn' | 'info' | 'rule-error' | 'off';
  }
  export interface Resolver {
    resolveRule(pkg: string, ruleName: string): unknown;
    resolveConfig(pkg: string, configName: string): unknown;
  }
  export class Linter {
    constructor(options: { config: { extends?: string | string[]; rules?: Record<string, unknown> }; resolver: Resolver });
    lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
  }
}
declare module 'bpmnlint/lib/resolver/node-resolver' {
  import type { Resolver } from 'bpmnlint';
  const NodeResolver: new (options?: { require?: NodeJS.Require; requireLocal?: NodeJS.Require }) => Resolver;
  export default NodeResolver;
}
declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}
