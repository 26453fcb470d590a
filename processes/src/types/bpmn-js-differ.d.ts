// bpmn-js-differ ships no declarations; the one function we use, typed.
declare module 'bpmn-js-differ' {
  interface DiffElement { $type: string; id?: string; name?: string }
  export interface BpmnDiff {
    _added: Record<string, DiffElement>;
    _removed: Record<string, DiffElement>;
    _changed: Record<string, { model: DiffElement; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    _layoutChanged: Record<string, DiffElement>;
  }
  export function diff(oldDefinitions: unknown, newDefinitions: unknown): BpmnDiff;
}
