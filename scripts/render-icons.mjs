// Renders public/icon/envoy.svg to the PNG sizes the manifest uses (run by hand when the SVG changes).
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const svg = readFileSync(new URL('../public/icon/envoy.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), await page.screenshot({ omitBackground: true }));
  await page.close();
}
await browser.close();
console.log('icons written');
