// Offers in the modeler only what the engine executes: the palette, the context pad and the
// replace menu ("更改类型") lose the elements a deploy refuses (engine/src/bpmn/validate.ts:
// script tasks are refused outright; business-rule and send tasks, transactions, ad-hoc
// sub-processes, complex gateways and conditional / compensation / cancel events are not
// supported; data objects and stores never execute). Call activities are offered: they run a
// process of the same file marked not executable (e.g. a second pool). Never offer what deploy refuses.
import { PopupEntries } from 'bpmn-js/lib/features/popup-menu/PopupEntries';

/** Element types a deploy refuses (script: not allowed; the others: not supported). */
export const REFUSED_TYPES = new Set([
  'bpmn:ScriptTask', 'bpmn:BusinessRuleTask', 'bpmn:SendTask',
  'bpmn:Transaction', 'bpmn:AdHocSubProcess', 'bpmn:ComplexGateway',
  'bpmn:DataObjectReference', 'bpmn:DataStoreReference',
]);

/** Event definitions a deploy refuses. */
export const REFUSED_EVENT_DEFINITIONS = new Set([
  'bpmn:ConditionalEventDefinition', 'bpmn:CompensateEventDefinition', 'bpmn:CancelEventDefinition',
]);

interface PopupEntry { target?: { type?: string; eventDefinitionType?: string } }

/** The replace menu's entry ids (its `actionName`s) for the refused elements. */
export const REFUSED_REPLACE_ENTRIES: ReadonlySet<string> = new Set([
  ...Object.entries(PopupEntries as Record<string, PopupEntry>)
    .filter(([, e]) => REFUSED_TYPES.has(e.target?.type ?? '') || REFUSED_EVENT_DEFINITIONS.has(e.target?.eventDefinitionType ?? ''))
    .map(([id]) => `replace-with-${id}`),
  'replace-with-ad-hoc-subprocess', 'replace-with-exclusive-event-based-gateway', 'replace-with-parallel-event-based-instantiate-gateway',
]);

const REFUSED_PALETTE = new Set(['create.data-object', 'create.data-store']);
const REFUSED_CONTEXT_PAD = new Set([
  'append.receive-task', 'append.condition-intermediate-event', 'append.compensation-activity',
]);

type Entries = Record<string, unknown>;
const without = (refused: ReadonlySet<string>) => (entries: Entries): Entries =>
  Object.fromEntries(Object.entries(entries).filter(([id]) => !refused.has(id)));

class RestrictPalette {
  static $inject = ['palette'];
  constructor(palette: { registerProvider(priority: number, p: unknown): void }) {
    palette.registerProvider(500, this);
  }
  getPaletteEntries() {
    return without(REFUSED_PALETTE);
  }
}

class RestrictContextPad {
  static $inject = ['contextPad'];
  constructor(contextPad: { registerProvider(priority: number, p: unknown): void }) {
    contextPad.registerProvider(500, this);
  }
  getContextPadEntries() {
    return without(REFUSED_CONTEXT_PAD);
  }
}

class RestrictReplaceMenu {
  static $inject = ['popupMenu'];
  constructor(popupMenu: { registerProvider(id: string, priority: number, p: unknown): void }) {
    popupMenu.registerProvider('bpmn-replace', 500, this);
  }
  getPopupMenuEntries() {
    return without(REFUSED_REPLACE_ENTRIES);
  }
}

export const RestrictModule = {
  __init__: ['yizhanRestrictPalette', 'yizhanRestrictContextPad', 'yizhanRestrictReplaceMenu'],
  yizhanRestrictPalette: ['type', RestrictPalette],
  yizhanRestrictContextPad: ['type', RestrictContextPad],
  yizhanRestrictReplaceMenu: ['type', RestrictReplaceMenu],
};
