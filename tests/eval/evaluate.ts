/**
 * Guideline-quality evaluation: checks every labelled passage of tests/eval/*.jsonl with the
 * default packs through the same loader and engine the extension runs (lib/packs loadPacks →
 * lib/engine checkText), and scores detection and false alarms per rule family (a rule's
 * `category`) and per language. Used by `npm run eval` (tests/eval/cli.ts) and by the eval
 * smoke step of `npm test`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, type CheckContext, type Finding, type Mode, type Severity } from '@/lib/engine';
import { loadPacks } from '@/lib/packs';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';

export type Lang = 'en' | 'fr' | 'km';
export type Kind = 'real' | 'problem' | 'trap';

export interface Passage {
  id: string;
  lang: Lang;
  kind: Kind;
  text: string;
  /** Families that must be flagged, each at least at the given severity. */
  expect?: Array<[family: string, severity: Severity]>;
  ctx?: { modes?: Mode[]; accountType?: 'official' | 'personal'; platform?: CheckContext['platform'] };
  source?: string;
  licence?: string;
  note?: string;
}

const DIR = join(process.cwd(), 'tests/eval');
const RANK: Record<Severity, number> = { error: 2, warning: 1, suggestion: 0 };

function readJsonl(file: string): Passage[] {
  return readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as Passage;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
      }
    });
}

/** The corpus: real texts (labels from labels-real.json) plus the labelled drafts and traps. */
export function loadCorpus(): Passage[] {
  const labels = JSON.parse(readFileSync(join(DIR, 'labels-real.json'), 'utf8')) as Record<string, { expect: Passage['expect'] }>;
  const real = readJsonl('real.jsonl').map((p) => ({ ...p, expect: labels[p.id]?.expect ?? [] }));
  const corpus = [...real, ...readJsonl('drafts.jsonl')];
  const ids = new Set<string>();
  for (const p of corpus) {
    if (ids.has(p.id)) throw new Error(`duplicate passage id ${p.id}`);
    ids.add(p.id);
  }
  return corpus;
}

/** FNV-1a (32-bit) of the passage id: a fixed, documented split that no rule change can move. */
export function isHeldOut(id: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h & 1) === 1;
}

export interface PassageResult {
  passage: Passage;
  findings: Finding[];
  /** Expected families not found at the expected severity. */
  missed: Array<[string, Severity]>;
  /** Warning- or error-level findings in families the passage does not expect. */
  falseAlarms: Finding[];
}

export function evaluate(corpus: readonly Passage[]): PassageResult[] {
  const { guidelines, errors } = loadPacks(DEFAULT_PACKS.map((json, i) => ({ fileName: `default-${i}.json`, json })));
  if (errors.length > 0) throw new Error(`default packs failed to load: ${errors.map((e) => e.message).join('; ')}`);
  return corpus.map((passage) => {
    const ctx: CheckContext = {
      accountType: passage.ctx?.accountType ?? 'official',
      modes: passage.ctx?.modes ?? [],
      platform: passage.ctx?.platform ?? 'x',
    };
    const { findings } = checkText(guidelines, passage.text, ctx, { budgetMs: Infinity });
    const expect = passage.expect ?? [];
    const missed = expect.filter(([family, sev]) => !findings.some((f) => f.category === family && RANK[f.severity] >= RANK[sev]));
    const expected = new Set(expect.map(([family]) => family));
    const falseAlarms = findings.filter((f) => f.severity !== 'suggestion' && !expected.has(f.category));
    return { passage, findings, missed, falseAlarms };
  });
}

export interface Rate {
  hit: number;
  total: number;
}
export const pct = (r: Rate): string => (r.total === 0 ? '   –  ' : `${((100 * r.hit) / r.total).toFixed(1).padStart(5)}%`);
const ratio = (r: Rate): number => (r.total === 0 ? 1 : r.hit / r.total);

export interface Summary {
  passages: number;
  byKind: Record<Kind, number>;
  byLang: Record<Lang, number>;
  /** (passage, expected family) pairs detected, per family. */
  detectionByFamily: Record<string, Rate>;
  /** Problem passages with every expected family detected, per language. */
  detectionByLang: Record<string, Rate>;
  detection: Rate;
  /** Passages that do not expect a family but got a warning+ finding in it, per family. */
  falseAlarmByFamily: Record<string, Rate>;
  /** Passages without a problem of their own (real texts and traps) that got any false alarm, per language. */
  falseAlarmByLang: Record<string, Rate>;
  falseAlarmReal: Rate;
  falseAlarmTraps: Rate;
  errorFalseAlarms: number;
}

export function summarize(results: readonly PassageResult[]): Summary {
  const families = new Set<string>();
  for (const r of results) {
    for (const [f] of r.passage.expect ?? []) families.add(f);
    for (const f of r.findings) if (f.severity !== 'suggestion') families.add(f.category);
  }
  const rate = (): Rate => ({ hit: 0, total: 0 });
  const s: Summary = {
    passages: results.length,
    byKind: { real: 0, problem: 0, trap: 0 },
    byLang: { en: 0, fr: 0, km: 0 },
    detectionByFamily: {},
    detectionByLang: {},
    detection: rate(),
    falseAlarmByFamily: {},
    falseAlarmByLang: {},
    falseAlarmReal: rate(),
    falseAlarmTraps: rate(),
    errorFalseAlarms: 0,
  };
  for (const f of [...families].sort()) {
    s.detectionByFamily[f] = rate();
    s.falseAlarmByFamily[f] = rate();
  }
  for (const r of results) {
    const p = r.passage;
    s.byKind[p.kind]++;
    s.byLang[p.lang]++;
    const expect = p.expect ?? [];
    const expected = new Set(expect.map(([f]) => f));
    for (const [f] of expect) {
      const d = s.detectionByFamily[f]!;
      d.total++;
      if (!r.missed.some(([m]) => m === f)) d.hit++;
    }
    if (p.kind === 'problem') {
      const l = (s.detectionByLang[p.lang] ??= rate());
      l.total++;
      s.detection.total++;
      if (r.missed.length === 0) {
        l.hit++;
        s.detection.hit++;
      }
    }
    const falseFamilies = new Set(r.falseAlarms.map((f) => f.category));
    for (const f of families) {
      if (expected.has(f)) continue;
      const fa = s.falseAlarmByFamily[f]!;
      fa.total++;
      if (falseFamilies.has(f)) fa.hit++;
    }
    if (p.kind !== 'problem') {
      const l = (s.falseAlarmByLang[p.lang] ??= rate());
      l.total++;
      const target = p.kind === 'real' ? s.falseAlarmReal : s.falseAlarmTraps;
      target.total++;
      if (r.falseAlarms.length > 0) {
        l.hit++;
        target.hit++;
      }
    }
    s.errorFalseAlarms += r.falseAlarms.filter((f) => f.severity === 'error').length;
  }
  return s;
}

export interface Floors {
  /** Minimum detection rate (0–1) per family and per language, over the whole corpus. */
  detection: Record<string, number>;
  detectionByLang: Record<string, number>;
  /** Maximum false-alarm rates (0–1) on real texts and on traps; maximum error-severity false alarms. */
  maxFalseAlarmReal: number;
  maxFalseAlarmTraps: number;
  maxErrorFalseAlarms: number;
}

/** The floors a rule change must keep: returns the broken ones (empty = pass). */
export function checkFloors(s: Summary, floors: Floors): string[] {
  const broken: string[] = [];
  const low = (name: string, r: Rate | undefined, min: number): void => {
    if (r && r.total > 0 && ratio(r) + 1e-9 < min) broken.push(`detection ${name} ${pct(r).trim()} < floor ${(min * 100).toFixed(1)}%`);
  };
  for (const [f, min] of Object.entries(floors.detection)) low(f, s.detectionByFamily[f], min);
  for (const [l, min] of Object.entries(floors.detectionByLang)) low(l, s.detectionByLang[l], min);
  if (ratio(s.falseAlarmReal) > floors.maxFalseAlarmReal + 1e-9) broken.push(`false alarms on real texts ${pct(s.falseAlarmReal).trim()} > ceiling ${(floors.maxFalseAlarmReal * 100).toFixed(1)}%`);
  if (ratio(s.falseAlarmTraps) > floors.maxFalseAlarmTraps + 1e-9) broken.push(`false alarms on traps ${pct(s.falseAlarmTraps).trim()} > ceiling ${(floors.maxFalseAlarmTraps * 100).toFixed(1)}%`);
  if (s.errorFalseAlarms > floors.maxErrorFalseAlarms) broken.push(`error-severity false alarms ${s.errorFalseAlarms} > ${floors.maxErrorFalseAlarms}`);
  return broken;
}
