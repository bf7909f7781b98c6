/**
 * `classifier` rules: the engine's n-gram hashes are the trainer's feature strings, a line is judged
 * as a whole (a long one sentence by sentence, short sentences not alone), and the explanation names
 * whole words (Khmer words too).
 */
import { describe, expect, it } from 'vitest';
import { FeatureIndex, featureHash, ngramStrings, shapeFeatures, sumWeights, windowFeatures } from '@/lib/engine/char-ngrams';
import { sentenceWindows } from '@/lib/engine/rules/classifier';
import { analyzeStructure } from '@/lib/engine/structure';
import { validatePack } from '@/lib/packs/validate';
import { matches, pack, rule, run } from './helpers';

/** A hand-made model: a few rude fragments weigh up, everything else weighs nothing. */
const model = (features: Record<string, number>, threshold = 0.6) => ({
  minN: 2,
  maxN: 5,
  bias: -1,
  threshold,
  features: Object.keys(features),
  weights: Object.values(features),
});
const RUDE = { ' idio': 20, 'idiot': 20, 'ល្ងង់': 20, '§!!': 5 };

describe('character n-grams', () => {
  it('sums the weights of the n-grams the trainer lists (padded text, digits of any script folded)', () => {
    const text = 'vous ល្ងង់ 12 ១២';
    const strings = ngramStrings(text, 2, 4);
    // Each distinct n-gram (digits folded) weighs how often it occurs: the expected sum is known exactly.
    const fold = (g: string) => g.replace(/[0-9០-៩]/g, '0');
    const weights = new Map<string, number>();
    for (const g of strings) weights.set(fold(g), (weights.get(fold(g)) ?? 0) + 1);
    const index = new FeatureIndex();
    const dense: number[] = [];
    for (const [g, w] of weights) dense[index.add(featureHash(g))] = w;
    const { ids, size } = windowFeatures(text, 2, 4, [featureHash('§!!')], index);
    // The engine's rolling hashes are the hashes of the trainer's n-gram strings, in order.
    expect([...ids]).toEqual(strings.map((g) => index.find(featureHash(g))));
    expect(size).toBe(strings.length + 1);
    expect(sumWeights(ids, Float64Array.from(dense))).toBe(strings.reduce((a, g) => a + weights.get(fold(g))!, 0));
    expect(featureHash(' 12 ')).toBe(featureHash(' ១២ '));
    expect(featureHash(' 12 ')).toBe(featureHash(' 00 '));
    expect(index.find(featureHash('not a feature'))).toBe(-1);
    // Numbers are dense and stable: adding a known feature again returns its number.
    expect(index.size).toBe(weights.size);
    expect(index.add(featureHash(' vo'))).toBe(index.find(featureHash(' vo')));
  });

  it('numbers thousands of features without collisions (the table grows)', () => {
    // Letters only: hashes fold digits, so "f1" and "f2" are one feature.
    const name = (i: number) => [...i.toString(16)].map((d) => String.fromCharCode(0x61 + parseInt(d, 16))).join('');
    const index = new FeatureIndex();
    const ids = Array.from({ length: 5000 }, (_, i) => index.add(featureHash(name(i))));
    expect(ids).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(Array.from({ length: 5000 }, (_, i) => index.find(featureHash(name(i))))).toEqual(ids);
  });

  it('marks shouting and runs of ! and ?', () => {
    expect(shapeFeatures('READ THE POST!!')).toEqual(['§caps', '§!!']);
    expect(shapeFeatures('Really??')).toEqual(['§??']);
    expect(shapeFeatures('ASEAN meets in Vientiane.')).toEqual([]);
  });
});

describe('classifier rules', () => {
  it('judges a reply as a whole, and a long line sentence by sentence', () => {
    const reply = 'Thanks for your comment. Only an idiot would ask that!!';
    expect(matches(run({ type: 'classifier', model: model(RUDE) }, reply))).toEqual([reply]);
    const filler = 'The embassy thanks all the members of the community who joined the national day reception at the residence last week. ';
    const long = `${filler.repeat(6)}Only an idiot would ask that!! ${filler}`;
    expect(long.length).toBeGreaterThan(600);
    expect(matches(run({ type: 'classifier', model: model(RUDE) }, long))).toEqual(['Only an idiot would ask that!!']);
  });

  it('scores Khmer written without spaces and explains with whole words', () => {
    const res = run({ type: 'classifier', model: model(RUDE), message: { en: 'Tone ({score}): {cues}.' } }, 'ឯងល្ងង់ណាស់');
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0]!.message.en).toMatch(/^Tone \(\d+%\): “[^”]*ល្ងង់[^”]*”/);
  });

  it('stays quiet below the threshold and on text without the model’s features', () => {
    expect(matches(run({ type: 'classifier', model: model(RUDE, 0.99) }, 'Only an idiot would ask that!!'))).toEqual([]);
    expect(matches(run({ type: 'classifier', model: model(RUDE) }, 'The visa section opens at 8:30 on weekdays.'))).toEqual([]);
  });

  it('does not judge a short sentence of a long line alone', () => {
    const sentence = 'Le service consulaire est ouvert du lundi au vendredi, le matin seulement. ';
    const line = `Oui. ${sentence.repeat(9)}`;
    const windows = sentenceWindows(line, analyzeStructure(line).sentenceBreaks).map((r) => line.slice(r.start, r.end));
    expect(windows).toHaveLength(9);
    expect(windows.every((w) => w === sentence.trim())).toBe(true);
    expect(sentenceWindows('Reported.', [9])).toEqual([{ start: 0, end: 9 }]);
  });

  it('refuses a model whose features and weights do not pair up', () => {
    const bad = validatePack(pack([rule({ type: 'classifier', model: { ...model(RUDE), weights: [1] } })]), 'bad.json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field)).toContain('model');
    const inverted = validatePack(pack([rule({ type: 'classifier', model: { ...model(RUDE), minN: 5, maxN: 2 } })]), 'inverted.json');
    expect(inverted.ok).toBe(false);
  });
});
