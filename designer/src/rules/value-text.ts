// A condition or decision value as one line of text and back, exactly: plain strings show as
// typed; anything else (numbers, booleans, lists, objects, strings that look like JSON) as JSON.
export function valueToText(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') {
    try {
      JSON.parse(v);
      return JSON.stringify(v); // "1", "true", "[…]" stay strings by being quoted
    } catch {
      return v;
    }
  }
  return JSON.stringify(v);
}

export function textToValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
