// `npm run demo`: builds Envoy and the demo composers (tests/fixtures: the real editor frameworks
// of X, Facebook, LinkedIn, Bluesky, Threads, Mastodon, Telegram, Instagram, WhatsApp), then opens
// Chromium with Envoy and one tab per composer at its real address (https://x.com/home, …),
// served from this machine: nothing goes to the network. Click into a composer and type.
// Stops when the browser window is closed.
//
// Environment: ENVOY_DEMO_SKIP_BUILD=1 (use the existing builds), ENVOY_PROFILE_DIR
// (default .output/demo-profile), ENVOY_HEADLESS=1, ENVOY_DEMO_FIXTURES=x,facebook (a subset).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_FIXTURES, FIXTURE_REGISTRY, launchDemo } from './demo-launcher.mjs';
import { run, npx } from './run.mjs';

if (process.env.ENVOY_DEMO_SKIP_BUILD !== '1') {
  for (const [command, args] of [
    [npx, ['wxt', 'build']],
    [process.execPath, ['scripts/build-fixtures.mjs']],
  ]) {
    const code = await run(command, args);
    if (code !== 0) process.exit(code);
  }
}

const profileDir = path.resolve(process.env.ENVOY_PROFILE_DIR || '.output/demo-profile');
mkdirSync(profileDir, { recursive: true });
const fixtures = process.env.ENVOY_DEMO_FIXTURES?.split(',').filter(Boolean) ?? DEMO_FIXTURES;

let demo;
try {
  demo = await launchDemo({ profileDir, headless: process.env.ENVOY_HEADLESS === '1', fixtures });
} catch (error) {
  console.error(`\n${error.message}`);
  process.exit(1);
}
demo.context.on('close', () => process.exit(0));
console.log('\nDemo composers, served locally at their platform addresses (offline):');
for (const name of fixtures) console.log(`  ${FIXTURE_REGISTRY[name].title.padEnd(18)} ${FIXTURE_REGISTRY[name].url}`);
console.log(`Envoy's pages: chrome-extension://${demo.extensionId}/studio.html, options.html, welcome.html`);
console.log('Envoy demo is ready. Close the browser window to stop.');
