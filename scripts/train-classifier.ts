/**
 * Trains the model of a `classifier` rule (lib/engine/rules/classifier.ts) and writes it into its
 * pack: `npx tsx scripts/train-classifier.ts <pack.json> <rule id> <data dir>...`; `npm run
 * train:classifiers` retrains the default packs' models.
 *
 * Logistic regression over the character n-grams the engine computes (lib/engine/char-ngrams.ts),
 * on the labelled examples of the data folders (JSON Lines: {"lang","label":0|1,"text"}), plus the
 * embedded test sentences of the other default rules as extra examples (a flag sentence of a rule
 * of the same category whose accounts overlap the model rule's is a positive, every other test
 * sentence a negative; classifier rules' own tests are left out, they check the result).
 * Deterministic (fixed seed). The threshold is chosen on out-of-fold predictions (5 folds): the
 * lowest that keeps false alarms on the negatives at or below TARGET_FALSE_ALARMS. The evaluation
 * corpus (tests/eval) is never read.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '@/lib/engine/normalize';
import { foldDigits, ngramStrings, shapeFeatures } from '@/lib/engine/char-ngrams';
import { analyzeStructure } from '@/lib/engine/structure';
import { sentenceWindows } from '@/lib/engine/rules/classifier';

const args = process.argv.slice(2);
/** `--false-alarms 0.005`: a stricter share of false alarms on the negatives for the threshold. */
const faFlag = args.indexOf('--false-alarms');
const faTarget = faFlag >= 0 ? Number(args.splice(faFlag, 2)[1]) : undefined;
const [packPath, ruleId, ...dataDirs] = args;
if (!packPath || !ruleId || dataDirs.length === 0) {
  console.error('usage: tsx scripts/train-classifier.ts <pack.json> <rule id> <data dir>...');
  process.exit(2);
}

const MIN_N = 3;
const MAX_N = 5;
/** Features kept in the shipped model (by weight): bounds the pack's size and the lookups. */
const KEEP = 3000;
const EPOCHS = 60;
const L2 = 1e-4;
const TARGET_FALSE_ALARMS = faTarget ?? 0.01;
const FOLDS = 5;

interface Example {
  text: string;
  label: 0 | 1;
  lang: string;
  origin: string;
}

function readExamples(): Example[] {
  const out: Example[] = [];
  for (const dir of dataDirs) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const e = JSON.parse(line) as { text: string; label: number; lang: string };
        out.push({ text: e.text, label: e.label === 1 ? 1 : 0, lang: e.lang, origin: f });
      }
    }
  }
  return out;
}

interface PackRule {
  id: string;
  category: string;
  type: string;
  scope?: { accounts?: string[] };
  tests?: { flag?: string[]; allow?: string[] };
}

/** Whether two rules can meet the same draft: no account scope, or a shared account type. */
const sameAccounts = (a: PackRule, b: PackRule) => !a.scope?.accounts || !b.scope?.accounts || a.scope.accounts.some((x) => b.scope!.accounts!.includes(x));

/** Test sentences of the other default rules: flags of the model's category and accounts are positives, the rest negatives. */
function packTestExamples(target: PackRule): Example[] {
  const dir = 'lib/packs/defaults';
  const out: Example[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const pack = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { rules: PackRule[] };
    for (const r of pack.rules) {
      if (r.type === 'classifier') continue;
      const positive = r.category === target.category && sameAccounts(r, target);
      for (const t of r.tests?.flag ?? []) out.push({ text: t, label: positive ? 1 : 0, lang: '?', origin: `tests:${r.id}` });
      for (const t of r.tests?.allow ?? []) out.push({ text: t, label: 0, lang: '?', origin: `tests:${r.id}` });
    }
  }
  return out;
}

/** Sparse features of one text: feature index → value (count / √total), as the engine scores them. */
type Vec = Array<[number, number]>;
function featurize(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  // Digits folded as the engine's hashes fold them, so one feature string stands for all.
  const grams = ngramStrings(normalize(text).folded, MIN_N, MAX_N).map(foldDigits);
  const shapes = shapeFeatures(text);
  for (const g of [...grams, ...shapes]) counts.set(g, (counts.get(g) ?? 0) + 1);
  const norm = Math.sqrt(Math.max(1, grams.length + shapes.length));
  for (const [k, v] of counts) counts.set(k, v / norm);
  return counts;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

function train(rows: Array<{ x: Vec; y: number }>, dims: number): { w: Float64Array; b: number } {
  const w = new Float64Array(dims);
  let b = 0;
  const pos = rows.filter((r) => r.y === 1).length;
  const neg = rows.length - pos;
  // Positives are rarer: they weigh √(negatives / positives) each, half-way to balanced classes (fully
  // balanced classes made more false alarms on official texts).
  const cw = [1, Math.sqrt(Math.max(1, neg) / Math.max(1, pos))];
  const rand = rng(20261207);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const lr = 0.8 / (1 + epoch * 0.15);
    for (const i of order) {
      const { x, y } = rows[i]!;
      let z = b;
      for (const [k, v] of x) z += w[k]! * v;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y) * cw[y]!;
      for (const [k, v] of x) w[k] = w[k]! - lr * (g * v + L2 * w[k]!);
      b -= lr * g;
    }
  }
  return { w, b };
}

function predict(x: Vec, w: Float64Array, b: number): number {
  let z = b;
  for (const [k, v] of x) z += w[k]! * v;
  return 1 / (1 + Math.exp(-z));
}

const pack = JSON.parse(readFileSync(packPath, 'utf8')) as { rules: PackRule[] };
const target = pack.rules.find((r) => r.id === ruleId);
if (!target) throw new Error(`${ruleId} is not in ${packPath}`);
/**
 * The engine scores each sentence of a line and the line as a whole (sentenceWindows): a negative
 * teaches the model through every such window, so no sentence of an official text reads as rude.
 * A positive stays whole (one of its sentences alone may be neutral: "Thanks for asking.").
 */
function windows(e: Example): Example[] {
  if (e.label === 1) return [e];
  return e.text.split('\n').flatMap((line) => sentenceWindows(line, analyzeStructure(line).sentenceBreaks).map((r) => ({ ...e, text: line.slice(r.start, r.end) })));
}
const examples = [...readExamples(), ...packTestExamples(target)].flatMap(windows);
const feats = examples.map((e) => featurize(e.text));

// Vocabulary: features seen in at least two examples.
const df = new Map<string, number>();
for (const f of feats) for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
const vocab = [...df].filter(([, n]) => n >= 2).map(([k]) => k).sort();
const index = new Map(vocab.map((k, i) => [k, i]));
const toRows = (keep: Map<string, number>) =>
  feats.map((f, i) => ({ x: [...f].filter(([k]) => keep.has(k)).map(([k, v]) => [keep.get(k)!, v] as [number, number]), y: examples[i]!.label }));

// First fit on the whole vocabulary, keep the strongest features, refit on those.
const full = train(toRows(index), vocab.length);
const kept = vocab.map((k, i) => [k, Math.abs(full.w[i]!)] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, KEEP).map(([k]) => k).sort();
const keptIndex = new Map(kept.map((k, i) => [k, i]));
const rows = toRows(keptIndex);

// Out-of-fold probabilities for the threshold.
const oof = new Float64Array(rows.length);
const fold = rows.map((_, i) => i % FOLDS);
for (let k = 0; k < FOLDS; k++) {
  const m = train(rows.filter((_, i) => fold[i] !== k), kept.length);
  rows.forEach((r, i) => {
    if (fold[i] === k) oof[i] = predict(r.x, m.w, m.b);
  });
}
const negScores = rows.map((r, i) => (r.y === 0 ? oof[i]! : -1)).filter((s) => s >= 0).sort((a, b) => b - a);
const allowed = Math.floor(negScores.length * TARGET_FALSE_ALARMS);
const threshold = Math.min(0.99, Math.max(0.5, (negScores[allowed] ?? 0.5) + 1e-4));
const recallBy = new Map<string, [number, number]>();
rows.forEach((r, i) => {
  if (r.y !== 1) return;
  const key = examples[i]!.origin.startsWith('tests:') ? 'pack tests' : examples[i]!.lang;
  const a = recallBy.get(key) ?? [0, 0];
  a[1]++;
  if (oof[i]! >= threshold) a[0]++;
  recallBy.set(key, a);
});
const falseAlarms = negScores.filter((s) => s >= threshold).length;

const final = train(rows, kept.length);
const model = {
  minN: MIN_N,
  maxN: MAX_N,
  bias: Number(final.b.toFixed(4)),
  threshold: Number(threshold.toFixed(4)),
  features: kept,
  weights: kept.map((_, i) => Number(final.w[i]!.toFixed(4))),
};

// Write the model into the rule, leaving the rest of the hand-formatted pack as it is.
const source = readFileSync(packPath, 'utf8');
const at = source.indexOf(`"id": "${ruleId}"`);
const modelAt = source.indexOf('"model": {', at);
if (at < 0 || modelAt < 0) throw new Error(`no "model" object in ${ruleId}`);
let depth = 0;
let end = modelAt + '"model": '.length;
for (let inString = false; end < source.length; end++) {
  const c = source[end];
  if (inString) {
    if (c === '\\') end++;
    else if (c === '"') inString = false;
  } else if (c === '"') inString = true;
  else if (c === '{') depth++;
  else if (c === '}' && --depth === 0) break;
}
const written = `"model": ${JSON.stringify(model)}`;
writeFileSync(packPath, source.slice(0, modelAt) + written + source.slice(end + 1));

console.log(`${ruleId}: ${examples.length} examples (${examples.filter((e) => e.label === 1).length} positive), vocabulary ${vocab.length}, kept ${kept.length}`);
console.log(`threshold ${model.threshold}: out-of-fold false alarms ${falseAlarms}/${negScores.length} (${((100 * falseAlarms) / negScores.length).toFixed(1)}%), recall ${[...recallBy].map(([k, [d, n]]) => `${k} ${d}/${n}`).join(', ')}`);
