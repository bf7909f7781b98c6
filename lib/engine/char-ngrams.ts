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
 * Feature weights by hash: open addressing in typed arrays. A Map keyed by 32-bit hashes would box
 * most of them (beyond the small-integer range) and cost several times more per lookup, and every
 * check looks up every n-gram of every sentence.
 */
export class WeightTable {
  private readonly keys: Int32Array;
  private readonly values: Float64Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(entries: ReadonlyArray<readonly [hash: number, weight: number]>) {
    let size = 16;
    while (size < entries.length * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.values = new Float64Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
    for (const [hash, weight] of entries) {
      const at = this.slot(hash | 0);
      this.keys[at] = hash | 0;
      this.values[at] = this.values[at]! + weight; // two features with one hash add up
      this.used[at] = 1;
    }
  }

  private slot(key: number): number {
    let at = (key ^ (key >>> 15)) & this.mask;
    while (this.used[at] === 1 && this.keys[at] !== key) at = (at + 1) & this.mask;
    return at;
  }

  get(hash: number): number {
    const at = this.slot(hash | 0);
    return this.used[at] === 1 ? this.values[at]! : 0;
  }
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

/** The summed weight of n-gram hashes (see ngramHashes). */
export function sumWeights(hashes: Int32Array, table: WeightTable): number {
  let sum = 0;
  for (let i = 0; i < hashes.length; i++) sum += table.get(hashes[i]!);
  return sum;
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
