// Field names of a form schema, shared by the validator and the step conventions.

/** Top-level field names of a form schema, including conditional (`if/then/else`, `allOf`, …) branches. */
export function formFields(schema: unknown): string[] {
  const out = new Set<string>();
  const visit = (s: unknown) => {
    if (!s || typeof s !== 'object') return;
    const o = s as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) out.add(k);
    for (const k of ['then', 'else']) visit(o[k]);
    for (const k of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(o[k])) (o[k] as unknown[]).forEach(visit);
    if (o.dependencies && typeof o.dependencies === 'object') for (const d of Object.values(o.dependencies)) visit(d);
  };
  visit(schema);
  return [...out];
}
