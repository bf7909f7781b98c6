/**
 * Generated protocol tables (npm run data:entities → core.names `tables`):
 * regeneration is reproducible, coverage (193 UN members, 2 observers, ≥ 80
 * organisations with en/fr/km names), every row sourced, and table merging
 * (a later pack's row replaces a built-in one).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import names from '@/lib/packs/defaults/core.names.json';
import { validatePack } from '@/lib/packs/validate';
import { mergeTables } from '@/lib/entities/merge';
import type { Pack } from '@/lib/packs/schema';

const r = validatePack(names, 'core.names.json');
if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
const pack = r.pack;
const t = pack.tables!;

describe('npm run data:entities', () => {
  it('regenerates exactly the checked-in tables (no diff)', () => {
    const out = execFileSync(process.execPath, ['scripts/data-entities.mjs', '--check'], { encoding: 'utf8' });
    expect(out).toContain('up to date');
  });
});

describe('state table', () => {
  it('holds all 193 UN Member States and the 2 observer States, with ISO codes and en/fr/km short names', () => {
    const members = t.states!.filter((s) => s.status === 'member');
    expect(members).toHaveLength(193);
    expect(t.states!.filter((s) => s.status === 'observer').map((s) => s.code).sort()).toEqual(['PS', 'VA']);
    for (const s of [...members]) {
      expect(s.iso3, s.code).toMatch(/^[A-Z]{3}$/);
      expect(s.names.en.formal, s.code).toBeTruthy();
      expect(s.names.fr?.short, s.code).toBeTruthy();
      expect(s.names.km?.short, s.code).toMatch(/[\u1780-\u17FF]/);
    }
  });

  it('takes formal names and French articles from UNTERM, Khmer from CLDR unless the ministry form differs', () => {
    const kh = t.states!.find((s) => s.code === 'KH')!;
    expect(kh.names.en).toMatchObject({ short: 'Cambodia', formal: 'the Kingdom of Cambodia' });
    expect(kh.names.fr).toMatchObject({ short: 'Cambodge', formal: 'le Royaume du Cambodge', article: 'le' });
    expect(kh.names.km).toMatchObject({ short: 'កម្ពុជា', formal: 'ព្រះរាជាណាចក្រកម្ពុជា' });
    const sz = t.states!.find((s) => s.code === 'SZ')!;
    expect(sz.names.km!.short).toBe('អេស្វាទីនី');
    expect(sz.former!.map((f) => f.name)).toContain('ស្វាស៊ីឡង់');
  });

  it('records former names with the year they changed and a source', () => {
    const lk = t.states!.find((s) => s.code === 'LK')!;
    expect(lk.former).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Ceylon', lang: 'en', until: '1972', status: 'former' }),
      expect.objectContaining({ name: 'Ceylan', lang: 'fr', until: '1972' }),
    ]));
    for (const s of t.states!) for (const f of s.former ?? []) {
      expect(f.source, `${s.code} ${f.name}`).toBeTruthy();
      if (f.status === 'former') expect(f.until, `${s.code} ${f.name}`).toMatch(/^\d{4}$/);
    }
  });
});

describe('styles of heads of state and government', () => {
  const members = t.states!.filter((s) => s.status !== 'territory');
  const styles = t.styles!;

  it('gives every UN Member and observer State a head-of-state style in English, French and Khmer, with sources', () => {
    expect(members).toHaveLength(195);
    for (const s of members) {
      const hos = styles.filter((st) => st.headOfState?.includes(s.code));
      expect(hos, s.code).toHaveLength(1);
      expect(hos[0]!.style.fr, s.code).toBeTruthy();
      expect(hos[0]!.style.km, s.code).toMatch(/[\u1780-\u17FF]/);
      expect(hos[0]!.states, s.code).toContain(s.code);
      expect(hos[0]!.sources, s.code).toEqual(expect.arrayContaining(['UN-HSPM', 'ENVOY-KM-STYLES']));
    }
    const byCode = (code: string, list: 'headOfState' | 'headOfGovernment') => styles.filter((st) => st[list]?.includes(code)).map((st) => st.id);
    expect(byCode('FR', 'headOfState')).toEqual(['style.president']);
    expect(byCode('FR', 'headOfGovernment')).toEqual(['style.prime-minister']);
    expect(byCode('US', 'headOfGovernment')).toEqual(['style.president']);
    expect(byCode('AU', 'headOfState')).toEqual(['style.realm-monarch']);
    expect(byCode('VA', 'headOfState')).toEqual(['style.pope']);
    expect(byCode('VA', 'headOfGovernment')).toEqual([]);
    expect(byCode('AD', 'headOfState')).toEqual(['style.co-prince']);
    expect(byCode('DE', 'headOfGovernment')).toEqual(['style.federal-chancellor']);
    expect(byCode('CN', 'headOfGovernment')).toEqual(['style.premier']);
    expect(styles.find((st) => st.id === 'style.monarch')!.style.km).toBe('ព្រះករុណា');
    expect(styles.find((st) => st.id === 'style.president')!.style.km).toMatch(/^ឯកឧត្តម/);
  });

  it('gives a head-of-government style wherever the office exists (all but the Holy See, San Marino and Afghanistan)', () => {
    const without = members.filter((s) => !styles.some((st) => st.headOfGovernment?.includes(s.code))).map((s) => s.code).sort();
    expect(without).toEqual(['AF', 'SM', 'VA']);
  });

  it('npm run data:entities fails when a Member State has no head-of-state style', () => {
    const dir = mkdtempSync(join(tmpdir(), 'envoy-entities-'));
    try {
      cpSync('lib/entities/sources', dir, { recursive: true });
      const file = join(dir, 'address.curated.json');
      const address = JSON.parse(readFileSync(file, 'utf8'));
      delete address.heads.KE;
      writeFileSync(file, JSON.stringify(address));
      const r = spawnSync(process.execPath, ['scripts/data-entities.mjs', '--check', '--sources', dir], { encoding: 'utf8' });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/without a head-of-state style: KE/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('positions of the Royal Government on names', () => {
  it('every position entry carries a note in English, French and Khmer and a source with a public address', () => {
    const byId = new Map(pack.sources.map((s) => [s.id, s]));
    const entries = t.states!.flatMap((s) => (s.former ?? []).filter((f) => f.status === 'position').map((f) => ({ ...f, state: s.code })));
    expect(entries.length).toBeGreaterThan(0);
    for (const f of entries) {
      expect(f.note?.en, f.name).toBeTruthy();
      expect(f.note?.fr, f.name).toBeTruthy();
      expect(f.note?.km, f.name).toMatch(/[\u1780-\u17FF]/);
      expect(byId.get(f.source)?.url, f.name).toMatch(/^https?:\/\//);
    }
    // Only the one-China policy is recorded so far, on Taiwan's row; the People's Republic of China is never listed.
    expect(new Set(entries.map((f) => f.state))).toEqual(new Set(['TW']));
    expect(entries.map((f) => f.name)).not.toContain("People's Republic of China");
  });

  it('refuses a position entry without a note, and npm run data:entities refuses one without a stated position', () => {
    const bad = structuredClone(names) as unknown as { tables: { states: Array<{ id: string; former?: Array<Record<string, unknown>> }> } };
    const tw = bad.tables.states.find((s) => s.id === 'tw')!;
    tw.former = [{ name: 'Republic of China', lang: 'en', status: 'position', source: 'KH-ONE-CHINA-2025' }];
    const res = validatePack(bad, 'bad.json');
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.map((e) => e.message).join(' ')).toMatch(/"position" entry needs a "note"/);

    const dir = mkdtempSync(join(tmpdir(), 'envoy-entities-'));
    try {
      cpSync('lib/entities/sources', dir, { recursive: true });
      const file = join(dir, 'states.curated.json');
      const states = JSON.parse(readFileSync(file, 'utf8'));
      const entry = states.former.find((f: { status: string }) => f.status === 'position');
      entry.explain = 'no-such-position';
      writeFileSync(file, JSON.stringify(states));
      const r = spawnSync(process.execPath, ['scripts/data-entities.mjs', '--check', '--sources', dir], { encoding: 'utf8' });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/"explain" must name a position/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('office holders', () => {
  it('gives a foreign holder a Khmer name only with a Khmer-language source for it', () => {
    const km = t.holders!.filter((h) => h.name.km && h.state && h.state !== 'KH' && h.id !== 'holder.jp.emperor');
    expect(km.map((h) => h.id).sort()).toEqual(['holder.gb.king', 'holder.th.king', 'holder.va.pope']);
    const byId = new Map(pack.sources.map((s) => [s.id, s]));
    for (const h of km) {
      const khmerSource = h.sources.map((id) => byId.get(id)!).find((s) => /[\u1780-\u17FF]/.test(s.title));
      expect(khmerSource, h.id).toBeDefined();
      expect(khmerSource!.title, h.id).toContain(h.name.km!.split(' ')[0]!);
    }
  });
});

describe('organisations and institutions', () => {
  it('has at least 80 organisations and the Cambodian institutions, each with en/fr/km names and a source', () => {
    const orgs = t.organisations!.filter((o) => o.kind === 'organisation');
    expect(orgs.length).toBeGreaterThanOrEqual(80);
    const inst = t.organisations!.filter((o) => o.kind === 'institution').map((o) => o.id);
    expect(inst).toEqual(expect.arrayContaining(['kh.rgc', 'kh.national-assembly', 'kh.senate', 'kh.mfaic']));
    for (const o of t.organisations!) {
      expect(o.names.fr?.short, o.id).toBeTruthy();
      expect(o.names.km?.short, o.id).toMatch(/[\u1780-\u17FF]/);
      expect(o.sources.length, o.id).toBeGreaterThan(0);
    }
  });
});

describe('mergeTables', () => {
  it('lets a later pack replace a row by id (an organisation updating an office holder)', () => {
    const org: Pack = {
      ...pack, id: 'org.protocol', rules: [], entities: [],
      sources: [{ id: 'ORG', title: 'Protocol circular' }],
      tables: { holders: [{ id: 'holder.kh.prime-minister', office: { en: 'Prime Minister' }, name: { en: 'Test Holder' }, asOf: '2026-12-01', sources: ['ORG'] }] },
    };
    const merged = mergeTables([pack, org]);
    const pm = merged.holders.find((h) => h.id === 'holder.kh.prime-minister')!;
    expect(pm.name.en).toBe('Test Holder');
    expect(pm.packId).toBe('org.protocol');
    expect(pm.resolvedSources[0]!.title).toBe('Protocol circular');
    expect(merged.holders.length).toBe(t.holders!.length);
    expect(mergeTables([org, pack]).holders.find((h) => h.id === 'holder.kh.prime-minister')!.name.en).toBe('Hun Manet');
  });

  it('refuses a table row whose source is not in the pack', () => {
    const bad = { ...structuredClone(names), tables: { holders: [{ id: 'holder.x', office: { en: 'X' }, name: { en: 'Y' }, asOf: '2026-01-01', sources: ['NOPE'] }] } };
    const res = validatePack(bad, 'bad.json');
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[0]!.message).toMatch(/source "NOPE" is not in the pack's "sources" list/);
  });
});
