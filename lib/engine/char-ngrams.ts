/**
 * Character n-grams as 32-bit FNV-1a hashes, the features of `classifier` rules: the engine and
 * the trainer (scripts/train-classifier.ts) share this module, so a model's features mean the
 * same thing in both. Character n-grams need no word segmentation (Khmer is written without
 * spaces) and see inflections and misspellings as near neighbours of the words a model learnt.
 */

import { slabCopy } from './typed-slab';

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
 * n-grams are looked up once for all models (see windowFeatures), and each model reads its weights
 * from a plain array by number. Open addressing in typed arrays: a Map keyed by 32-bit hashes would
 * box most of them (beyond the small-integer range) and cost several times more per lookup. A key
 * and its number sit side by side, so a lookup in a large index costs one cache miss, not two.
 */
export class FeatureIndex {
  /** Pairs (key, feature number + 1) per slot; number 0 = empty. */
  private table = new Int32Array(32);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The slot (index of its key in `table`) of `key`, or of the empty slot where it would go. */
  private slot(key: number): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let at = (key ^ (key >>> 15)) & mask;
    while (table[2 * at + 1] !== 0 && table[2 * at] !== key) at = (at + 1) & mask;
    return 2 * at;
  }

  /** The number of feature `hash`, or -1 when no model has it. */
  find(hash: number): number {
    return this.table[this.slot(hash | 0) + 1]! - 1;
  }

  /** The number of feature `hash`, added when new (numbers count up from 0). */
  add(hash: number): number {
    const at = this.slot(hash | 0);
    if (this.table[at + 1] !== 0) return this.table[at + 1]! - 1;
    this.table[at] = hash | 0;
    this.table[at + 1] = ++this.count;
    if (this.count * 4 > this.table.length) this.grow();
    return this.count - 1;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) {
      const at = this.slot(old[i]!);
      this.table[at] = old[i]!;
      this.table[at + 1] = old[i + 1]!;
    }
  }
}

/** Scratch for windowFeatures (allocating typed arrays costs more than hashing a post). */
let scratchCodes = new Uint16Array(1024);
let scratchIds = new Int32Array(4096);

/**
 * A window's features for the models: the numbers of its character n-grams (minN ≤ n ≤ maxN, of
 * ` text `, padded with a space so word starts and ends are features of their own; hashed as
 * featureHash hashes the trainer's ngramStrings, built incrementally) and of its shape features
 * (hashes) that some model has, in order with repeats kept; and how many n-grams and shape
 * features it has in all (the models divide by its square root). `text` is normalised and folded
 * (lower case, spaces collapsed). One pass, no array of hashes.
 */
export function windowFeatures(text: string, minN: number, maxN: number, shapes: readonly number[], index: FeatureIndex): { ids: Int32Array; size: number } {
  const length = text.length + 2;
  if (scratchCodes.length < length) scratchCodes = new Uint16Array(length * 2);
  const most = length * Math.max(0, maxN - minN + 1) + shapes.length;
  if (scratchIds.length < most) scratchIds = new Int32Array(most * 2);
  const codes = scratchCodes;
  const ids = scratchIds;
  codes[0] = 0x20;
  for (let i = 0; i < text.length; i++) codes[i + 1] = foldDigit(text.charCodeAt(i));
  codes[length - 1] = 0x20;
  let count = 0;
  let size = shapes.length;
  for (let i = 0; i < length; i++) {
    // The same 32 bits as featureHash (which returns them unsigned).
    let h = FNV_OFFSET | 0;
    const end = Math.min(length, i + maxN);
    for (let k = i; k < end; k++) {
      h = Math.imul(h ^ codes[k]!, FNV_PRIME);
      if (k - i + 1 < minN) continue;
      size++;
      const id = index.find(h);
      if (id >= 0) ids[count++] = id;
    }
  }
  for (const hash of shapes) {
    const id = index.find(hash);
    if (id >= 0) ids[count++] = id;
  }
  return { ids: slabCopy(ids.subarray(0, count)), size };
}

/** The summed weight of features (see windowFeatures); `weights` is a model's weight per feature number. */
export function sumWeights(ids: Int32Array, weights: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < ids.length; i++) sum += weights[ids[i]!]!;
  return sum;
}

/** The n-gram strings of a text (what windowFeatures hashes), for the trainer. */
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
