/**
 * Real-browser figures for the composer integration (headless Chromium with
 * the built extension):
 *  1. keystroke-to-highlight on a 1,000-character Lexical draft (debounce,
 *     background check and paint included), median ≤ 100 ms;
 *  2. the content script's own main-thread time on a busy timeline page
 *     (500 DOM mutations a second, no composer focused), ≤ 2% of the page's,
 *     from the V8 CPU profile of the page's renderer;
 *  3. for the record (no target), the cold start: from typing into a composer of a
 *     browser launched a moment before to the first highlight (the background starting,
 *     packs validated and compiled, the first check).
 */
import type { CDPSession, Page } from 'playwright-core';
import { focusComposer, launchBrowser, openFixture, serveHtml, type LaunchedBrowser } from '../e2e/harness';

const KEYSTROKE_TARGET_MS = 100;
const MAIN_THREAD_SHARE_TARGET = 0.02;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function draftOf(length: number): string {
  const sentence = 'The Ministry welcomed the delegation for consultations on trade, tourism and ASEAN cooperation. ';
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
}

async function keystrokeToHighlight(browser: LaunchedBrowser, runs = 15): Promise<number[]> {
  const page = await openFixture(browser.context, 'facebook');
  // tsx compiles with keepNames; the functions sent to the page then call esbuild's __name helper.
  await page.evaluate('globalThis.__name ??= (f) => f');
  await focusComposer(page, 'facebook');
  await page.keyboard.insertText(draftOf(1000));
  await page.keyboard.insertText(' TOP SECRE');
  await page.waitForTimeout(500);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Page-side clock: from the keydown's timestamp to the first frame showing the highlight.
    const measurement = page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          let t0 = 0;
          document.addEventListener('keydown', (e) => (t0 = e.timeStamp), { capture: true, once: true });
          const deadline = performance.now() + 5000;
          const poll = () => {
            const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('envoy-error');
            if (t0 && h && [...h].some((r) => r.toString() === 'TOP SECRET')) resolve(performance.now() - t0);
            else if (performance.now() > deadline) reject(new Error('no highlight within 5 s'));
            else requestAnimationFrame(poll);
          };
          requestAnimationFrame(poll);
        }),
    );
    await page.waitForTimeout(50);
    await page.keyboard.press('T');
    samples.push(await measurement);
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('envoy-error');
      return !h || ![...h].some((r) => r.toString() === 'TOP SECRET');
    });
    await page.waitForTimeout(100);
  }
  await page.close();
  return samples;
}

/** Launch to first highlight: the page opens at once, the text is typed, the clock runs until the highlight shows. */
async function coldStart(browser: LaunchedBrowser): Promise<number> {
  const page = await openFixture(browser.context, 'facebook');
  await focusComposer(page, 'facebook');
  const t0 = Date.now();
  await page.keyboard.insertText('The cable is marked TOP SECRET.');
  await page.waitForFunction(
    () => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('envoy-error');
      return Boolean(h && [...h].some((r) => r.toString() === 'TOP SECRET'));
    },
    undefined,
    { timeout: 30_000, polling: 20 },
  );
  const ms = Date.now() - t0;
  await page.close();
  return ms;
}

const TIMELINE = `<!doctype html><html><head><title>Home / X</title></head><body>
<div data-testid="primaryColumn"><div id="feed"></div></div>
<script>
  // 500 DOM mutations a second: 10 new posts every 20 ms, oldest removed.
  const feed = document.getElementById('feed');
  let n = 0;
  setInterval(() => {
    for (let i = 0; i < 10; i++) {
      const post = document.createElement('article');
      post.innerHTML = '<div data-testid="tweetText"><span>Post ' + (n++) + ' about diplomacy and cooperation</span></div>';
      feed.prepend(post);
    }
    while (feed.childElementCount > 300) feed.lastElementChild.remove();
  }, 20);
</script></body></html>`;

interface ProfileNode { id: number; callFrame: { url: string; functionName: string } }

async function contentScriptShare(browser: LaunchedBrowser, seconds = 5): Promise<{ contentMs: number; pageMs: number }> {
  serveHtml(browser.context, 'https://x.com/explore', TIMELINE);
  const page: Page = await browser.context.newPage();
  await page.goto('https://x.com/explore');
  await page.waitForTimeout(1000);
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(seconds * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await page.close();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let contentUs = 0;
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const dt = profile.timeDeltas[i] ?? 0;
    if (node.callFrame.functionName === '(idle)') return;
    busyUs += dt;
    if (node.callFrame.url.includes('/content-scripts/')) contentUs += dt;
  });
  return { contentMs: contentUs / 1000, pageMs: busyUs / 1000 };
}

export async function runBrowserBench(): Promise<boolean> {
  const browser = await launchBrowser({ extension: true });
  try {
    const cold = await coldStart(browser);
    await new Promise((r) => setTimeout(r, 2500)); // let the browser's policy service settle
    console.log('\nComposer integration in headless Chromium (built extension)');
    console.log(`  cold start: browser launched, text typed → first highlight  ${cold} ms  (for the record: the background starts, validates and compiles the packs)`);
    const samples = await keystrokeToHighlight(browser);
    const med = median(samples);
    const keyOk = med <= KEYSTROKE_TARGET_MS;
    console.log(
      `  keystroke → highlight, 1,000-char Lexical draft  median ${med.toFixed(1)} ms  (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)}, n=${samples.length})  target ≤ ${KEYSTROKE_TARGET_MS} ms  ${keyOk ? 'PASS' : 'FAIL'}`,
    );
    const { contentMs, pageMs } = await contentScriptShare(browser);
    const share = pageMs > 0 ? contentMs / pageMs : 0;
    const shareOk = share <= MAIN_THREAD_SHARE_TARGET;
    console.log(
      `  busy timeline (500 mutations/s, 5 s, no composer)  content script ${contentMs.toFixed(1)} ms of ${pageMs.toFixed(0)} ms main-thread time = ${(share * 100).toFixed(2)}%  target ≤ 2%  ${shareOk ? 'PASS' : 'FAIL'}`,
    );
    return keyOk && shareOk;
  } finally {
    await browser.close();
  }
}
