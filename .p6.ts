import { readdirSync, readFileSync } from 'node:fs';
import { compilePacks, checkText } from '@/lib/engine';
import { validatePack } from '@/lib/packs/validate';
import { DRAFT_280 } from './tests/bench/engine.bench';
const packs = readdirSync('lib/packs/defaults').filter(f=>f.endsWith('.json')).map(f => { const r = validatePack(JSON.parse(readFileSync('lib/packs/defaults/'+f,'utf8')), f); if (!r.ok) throw 1; return r.pack; });
const g = compilePacks(packs);
const ctx = { accountType: 'official' as const, modes: [], platform: 'x' as const };
for (let i = 0; i < 500; i++) checkText(g, DRAFT_280, ctx);
const wall: number[] = [], cpu: number[] = [];
const m0 = process.memoryUsage().heapUsed;
for (let i = 0; i < 3000; i++) { const c = process.cpuUsage(); const t = performance.now(); checkText(g, DRAFT_280, ctx); wall.push(performance.now() - t); const d = process.cpuUsage(c); cpu.push((d.user + d.system) / 1000); }
const q = (a: number[], p: number) => a.slice().sort((x, y) => x - y)[Math.floor(p * a.length)]!;
console.log('wall median', q(wall, .5).toFixed(3), 'p99', q(wall, .99).toFixed(3), 'max', Math.max(...wall).toFixed(2));
console.log('cpu  median', q(cpu, .5).toFixed(3), 'p99', q(cpu, .99).toFixed(3));
console.log('over 1ms:', wall.filter(x => x > 1).length);
