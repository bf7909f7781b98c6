/**
 * `classifier`: a linear model over character n-grams (logistic regression, trained offline by
 * scripts/train-classifier.ts from labelled examples), for judgements that word lists do not
 * generalise to, such as the tone of a reply. Each line is scored as a whole (a long one sentence by
 * sentence):
 * p = sigmoid(bias + Σ weight(n-gram) / √(n-grams in the window)); a window at or above
 * `threshold` is a finding, and its message names the words that weighed most. The model's
 * features are plain strings in the pack, so an administrator can read what it looks at.
 */
import { z } from 'zod';
import { commonRuleFields } from '../pack-fields';
import { featureHash, shapeFeatures, sumWeights, windowFeatures, type FeatureIndex } from '../char-ngrams';
import { defineRuleType, type Compiler } from './define';
import type { ChunkRecord, Doc, ScoredWindow, WindowVerdict } from '../document';
import type { Range } from '../types';

const modelSchema = z.strictObject({
  /** Shortest and longest n-gram, in characters. */
  minN: z.number().int().min(1).max(8),
  maxN: z.number().int().min(1).max(8),
  bias: z.number(),
  /** Probability at or above which a window is flagged. */
  threshold: z.number().gt(0).lt(1),
  /** Feature strings (n-grams of normalised, lower-case text, or the shape features §caps, §!!, §??) and their weights, in the same order. */
  features: z.array(z.string().min(1)).min(1).max(50000),
  weights: z.array(z.number()).min(1).max(50000),
});
const schema = z.strictObject({ ...commonRuleFields, type: z.literal('classifier'), model: modelSchema });
type Model = z.infer<typeof modelSchema>;

/** Windows longer than this are not scored as a whole (a long line is scored sentence by sentence). */
const MAX_WINDOW = 600;
/**
 * In a line too long to be judged whole, a sentence shorter than this is not judged: "Oui." or
 * "Not an easy task." carry too few n-grams for a verdict of their own.
 */
const MIN_SENTENCE = 25;
/** Words named in the explanation. */
const CUES = 3;
const WORDS = new Intl.Segmenter('km', { granularity: 'word' });

/** The first normalised unit at or after original offset `pos` (binary search over the offset map). */
function normIndex(rec: ChunkRecord, pos: number): number {
  const starts = rec.normalized.start;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The windows a classifier scores in one line: the whole line when it is at most MAX_WINDOW
 * characters (a reply is judged as a whole, as it is read: "Thank you for asking! The answer is in
 * the second paragraph." is courteous, its second sentence alone less so), else its sentences of
 * MIN_SENTENCE characters or more; trimmed. Shared with the trainer.
 */
export function sentenceWindows(text: string, sentenceBreaks: readonly number[]): Range[] {
  const out: Range[] = [];
  const add = (start: number, end: number, min: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end - start >= min && end - start <= MAX_WINDOW) out.push({ start, end });
  };
  if (text.trim().length <= MAX_WINDOW) {
    add(0, text.length, 2);
    return out;
  }
  const cuts = [0, ...sentenceBreaks.filter((b) => b > 0 && b < text.length), text.length];
  for (let i = 0; i + 1 < cuts.length; i++) add(cuts[i]!, cuts[i + 1]!, MIN_SENTENCE);
  return out;
}

/**
 * The line's windows with their features, computed once per line text and n-gram lengths and
 * shared by every classifier rule (the default packs' models all use 3–5): one lookup per n-gram
 * for all models.
 */
function windowsOf(rec: ChunkRecord, minN: number, maxN: number, index: FeatureIndex): ScoredWindow[] {
  const key = `${minN}-${maxN}`;
  let windows = rec.classifierWindows?.get(key);
  if (!windows) {
    windows = sentenceWindows(rec.text, rec.sentenceBreaks).map((r) => {
      const folded = rec.normalized.folded.slice(normIndex(rec, r.start), normIndex(rec, r.end));
      const { ids, size } = windowFeatures(folded, minN, maxN, shapeFeatures(rec.text.slice(r.start, r.end)).map(featureHash), index);
      return { start: r.start, end: r.end, folded, features: ids, size };
    });
    (rec.classifierWindows ??= new Map()).set(key, windows);
  }
  return windows;
}

function probability(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

const compile: Compiler<z.infer<typeof schema>> = (rule, base, env) => {
  const model: Model = rule.model;
  const index = env.features;
  const numbered = model.features.map((f, i) => [index.add(featureHash(f)), model.weights[i]!] as const);
  /** Weight per feature number, made at the first check (when every model has added its features). */
  let dense: Float64Array | null = null;
  const weights = (): Float64Array => {
    if (!dense) {
      dense = new Float64Array(index.size);
      for (const [id, w] of numbered) dense[id] = dense[id]! + w; // two features with one hash add up
    }
    return dense;
  };
  const weightOf = (hash: number): number => {
    const id = index.find(hash);
    return id < 0 ? 0 : weights()[id]!;
  };

  const score = (w: ScoredWindow): number =>
    probability(model.bias + sumWeights(w.features, weights()) / Math.sqrt(Math.max(1, w.size)));

  /**
   * The words of the window that weighed most towards the verdict, for the explanation: each
   * n-gram's weight is shared among its characters, and words (Intl.Segmenter, which knows Khmer
   * words) are ranked by the weight of their characters.
   */
  const cues = (folded: string): string => {
    const perChar = new Float64Array(folded.length + 2);
    const padded = ` ${folded} `;
    for (let i = 0; i < padded.length; i++) {
      for (let n = model.minN; n <= model.maxN && i + n <= padded.length; n++) {
        const w = weightOf(featureHash(padded.slice(i, i + n)));
        for (let k = i; k < i + n; k++) perChar[k] = perChar[k]! + w / n;
      }
    }
    const words: Array<[string, number]> = [];
    for (const seg of WORDS.segment(folded)) {
      if (!seg.isWordLike || seg.segment.length < 2) continue;
      let w = 0;
      for (let k = 0; k < seg.segment.length; k++) w += perChar[seg.index + 1 + k]!;
      if (w > 0 && !words.some(([x]) => x === seg.segment)) words.push([seg.segment, w]);
    }
    return words
      .sort((a, b) => b[1] - a[1])
      .slice(0, CUES)
      .map(([word]) => `“${word}”`)
      .join(', ');
  };

  /** The line's flagged windows (line-relative), computed once per line text: the incremental checker rescores only edited lines. */
  const verdicts = (rec: ChunkRecord): WindowVerdict[] => {
    let found = rec.classified?.get(base.index);
    if (found) return found;
    found = [];
    for (const w of windowsOf(rec, model.minN, model.maxN, index)) {
      const p = score(w);
      if (p >= model.threshold) found.push({ start: w.start, end: w.end, vars: { cues: cues(w.folded), score: `${Math.round(p * 100)}%` } });
    }
    (rec.classified ??= new Map()).set(base.index, found);
    return found;
  };

  return (doc: Doc, sink) => {
    for (const { offset, rec } of doc.chunks) {
      if (doc.overBudget()) {
        doc.truncated = true;
        return;
      }
      for (const v of verdicts(rec)) {
        const range = { start: offset + v.start, end: offset + v.end };
        // Structural: a link or a mention inside the sentence does not exempt its tone.
        if (!doc.suppressed(base, range, true)) sink.finding(base, { range, vars: v.vars });
      }
    }
  };
};

export const classifier = defineRuleType({
  schema,
  compile,
  structural: true,
  validate: (rule, err) => {
    const m = rule.model;
    if (m.features.length !== m.weights.length) err('model', `has ${m.features.length} features but ${m.weights.length} weights; they must pair up one to one.`);
    if (m.minN > m.maxN) err('model', `has minN ${m.minN} above maxN ${m.maxN}.`);
  },
  exampleVars: () => ({ match: '…', cues: '“…”', score: '90%' }),
});
