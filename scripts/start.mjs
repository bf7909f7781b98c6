// `npm start`: builds Envoy and opens Chromium with it loaded on the compose studio.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { findChromium } from './chromium.mjs';
import { run, npx } from './run.mjs';

const EXTENSION_ID = 'flpjphmmfddifhomkenoglmoblchdlla'; // fixed by the manifest key

const built = await run(npx, ['wxt', 'build']);
if (built !== 0) process.exit(built);

let chromium;
try {
  chromium = findChromium();
} catch (error) {
  console.error(`\n${error.message}`);
  console.error('You can still load .output/chrome-mv3 by hand: chrome://extensions → Developer mode → Load unpacked.');
  process.exit(1);
}

const extension = path.resolve('.output/chrome-mv3');
const profile = path.resolve('.output/chromium-profile');
mkdirSync(profile, { recursive: true });
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  `chrome-extension://${EXTENSION_ID}/studio.html`,
];
console.log(`\nOpening ${chromium} with Envoy loaded (profile: ${profile}).`);
if (/google-chrome|Google Chrome|chrome\.exe/.test(chromium)) {
  console.log('Note: branded Google Chrome 137+ ignores --load-extension. If Envoy is missing, load .output/chrome-mv3 via chrome://extensions → Load unpacked.');
}
const child = spawn(chromium, args, { stdio: 'ignore', detached: true });
child.on('error', (error) => {
  console.error(`Could not start Chromium: ${error.message}`);
  process.exit(1);
});
child.unref();
