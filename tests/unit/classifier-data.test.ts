/**
 * The classifiers' training data (the folders of data/) must stay apart from the evaluation corpus
 * (tests/eval): no training text equals, contains or is contained in an evaluation passage, so
 * `npm run eval` measures the model on text it never saw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const words = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { text: string; label: number; lang: string });

describe('classifier training data', () => {
  const dirs = readdirSync('data', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join('data', d.name));
  const training = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => lines(join(dir, f)).map((r) => ({ ...r, file: join(dir, f) }))));
  const evaluation = [...lines('tests/eval/drafts.jsonl'), ...lines('tests/eval/real.jsonl')].map((p) => words(p.text));

  it('is well formed: a language, a 0/1 label and a text on every line', () => {
    expect(training.length).toBeGreaterThan(1000);
    for (const r of training) {
      expect(['en', 'fr', 'km']).toContain(r.lang);
      expect([0, 1]).toContain(r.label);
      expect(r.text.length).toBeGreaterThan(0);
    }
  });

  it('shares no passage with the evaluation corpus', () => {
    const overlaps = training.filter((r) => {
      const t = words(r.text);
      return evaluation.some((e) => e === t || (t.length > 25 && e.includes(t)) || (e.length > 25 && t.includes(e)));
    });
    expect(overlaps.map((r) => `${r.file}: ${r.text}`)).toEqual([]);
  });
});
