// The executable form of a parsed BPMN file: a moddle-context-serializer context of bpmn-elements
// types. Serialised right after parsing — walking the moddle tree (validation, bpmnlint) fills in
// empty collections that would change how bpmn-elements runs the definition.
import * as Elements from 'bpmn-elements';
import serializer, { deserialize, TypeResolver } from 'moddle-context-serializer';
import type { ModdleParseResult } from './moddle';

const typeResolver = TypeResolver(Elements as unknown as Record<string, unknown>);

/** JSON of the serialised context (what a definition version stores). */
export function serializeContext(parsed: ModdleParseResult): string {
  return serializer(parsed as never, typeResolver).serialize();
}

export function deserializeContext(json: string): unknown {
  return deserialize(JSON.parse(json), typeResolver);
}
