/**
 * Engine benchmark: `npx tsx tests/bench/engine.bench.ts` (or runEngineBench()
 * from the top-level `npm run bench`). Loads every lib/packs/defaults/*.json,
 * times compilation, checks of a 280-character and a 5,000-character
 * English + Khmer diplomatic draft, an incremental re-check after a
 * one-paragraph edit, and runs alex and write-good on the same drafts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { text as alexText } from 'alex';
import { checkText, compilePacks, createIncrementalChecker, type CheckContext } from '@/lib/engine';
import { loadPack, parsePackFile, formatPackError } from '@/lib/packs/validate';
import type { Pack } from '@/lib/packs/schema';

type WriteGood = (text: string) => Array<{ index: number; offset: number; reason: string }>;
const writeGood = createRequire(import.meta.url)('write-good') as WriteGood;

const CTX: CheckContext = { accountType: 'official', modes: [], platform: 'x' };

/** 280 characters: English + Khmer, a title, a hashtag, a mention, a link, an emoji. */
export const DRAFT_280 = (() => {
  const s =
    'Samdech Moha Borvor Thipadei Hun Manet received the Ambassador of Japan today to discuss ASEAN cooperation 🇰🇭🤝🇯🇵 ' +
    'សម្តេចមហាបវរធិបតី ហ៊ុន ម៉ាណែត បានទទួលជួបឯកអគ្គរដ្ឋទូតជប៉ុន។ #Cambodia #digitaldiplomacy @MFAICambodia https://mfaic.gov.kh/news ';
  return (s + 'Thank you for the warm welcome and the productive talks!').slice(0, 280);
})();

const PARAGRAPHS = [
  'Today the Ministry of Foreign Affairs and International Cooperation (MFAIC) welcomed a delegation from the Kingdom of Thailand for the third round of bilateral consultations on border management, trade facilitation and tourism. Both sides reaffirmed their commitment to ASEAN centrality and to the peaceful settlement of disputes.',
  'ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ បានស្វាគមន៍គណៈប្រតិភូពីព្រះរាជាណាចក្រថៃ សម្រាប់កិច្ចពិគ្រោះយោបល់ទ្វេភាគីលើកទីបី ស្តីពីការគ្រប់គ្រងព្រំដែន ការសម្របសម្រួលពាណិជ្ជកម្ម និងទេសចរណ៍។',
  'H.E. Prak Sokhonn, Deputy Prime Minister, noted that trade between our two countries reached record levels last year, and thanked the Thai side for its support during the recent floods in the north-west. Vietnam and Lao PDR were also represented as observers.',
  'The delegations visited the Angkor Wat temple complex and discussed joint heritage conservation projects with UNESCO. Read the joint statement at https://www.mfaic.gov.kh/statements and follow @MFAICambodia for updates. #ASEAN #Cambodia #heritage',
  'សម្តេចមហាបវរធិបតី ហ៊ុន ម៉ាណែត នាយករដ្ឋមន្ត្រីនៃព្រះរាជាណាចក្រកម្ពុជា បានគូសបញ្ជាក់ពីសារៈសំខាន់នៃកិច្ចសហប្រតិបត្តិការក្នុងតំបន់ ដើម្បីសន្តិភាព ស្ថិរភាព និងវិបុលភាពរួម។',
  'We look forward to welcoming our partners again at the next ministerial meeting in Phnom Penh. Thank you to everyone who made this visit a success!',
];

/**
 * About 5,000 characters of paragraphs (English + Khmer). Every paragraph is
 * made unique (a dated lead-in), so no chunk analysis is shared between them.
 */
export const DRAFT_5000 = (() => {
  const out: string[] = [];
  let len = 0;
  for (let i = 0; len < 5000; i++) {
    const p = `(${i + 1}) ${PARAGRAPHS[i % PARAGRAPHS.length]!}`;
    out.push(p);
    len += p.length + 2;
  }
  return out.join('\n\n').slice(0, 5000);
})();

interface Stats {
  median: number;
  p99: number;
}

function pct(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Wall-clock time per call (ms), after a warm-up. */
function time(fn: () => unknown, iterations: number, warmup = Math.min(50, iterations)): Stats {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
  }
  wall.sort((a, b) => a - b);
  return { median: pct(wall, 0.5), p99: pct(wall, 0.99) };
}

function loadDefaultPacks(): { packs: Pack[]; note: string } {
  const dir = join(process.cwd(), 'lib/packs/defaults');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    /* no defaults directory yet */
  }
  const packs: Pack[] = [];
  for (const f of files) {
    const parsed = parsePackFile(readFileSync(join(dir, f), 'utf8'), f);
    const r = parsed.ok ? loadPack(parsed.json, f) : parsed;
    if (r.ok) packs.push(r.pack);
    else console.warn(`  (skipped) ${r.errors.map(formatPackError).join('; ')}`);
  }
  if (packs.length === 0) throw new Error('No valid default packs in lib/packs/defaults: nothing to benchmark.');
  return { packs, note: `${packs.length} default packs (${files.join(', ')})` };
}

export interface EngineBenchResult {
  rules: number;
  compileMs: number;
  prepareMs: number;
  longestSliceMs: number;
  check280: Stats;
  check5000: Stats;
  incremental5000: Stats;
  alex280: number;
  alex5000: number;
  writeGood280: number;
  writeGood5000: number;
  pass: boolean;
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function runEngineBench(): EngineBenchResult {
  const { packs, note } = loadDefaultPacks();
  const rules = packs.reduce((n, p) => n + p.rules.length, 0);
  console.log(`Envoy engine benchmark — ${note}, ${rules} rules; Node ${process.version}`);
  console.log(`  drafts: ${DRAFT_280.length} chars and ${DRAFT_5000.length} chars (English + Khmer)`);

  const compile = time(() => compilePacks(packs), 20, 3);
  // The deferred part (the patterns' required literals), as the extension runs it: one slice per macrotask.
  const slices: number[] = [];
  const cold: number[] = [];
  for (let round = 0; round < 5; round++) {
    const fresh = compilePacks(packs);
    for (let more = true; more; ) {
      const t = performance.now();
      more = fresh.prepareStep();
      slices.push(performance.now() - t);
    }
    // A draft checked before any warm-up pays for the deferred part first.
    const unprepared = compilePacks(packs);
    const t = performance.now();
    checkText(unprepared, DRAFT_280, CTX);
    cold.push(performance.now() - t);
  }
  const prepareTotal = slices.reduce((a, b) => a + b, 0) / 5;
  const longestSlice = Math.max(...slices);
  cold.sort((a, b) => a - b);
  const g = compilePacks(packs);
  while (g.prepareStep()) {
    /* warm, as in the extension after idle time */
  }
  const c280 = time(() => checkText(g, DRAFT_280, CTX), 3000, 300);
  const c5000 = time(() => checkText(g, DRAFT_5000, CTX), 400, 40);

  // Incremental: alternate between two versions that differ in one paragraph.
  const inc = createIncrementalChecker(g);
  const edited = DRAFT_5000.replace('record levels last year', 'record levels last year, Swaziland noted');
  let flip = false;
  const incr = time(() => {
    flip = !flip;
    return inc.check(flip ? edited : DRAFT_5000, CTX);
  }, 400, 40);
  const same = JSON.stringify(inc.check(edited, CTX)) === JSON.stringify(checkText(g, edited, CTX));

  // Real use: text the automata have not seen (a paste) and a post typed letter by letter (each
  // keystroke re-checks a text that differs by one character), over real official texts.
  const real = readFileSync(join(process.cwd(), 'tests/eval/real.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text.slice(0, 280));
  const fresh: number[] = [];
  for (const t of real) {
    const t0 = performance.now();
    checkText(g, t, CTX);
    fresh.push(performance.now() - t0);
  }
  fresh.sort((a, b) => a - b);
  const typing: number[] = [];
  for (const t of real.slice(100, 110)) {
    for (let i = 200; i <= t.length; i++) {
      const t0 = performance.now();
      checkText(g, t.slice(0, i), CTX);
      typing.push(performance.now() - t0);
    }
  }
  typing.sort((a, b) => a - b);

  const f280 = checkText(g, DRAFT_280, CTX);
  const f5000 = checkText(g, DRAFT_5000, CTX);
  const alex280 = time(() => alexText(DRAFT_280), 40, 5);
  const alex5000 = time(() => alexText(DRAFT_5000), 10, 2);
  const wg280 = time(() => writeGood(DRAFT_280), 400, 40);
  const wg5000 = time(() => writeGood(DRAFT_5000), 100, 10);
  const alexMsgs = alexText(DRAFT_5000).messages.length;
  const wgMsgs = writeGood(DRAFT_5000).length;

  // Shared machine: print the load so a failing p99 can be read in context.
  const load = loadavg()[0]!;
  const ok = {
    compile: compile.median <= 30,
    slice: longestSlice <= 50,
    m280: c280.median <= 0.2,
    p280: c280.p99 <= 1,
    m5000: c5000.median <= 3,
    alex: c280.median < alex280.median && c5000.median < alex5000.median,
    wg: c280.median < wg280.median && c5000.median < wg5000.median,
  };
  console.log(`  compile all default packs     median ${fmt(compile.median)}   target ≤ 30 ms        ${verdict(ok.compile)}`);
  console.log(`  deferred pattern literals     ${fmt(prepareTotal)} in idle slices, longest ${fmt(longestSlice)}   target ≤ 50 ms per slice (a long task)   ${verdict(ok.slice)}`);
  console.log(`  first check before warm-up    median ${fmt(pct(cold, 0.5))}   (280 chars; finishes the deferred part; in the extension warm-up runs first)`);
  console.log(`  check 280 chars               median ${fmt(c280.median)}   target ≤ 0.2 ms       ${verdict(ok.m280)}`);
  console.log(`  check 280 chars               p99    ${fmt(c280.p99)}   target ≤ 1 ms         ${verdict(ok.p280)}   (load average ${load.toFixed(1)} on ${cpus().length} cores)`);
  console.log(`  check 5,000 chars             median ${fmt(c5000.median)}   target ≤ 3 ms         ${verdict(ok.m5000)}   (p99 ${fmt(c5000.p99)})`);
  console.log(`  typing a 280-char post        median ${fmt(pct(typing, 0.5))}   p90 ${fmt(pct(typing, 0.9))}   (real texts, one letter more per check, n=${typing.length})`);
  console.log(`  280 chars never seen before   median ${fmt(pct(fresh, 0.5))}   p90 ${fmt(pct(fresh, 0.9))}   (${fresh.length} real texts, e.g. a paste: the automata build new states)`);
  console.log(`  incremental re-check 5,000    median ${fmt(incr.median)}   (one paragraph changed; equals checkText: ${same ? 'yes' : 'NO'})`);
  console.log(`  alex (retext-equality)        280: ${fmt(alex280.median)}  5,000: ${fmt(alex5000.median)}  → Envoy is ${(alex280.median / c280.median).toFixed(0)}× / ${(alex5000.median / c5000.median).toFixed(0)}× faster   ${verdict(ok.alex)}`);
  console.log(`  write-good                    280: ${fmt(wg280.median)}  5,000: ${fmt(wg5000.median)}  → Envoy is ${(wg280.median / c280.median).toFixed(1)}× / ${(wg5000.median / c5000.median).toFixed(1)}× faster   ${verdict(ok.wg)}`);
  console.log(`  checking more: Envoy ${rules} rules (en + km) → ${f280.findings.length} + ${f280.checklistPrompts.length} prompts on 280, ${f5000.findings.length} findings + ${f5000.checklistPrompts.length} prompts on 5,000; alex ${alexMsgs} and write-good ${wgMsgs} messages on 5,000 (English only)`);
  const pass = Object.values(ok).every(Boolean) && same;
  console.log(`  engine bench: ${verdict(pass)}`);
  return {
    rules, compileMs: compile.median, prepareMs: prepareTotal, longestSliceMs: longestSlice, check280: c280, check5000: c5000, incremental5000: incr,
    alex280: alex280.median, alex5000: alex5000.median, writeGood280: wg280.median, writeGood5000: wg5000.median, pass,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = runEngineBench();
  process.exitCode = r.pass ? 0 : 1;
}
