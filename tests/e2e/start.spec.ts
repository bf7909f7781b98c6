/**
 * `npm start` as a newcomer runs it: the very script (scripts/start.mjs), on a fresh profile,
 * then again on the same profile. The test attaches to the browser it started (through
 * DevTools, port from the profile's DevToolsActivePort file) and reads what the tabs show:
 * Envoy's own page, never Chromium's "blocked" error page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, REPO_ROOT } from './harness';

let profile: string | undefined;
afterAll(async () => {
  if (profile) await rm(profile, { recursive: true, force: true });
});

async function npmStart(profileDir: string): Promise<{ child: ChildProcess; output: () => string }> {
  let output = '';
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ENVOY_START_SKIP_BUILD: '1', // the suite runs against the build it was given
      ENVOY_HEADLESS: '1',
      ENVOY_PROFILE_DIR: profileDir,
      ENVOY_CHROMIUM_ARGS: '--remote-debugging-port=0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const deadline = Date.now() + 45_000;
  while (!output.includes('Envoy is ready')) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start never got ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => output };
}

/** Every tab's URL and visible text, read through DevTools from outside the script. */
async function shownPages(profileDir: string): Promise<Array<{ url: string; text: string }>> {
  const portFile = path.join(profileDir, 'DevToolsActivePort');
  expect(existsSync(portFile)).toBe(true);
  const port = readFileSync(portFile, 'utf8').split('\n')[0];
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const pages = browser.contexts().flatMap((c) => c.pages());
    return await Promise.all(
      pages.map(async (p) => {
        await p.waitForLoadState('load');
        await p.locator('h1').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
        return { url: p.url(), text: await p.evaluate(() => document.body?.innerText ?? '') };
      }),
    );
  } finally {
    await browser.close(); // disconnects; the browser belongs to npm start
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe('npm start', () => {
  it('opens the welcome page on a fresh profile and Envoy\'s page again on the next start, never an error page', async () => {
    expect(existsSync(path.join(EXTENSION_DIR, 'manifest.json'))).toBe(true);
    profile = await mkdtemp(path.join(os.tmpdir(), 'envoy-start-profile-'));

    const first = await npmStart(profile);
    try {
      expect(first.output()).toMatch(/Envoy is ready: chrome-extension:\/\/flpjphmmfddifhomkenoglmoblchdlla\/welcome\.html/);
      const pages = await shownPages(profile);
      expect(pages.map((p) => p.text).join('\n')).not.toMatch(/ERR_BLOCKED_BY_CLIENT|is blocked/);
      const welcome = pages.find((p) => p.url.endsWith('/welcome.html'));
      expect(welcome?.text).toContain('Welcome to Envoy');
      expect(welcome?.text).toContain('Where your text goes');
    } finally {
      await stop(first.child);
    }

    const second = await npmStart(profile);
    try {
      const pages = await shownPages(profile);
      expect(pages.map((p) => p.text).join('\n')).not.toMatch(/ERR_BLOCKED_BY_CLIENT|is blocked/);
      // Chromium may report the command-line extension as installed again (then the welcome page
      // shows again), and may restore the last session's tabs: the page npm start names must be open.
      const named = /Envoy is ready: (chrome-extension:\/\/\S+\/(?:studio|welcome)\.html)/.exec(second.output())?.[1];
      expect(named, second.output()).toBeDefined();
      const shown = pages.find((p) => p.url === named);
      expect(shown?.text).toMatch(/Compose studio|Welcome to Envoy/);
    } finally {
      await stop(second.child);
    }
  });
});
