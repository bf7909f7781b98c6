#!/usr/bin/env node
/**
 * Bundles the e2e fixture pages (tests/fixtures/src/<name>.ts|tsx) with esbuild into
 * tests/fixtures/dist/<name>.js and writes tests/fixtures/dist/<name>.html for each.
 *
 * Each fixture runs the REAL editor framework the platform uses (Draft.js, Lexical, Quill 1,
 * TipTap, a React textarea, a custom contenteditable). The Playwright harness serves
 * dist/<name>.html at the platform's real URL (tests/fixtures/fixtures.json), and the script at
 * `<origin>/__envoy_fixture__/<name>.js`.
 *
 * Usage: node scripts/build-fixtures.mjs [name ...]   (FIXTURES_DEV=1 for React/Lexical dev builds)
 * One esbuild call for all entries, ~1-2 s.
 */
import { build } from 'esbuild';
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'tests/fixtures/src');
const distDir = path.join(root, 'tests/fixtures/dist');
export const SCRIPT_PREFIX = '/__envoy_fixture__/';

const registry = JSON.parse(await readFile(path.join(root, 'tests/fixtures/fixtures.json'), 'utf8'));
const wanted = process.argv.slice(2);
const entries = (await readdir(srcDir))
  .filter((f) => /\.(tsx?)$/.test(f))
  .map((f) => ({ name: f.replace(/\.tsx?$/, ''), file: path.join(srcDir, f) }))
  .filter(({ name }) => registry[name] && (wanted.length === 0 || wanted.includes(name)));

const missing = Object.keys(registry).filter((n) => !entries.some((e) => e.name === n));
if (wanted.length === 0 && missing.length) console.warn(`[fixtures] no source for: ${missing.join(', ')}`);

const started = performance.now();
await mkdir(distDir, { recursive: true });
const mode = process.env.FIXTURES_DEV ? 'development' : 'production';
await build({
  entryPoints: Object.fromEntries(entries.map((e) => [e.name, e.file])),
  outdir: distDir,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  jsx: 'automatic',
  // Fold `process.env.NODE_ENV` branches so React/Lexical ship one build (keeps identifiers readable).
  minifySyntax: true,
  conditions: [mode],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // CSS (Draft.css, quill.core.css) is imported as a string and injected where it is needed
  // (document head, or the LinkedIn #interop-outlet shadow root).
  loader: { '.css': 'text' },
  define: {
    'process.env.NODE_ENV': JSON.stringify(mode),
    global: 'window', // fbjs (draft-js) reads `global`
  },
});

for (const { name } of entries) {
  const { title } = registry[name];
  const html = `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="envoy-fixture" content="${name}">
</head>
<body>
<div id="react-root"></div>
<script src="${SCRIPT_PREFIX}${name}.js"></script>
</body>
</html>
`;
  await writeFile(path.join(distDir, `${name}.html`), html);
}
console.log(
  `[fixtures] built ${entries.map((e) => e.name).join(', ')} (${mode}) in ${Math.round(performance.now() - started)} ms`,
);
