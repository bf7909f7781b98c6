/**
 * Character n-grams as 32-bit FNV-1a hashes, the features of `classifier` rules: the engine and
 * the trainer (scripts/train-classifier.ts) share this module, so a model's features mean the
 * same thing in both. Character n-grams need no word segmentation (Khmer is written without
 * spaces) and see inflections and misspellings as near neighbours of the words a model learnt.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Digits of any script count as one digit: "5 times" and "៥ ដង" share features with other figures. */
function foldDigit(c: number): number {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x17e0 && c <= 0x17e9)) return 0x30;
  return c;
}

/** A feature string with its digits folded as the hashes fold them (the trainer lists features so). */
export function foldDigits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldDigit(s.charCodeAt(i)));
  return out;
}

/** The hash of one feature string, as the model lists it (digits folded like the text's). */
export function featureHash(feature: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < feature.length; i++) h = Math.imul(h ^ foldDigit(feature.charCodeAt(i)), FNV_PRIME) >>> 0;
  return h;
}

/**
 * Dense numbers for feature hashes, shared by every classifier rule of one compiled set: a line's
 * n-grams are looked up once for all models (see featureIds), and each model reads its weights
 * from a plain array by number. Open addressing in typed arrays: a Map keyed by 32-bit hashes would
 * box most of them (beyond the small-integer range) and cost several times more per lookup.
 */
export class FeatureIndex {
  private keys = new Int32Array(16);
  /** Feature number + 1 per slot; 0 = empty. */
  private slots = new Int32Array(16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let at = (key ^ (key >>> 15)) & mask;
    while (this.slots[at] !== 0 && this.keys[at] !== key) at = (at + 1) & mask;
    return at;
  }

  /** The number of feature `hash`, or -1 when no model has it. */
  find(hash: number): number {
    return this.slots[this.slot(hash | 0)]! - 1;
  }

  /** The number of feature `hash`, added when new (numbers count up from 0). */
  add(hash: number): number {
    const at = this.slot(hash | 0);
    if (this.slots[at] !== 0) return this.slots[at]! - 1;
    this.keys[at] = hash | 0;
    this.slots[at] = ++this.count;
    if (this.count * 2 > this.keys.length) this.grow();
    return this.count - 1;
  }

  private grow(): void {
    const { keys, slots } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.slots = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) if (slots[i] !== 0) {
      const at = this.slot(keys[i]!);
      this.keys[at] = keys[i]!;
      this.slots[at] = slots[i]!;
    }
  }
}

/**
 * The numbers of the hashes that are features, n-grams then shape features (in order, repeats
 * kept): what the models' sums read.
 */
export function featureIds(hashes: Int32Array, shapes: readonly number[], index: FeatureIndex): Int32Array {
  const out = new Int32Array(hashes.length + shapes.length);
  let count = 0;
  for (let i = 0; i < hashes.length; i++) {
    const id = index.find(hashes[i]!);
    if (id >= 0) out[count++] = id;
  }
  for (const hash of shapes) {
    const id = index.find(hash);
    if (id >= 0) out[count++] = id;
  }
  return out.subarray(0, count);
}

/** The summed weight of features (see featureIds); `weights` is a model's weight per feature number. */
export function sumWeights(ids: Int32Array, weights: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < ids.length; i++) sum += weights[ids[i]!]!;
  return sum;
}

/**
 * The hash of every character n-gram (minN ≤ n ≤ maxN) of ` text ` (padded with a space, so word
 * starts and ends are features of their own), in one pass with hashes built incrementally. `text`
 * is normalised and folded (lower case, spaces collapsed). Several models with the same n-gram
 * lengths share one array (see the classifier rule's per-line cache).
 */
export function ngramHashes(text: string, minN: number, maxN: number): Int32Array {
  const length = text.length + 2;
  const codeAt = (i: number) => (i === 0 || i === length - 1 ? 0x20 : foldDigit(text.charCodeAt(i - 1)));
  const out = new Int32Array(length * Math.max(0, maxN - minN + 1));
  let count = 0;
  for (let i = 0; i < length; i++) {
    let h = FNV_OFFSET;
    for (let k = 0; k < maxN && i + k < length; k++) {
      h = Math.imul(h ^ codeAt(i + k), FNV_PRIME) >>> 0;
      if (k + 1 >= minN) out[count++] = h;
    }
  }
  return out.subarray(0, count);
}

/** The n-gram strings of a text (what ngramHashes hashes), for the trainer. */
export function ngramStrings(text: string, minN: number, maxN: number): string[] {
  const padded = ` ${text} `;
  const out: string[] = [];
  for (let i = 0; i < padded.length; i++) {
    for (let n = minN; n <= maxN && i + n <= padded.length; n++) out.push(padded.slice(i, i + n));
  }
  return out;
}

/**
 * Shape features of the original text that case folding hides: shouting (Latin capitals for 70% or
 * more of six Latin letters or more) and runs of exclamation or question marks.
 */
export function shapeFeatures(original: string): string[] {
  const out: string[] = [];
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) {
      upper++;
      letters++;
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7)) letters++;
  }
  if (letters >= 6 && upper / letters >= 0.7) out.push('§caps');
  if (/[!！]{2,}/.test(original)) out.push('§!!');
  if (/[?？]{2,}/.test(original)) out.push('§??');
  return out;
}
