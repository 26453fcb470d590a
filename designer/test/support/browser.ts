// The browser of the browser tests, with nothing installed by hand. By default it is the headless
// Chromium inside the npm package @sparticuz/chromium (brotli-compressed in the package; nothing is
// downloaded), unpacked once into node_modules/.cache/yizhan-browser/. CHROMIUM_PATH picks another
// Chromium instead (e.g. Debian's package, if installed); a path that does not exist
// fails the test, it never skips it.
//
// Fonts: Chromium draws text with the fonts fontconfig shows it. The tests give it a fontconfig file
// of their own listing only Noto Sans SC (TrueType, from the npm package @expo-google-fonts/noto-sans-sc),
// so Chinese renders the same in every screenshot whatever fonts the machine has or lacks.
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** Where unpacked browsers and the fontconfig file live (git-ignored with node_modules/). */
export const BROWSER_CACHE = join(ROOT, 'node_modules', '.cache', 'yizhan-browser');
/** The weights the app uses: regular text and bold titles (fontconfig picks the nearest). */
const FONT_WEIGHTS = ['400Regular', '700Bold'];
const require = createRequire(import.meta.url);

/** The folder of an installed npm package (found through Node's resolution, hoisted or not). */
function packageRoot(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`${name}: package.json not found above ${require.resolve(name)}`);
    dir = up;
  }
}

/** Writes a file through a temporary name and a rename, so a concurrent reader never sees half of it. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** The Chromium of @sparticuz/chromium, unpacked on first use (about 3 s) and reused after. */
export async function bundledChromium(): Promise<string> {
  const pkg = packageRoot('@sparticuz/chromium');
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const dir = join(BROWSER_CACHE, `chromium-${version}`);
  const executable = join(dir, 'chromium');
  if (existsSync(executable)) return executable;
  mkdirSync(dir, { recursive: true });
  // Two test files may unpack at once: each into its own temporary file, then an atomic rename.
  const tmp = `${executable}.${process.pid}.tmp`;
  await pipeline(createReadStream(join(pkg, 'bin', 'chromium.br')), createBrotliDecompress(), createWriteStream(tmp, { mode: 0o755 }));
  renameSync(tmp, executable);
  return executable;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A fontconfig file that shows Chromium Noto Sans SC and nothing else; returns its path. */
export function fontConfigFile(): string {
  const fonts = packageRoot('@expo-google-fonts/noto-sans-sc');
  const dirs = FONT_WEIGHTS.map((weight) => join(fonts, weight));
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new Error(`CJK font folder missing: ${dir} (npm install)`);
  }
  const text = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    ...dirs.map((dir) => `  <dir>${xml(dir)}</dir>`),
    `  <cachedir>${xml(join(BROWSER_CACHE, 'fontconfig-cache'))}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
  mkdirSync(BROWSER_CACHE, { recursive: true });
  const file = join(BROWSER_CACHE, 'fonts.conf');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeAtomically(file, text);
  return file;
}

/** The Chromium the tests drive: CHROMIUM_PATH if set, else the one from the npm package. */
export async function chromiumPath(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH;
  if (!chosen) return bundledChromium();
  if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH=${chosen}: no such file (unset it to use the Chromium from npm)`);
  return chosen;
}

/** Headless Chromium with the flags a machine without outside network needs, and the CJK font. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, FONTCONFIG_FILE: fontConfigFile() },
  });
}
