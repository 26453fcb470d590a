// The one ajv factory. The browser form validates with rjsf's validator-ajv8 (`customizeValidator`), which
// builds its own ajv; this factory builds the identical instance for the server, so both accept exactly the
// same data. A test compares the two instances' options and formats.
import Ajv from 'ajv';
import type { Options } from 'ajv';
import addFormats from 'ajv-formats';
import { RE2JS } from 're2js';
import { CN_FORMATS } from './formats/index';

/** rjsf validator-ajv8's AJV_CONFIG, verbatim (`verbose` gives us `parentSchema` for messages). */
export const AJV_OPTIONS: Readonly<Options> = Object.freeze({
  allErrors: true,
  multipleOfPrecision: 8,
  strict: false,
  verbose: true,
  discriminator: false,
});

// Formats and keyword rjsf's createAjvInstance adds on top of ajv-formats (copied from validator-ajv8 6.11).
const COLOR_FORMAT_REGEX =
  /^(#?([0-9A-Fa-f]{3}){1,2}\b|aqua|black|blue|fuchsia|gray|green|lime|maroon|navy|olive|orange|purple|red|silver|teal|white|yellow|(rgb\(\s*\b([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\b\s*,\s*\b([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\b\s*,\s*\b([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\b\s*\))|(rgb\(\s*(\d?\d%|100%)+\s*,\s*(\d?\d%|100%)+\s*,\s*(\d?\d%|100%)+\s*\)))$/;
const DATA_URL_FORMAT_REGEX = /^data:([a-z]+\/[a-z0-9-+.]+)?;(?:name=(.*);)?base64,(.*)$/;
const RJSF_ADDITIONAL_PROPERTIES_FLAG = '__rjsf_additionalProperties';

/**
 * Compiles a form's `pattern` (or `patternProperties` key) with RE2 — linear time in the input, whatever the
 * pattern: `^(a+)+$` cannot stall the server or the browser. JavaScript syntax is translated (`\u4e00` →
 * `\x{4e00}`, `(?<name>…)`); what RE2 cannot run — backreferences (`\1`), lookaround (`(?=…)`, `(?<=…)`) —
 * throws. Matching is a search, like `RegExp.prototype.test`.
 */
export function compilePattern(pattern: string): RE2JS {
  return RE2JS.compile(RE2JS.translateRegExp(pattern));
}

/** ajv's `code.regExp` engine: RE2 for every `pattern` and `patternProperties` of a schema. */
function re2RegExp(pattern: string): { test(s: string): boolean; toString(): string } {
  const re = compilePattern(pattern);
  // ajv deduplicates compiled patterns by `toString()`.
  return { test: (s: string) => re.test(s), toString: () => `re2:${pattern}` };
}
re2RegExp.code = 'yizhan-re2';

/** Why RE2 refuses a pattern (undefined when it compiles). */
export function patternProblem(pattern: string): string | undefined {
  try {
    compilePattern(pattern);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * What our ajv sets on top of rjsf's options, on the server (`createAjv`) and in the browser
 * (`customizeValidator({ ajvOptionsOverrides: AJV_OPTIONS_OVERRIDES })`): the RE2 pattern engine.
 */
export const AJV_OPTIONS_OVERRIDES: Readonly<Options> = Object.freeze({ code: { regExp: re2RegExp } });

/** The custom formats to hand to rjsf's `customizeValidator({ customFormats })`. */
export const CUSTOM_FORMATS: Readonly<Record<string, (value: string) => boolean>> = CN_FORMATS;

/**
 * A fresh ajv configured exactly like rjsf's
 * `customizeValidator({ customFormats: CUSTOM_FORMATS, ajvOptionsOverrides: AJV_OPTIONS_OVERRIDES })`.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, ...AJV_OPTIONS_OVERRIDES });
  addFormats(ajv);
  ajv.addFormat('data-url', DATA_URL_FORMAT_REGEX);
  ajv.addFormat('color', COLOR_FORMAT_REGEX);
  ajv.addKeyword(RJSF_ADDITIONAL_PROPERTIES_FLAG);
  for (const [name, check] of Object.entries(CUSTOM_FORMATS)) ajv.addFormat(name, check);
  return ajv;
}
