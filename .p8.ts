import { readdirSync, readFileSync } from 'node:fs';
import { compilePacks } from '@/lib/engine';
import { validatePack } from '@/lib/packs/validate';
import { analyzeChunk, Doc, splitChunks } from '@/lib/engine/document';
import { DRAFT_280 } from './tests/bench/engine.bench';
const packs = readdirSync('lib/packs/defaults').filter(f=>f.endsWith('.json')).map(f => { const r = validatePack(JSON.parse(readFileSync('lib/packs/defaults/'+f,'utf8')), f); if (!r.ok) throw 1; return r.pack; });
const g: any = compilePacks(packs);
const sink = { finding() {}, prompt() {} };
const times = new Map<string, number>();
const N = 2000;
let chunkT = 0, docT = 0;
for (let i = 0; i < N; i++) {
  let t = performance.now();
  const placed = splitChunks(DRAFT_280).map(r => ({ offset: r.start, rec: analyzeChunk(g.terms, DRAFT_280.slice(r.start, r.end)) }));
  chunkT += performance.now() - t; t = performance.now();
  const doc = new Doc(DRAFT_280, placed, g.vocab, Infinity, false);
  docT += performance.now() - t;
  for (const { base, evaluate } of g.compiled) { const t0 = performance.now(); evaluate(doc, sink); times.set(base.id + ' ' + base.type, (times.get(base.id + ' ' + base.type) ?? 0) + performance.now() - t0); }
}
console.log('chunk', (chunkT / N * 1000).toFixed(1), 'us; doc', (docT / N * 1000).toFixed(1), 'us');
const total = [...times.values()].reduce((a, b) => a + b, 0);
console.log('rules total', (total / N * 1000).toFixed(1), 'us');
for (const [k, v] of [...times].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log((v / N * 1000).toFixed(1), 'us', k);
