// Identifiers: cases and tasks are keyed by UUID. A string that is not one is answered as "not
// found" before it reaches PostgreSQL (which would refuse it with a type error).

/** True for a canonical UUID (8-4-4-4-12 hex digits, any case). */
export function isUuid(v: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}
