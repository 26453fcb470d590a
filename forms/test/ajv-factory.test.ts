import { customizeValidator } from '@rjsf/validator-ajv8';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS, AJV_OPTIONS_OVERRIDES, CUSTOM_FORMATS, createAjv } from '../src/index';

// The browser builds its ajv through rjsf; the server through createAjv(). They must be the same ajv.
describe('the shared ajv factory', () => {
  const server = createAjv();
  const browser = customizeValidator({ customFormats: { ...CUSTOM_FORMATS }, ajvOptionsOverrides: { ...AJV_OPTIONS_OVERRIDES } }).ajv;

  it('uses exactly the options rjsf validator-ajv8 uses', () => {
    // `code` holds functions from each package's own copy of ajv (same version): compare those by source.
    const { code: serverCode, ...serverOpts } = server.opts;
    const { code: browserCode, ...browserOpts } = browser.opts;
    expect(serverOpts).toEqual(browserOpts);
    const bySource = (code: object) => Object.entries(code).map(([k, v]) => [k, typeof v === 'function' ? String(v) : v]);
    expect(bySource(serverCode)).toEqual(bySource(browserCode));
    expect(AJV_OPTIONS).toMatchObject({ allErrors: true, strict: false });
  });

  it('knows the same formats, ours included', () => {
    expect(Object.keys(server.formats).sort()).toEqual(Object.keys(browser.formats).sort());
    for (const name of ['cn-resident-id', 'cn-mobile', 'cn-phone', 'cn-uscc', 'cn-postcode', 'date', 'email', 'data-url', 'color']) {
      expect(server.formats).toHaveProperty(name);
    }
  });

  it('knows the same keywords', () => {
    const keywords = (ajv: typeof server) => Object.keys(ajv.RULES.keywords).sort();
    expect(keywords(server)).toEqual(keywords(browser));
  });
});
