/**
 * `npm run eval`             figures and every miss / false alarm of the TUNING half only
 * `npm run eval -- --heldout` figures of the frozen held-out half only (no passages printed)
 * `npm run eval -- --check`   figures of the whole corpus against tests/eval/floors.json; exit 1 if a
 *                             floor is broken (the smoke step of `npm test`; prints no passages)
 * `npm run eval -- --check --write-floors`  after a measured improvement: set the floors to today's
 *                             whole-corpus figures (rounded down), so CI keeps them
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFloors, evaluate, isHeldOut, loadCorpus, pct, summarize, type Floors, type PassageResult, type Summary } from './evaluate';

const args = new Set(process.argv.slice(2));
const FLOORS = join(process.cwd(), 'tests/eval/floors.json');
const mode = args.has('--heldout') ? 'heldout' : args.has('--check') ? 'check' : 'tuning';

const corpus = loadCorpus();
const chosen = mode === 'check' ? corpus : corpus.filter((p) => isHeldOut(p.id) === (mode === 'heldout'));
const results = evaluate(chosen);
const s = summarize(results);

function printSummary(title: string, sum: Summary): void {
  console.log(`\n${title}: ${sum.passages} passages (real ${sum.byKind.real}, problem drafts ${sum.byKind.problem}, traps ${sum.byKind.trap}; en ${sum.byLang.en}, fr ${sum.byLang.fr}, km ${sum.byLang.km})`);
  console.log('\n  family          detection            false alarms (warning+ where not expected)');
  for (const f of Object.keys(sum.detectionByFamily)) {
    const d = sum.detectionByFamily[f]!;
    const fa = sum.falseAlarmByFamily[f]!;
    console.log(`  ${f.padEnd(15)} ${pct(d)} (${d.hit}/${d.total})`.padEnd(38) + `${pct(fa)} (${fa.hit}/${fa.total})`);
  }
  console.log('\n  language  detection            false alarms on real texts + traps');
  for (const l of ['en', 'fr', 'km']) {
    const d = sum.detectionByLang[l] ?? { hit: 0, total: 0 };
    const fa = sum.falseAlarmByLang[l] ?? { hit: 0, total: 0 };
    console.log(`  ${l.padEnd(9)} ${pct(d)} (${d.hit}/${d.total})`.padEnd(33) + `${pct(fa)} (${fa.hit}/${fa.total})`);
  }
  console.log(`\n  all problems detected: ${pct(sum.detection)} (${sum.detection.hit}/${sum.detection.total})`);
  console.log(`  false alarms on real official texts: ${pct(sum.falseAlarmReal)} (${sum.falseAlarmReal.hit}/${sum.falseAlarmReal.total})`);
  console.log(`  false alarms on traps: ${pct(sum.falseAlarmTraps)} (${sum.falseAlarmTraps.hit}/${sum.falseAlarmTraps.total})`);
  console.log(`  error-severity false alarms: ${sum.errorFalseAlarms}`);
}

const short = (t: string): string => (t.length > 160 ? `${t.slice(0, 157)}…` : t);
function printDetails(rs: readonly PassageResult[]): void {
  const misses = rs.filter((r) => r.missed.length > 0);
  const fas = rs.filter((r) => r.falseAlarms.length > 0);
  console.log(`\nMisses (${misses.length}):`);
  for (const r of misses) {
    const fired = r.findings.map((f) => `${f.ruleId}:${f.severity}`).join(', ') || 'nothing';
    console.log(`  ✘ ${r.passage.id} [${r.passage.lang}] wants ${r.missed.map(([f, sv]) => `${f}≥${sv}`).join(', ')}; fired: ${fired}\n      ${short(r.passage.text)}`);
  }
  console.log(`\nFalse alarms (${fas.length}):`);
  for (const r of fas) {
    const rules = r.falseAlarms.map((f) => `${f.ruleId}:${f.severity} “${f.match}”`).join(', ');
    console.log(`  ⚠ ${r.passage.id} [${r.passage.lang}, ${r.passage.kind}] ${rules}\n      ${short(r.passage.text)}`);
  }
}

if (mode === 'tuning') {
  printSummary('Tuning half (npm run eval)', s);
  printDetails(results);
  console.log('\nHeld-out half: `npm run eval -- --heldout` (figures only).');
} else if (mode === 'heldout') {
  printSummary('Held-out half (frozen; figures only)', s);
} else {
  printSummary('Whole corpus (eval smoke)', s);
  if (args.has('--write-floors')) {
    const down = (r: { hit: number; total: number }): number => Math.floor((1000 * r.hit) / r.total) / 1000;
    const up = (r: { hit: number; total: number }): number => (r.total === 0 ? 0 : Math.ceil((1000 * r.hit) / r.total) / 1000);
    const next: Floors = {
      detection: Object.fromEntries(Object.entries(s.detectionByFamily).filter(([, r]) => r.total > 0).map(([f, r]) => [f, down(r)])),
      detectionByLang: Object.fromEntries(Object.entries(s.detectionByLang).map(([l, r]) => [l, down(r)])),
      maxFalseAlarmReal: up(s.falseAlarmReal),
      maxFalseAlarmTraps: up(s.falseAlarmTraps),
      maxErrorFalseAlarms: s.errorFalseAlarms,
    };
    writeFileSync(FLOORS, `${JSON.stringify(next, null, 2)}\n`);
    console.log(`\nFloors written to tests/eval/floors.json.`);
  }
  const floors = JSON.parse(readFileSync(FLOORS, 'utf8')) as Floors;
  const broken = checkFloors(s, floors);
  if (broken.length > 0) {
    console.log(`\nEval floors broken (tests/eval/floors.json):\n  ${broken.join('\n  ')}`);
    process.exit(1);
  }
  console.log('\nEval floors kept (tests/eval/floors.json).');
}
