import { describe, expect, it } from 'vitest';
import {
  OVERRIDE_LOG_CAP,
  appendLogEntry,
  checkOverrideReason,
  createOverrideLogEntry,
  escapeCsvField,
  logToCsv,
  logToJson,
  parseLog,
  type OverrideLogEntry,
} from '@/lib/checklist';

const entry = (n: number, over: Partial<OverrideLogEntry> = {}): OverrideLogEntry => ({
  at: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
  platform: 'facebook',
  templateId: 'standard',
  openItems: ['cleared'],
  reason: `reason number ${n}`,
  ...over,
});

/** Minimal RFC 4180 parser for checking the export. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && csv[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 1; }
    else field += c;
  }
  return rows;
}

describe('override reasons', () => {
  it('are trimmed, whitespace-collapsed and must have at least 5 characters with a letter or digit', () => {
    expect(checkOverrideReason('  Approved   by\nHoM ')).toEqual({ ok: true, reason: 'Approved by HoM' });
    expect(checkOverrideReason('')).toEqual({ ok: false, error: 'missing' });
    expect(checkOverrideReason(undefined)).toEqual({ ok: false, error: 'missing' });
    expect(checkOverrideReason('\u200B')).toEqual({ ok: false, error: 'missing' });
    expect(checkOverrideReason('abcd')).toEqual({ ok: false, error: 'too-short' });
    expect(checkOverrideReason('!!!!!!')).toEqual({ ok: false, error: 'too-short' });
    expect(checkOverrideReason('abcde')).toEqual({ ok: true, reason: 'abcde' });
  });
});

describe('createOverrideLogEntry', () => {
  it('does not include the draft unless an excerpt is passed, and truncates the excerpt', () => {
    const base = { at: new Date('2025-02-03T04:05:06Z'), platform: 'x', templateId: 'crisis', openItems: ['a', 'b'], reason: 'Urgent consular notice' };
    const e = createOverrideLogEntry(base);
    expect(e).toEqual({ at: '2025-02-03T04:05:06.000Z', platform: 'x', templateId: 'crisis', openItems: ['a', 'b'], reason: 'Urgent consular notice' });
    expect('draftExcerpt' in e).toBe(false);
    const withExcerpt = createOverrideLogEntry({ ...base, draftExcerpt: 'ក'.repeat(200) });
    expect([...withExcerpt.draftExcerpt!].length).toBe(141);
    expect(withExcerpt.draftExcerpt!.endsWith('…')).toBe(true);
  });

  it('throws on an invalid reason or time', () => {
    const base = { at: '2025-02-03T04:05:06Z', platform: 'x', templateId: 't', openItems: [] };
    expect(() => createOverrideLogEntry({ ...base, reason: 'no' })).toThrow();
    expect(() => createOverrideLogEntry({ ...base, at: 'yesterday', reason: 'valid reason' })).toThrow();
  });
});

describe('appendLogEntry', () => {
  it('caps the log at 500 entries, dropping the oldest, without mutating the input', () => {
    let log: OverrideLogEntry[] = [];
    for (let i = 0; i < OVERRIDE_LOG_CAP + 7; i += 1) log = appendLogEntry(log, entry(i));
    expect(OVERRIDE_LOG_CAP).toBe(500);
    expect(log).toHaveLength(500);
    expect(log[0]!.reason).toBe('reason number 7');
    expect(log[499]!.reason).toBe('reason number 506');
    const copy = [...log];
    appendLogEntry(log, entry(1000));
    expect(log).toEqual(copy);
    expect(appendLogEntry([entry(1), entry(2)], entry(3), 2).map((e) => e.reason)).toEqual(['reason number 2', 'reason number 3']);
  });
});

describe('CSV export', () => {
  it('escapes commas, quotes, newlines and keeps Khmer intact', () => {
    const tricky = entry(1, {
      reason: 'He said "approved", then left\nline two',
      openItems: ['cleared', 'names-titles'],
      draftExcerpt: 'សូមចូលរួមរំលែកទុក្ខ, ស្ថានទូត',
    });
    const khmer = entry(2, { reason: 'ឯកឧត្តមឯកអគ្គរាជទូតបានអនុម័ត' });
    const csv = logToCsv([tricky, khmer]);
    expect(csv.startsWith('\uFEFFat,platform,templateId,openItems,reason,draftExcerpt\r\n')).toBe(true);
    expect(csv).toContain('"He said ""approved"", then left\nline two"');
    expect(csv).toContain('"សូមចូលរួមរំលែកទុក្ខ, ស្ថានទូត"');
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([tricky.at, 'facebook', 'standard', 'cleared; names-titles', tricky.reason, tricky.draftExcerpt]);
    expect(rows[2]).toEqual([khmer.at, 'facebook', 'standard', 'cleared', 'ឯកឧត្តមឯកអគ្គរាជទូតបានអនុម័ត', '']);
    expect(logToCsv([], { bom: false })).toBe('at,platform,templateId,openItems,reason,draftExcerpt\r\n');
  });

  it('neutralises spreadsheet formulas', () => {
    expect(escapeCsvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(escapeCsvField('+1')).toBe("'+1");
    expect(escapeCsvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeCsvField('plain')).toBe('plain');
    expect(escapeCsvField('a\rb')).toBe('"a\rb"');
  });
});

describe('JSON export and parsing', () => {
  it('round-trips through JSON and drops invalid stored entries', () => {
    const log = [entry(1), entry(2, { draftExcerpt: 'ក' })];
    const json = logToJson(log);
    expect(JSON.parse(json)).toMatchObject({ format: 'envoy-override-log', version: 1 });
    expect(parseLog(JSON.parse(json))).toEqual(log);
    expect(parseLog([entry(1), { at: 'nope' }, null, entry(3, { reason: '' })])).toEqual([entry(1)]);
    expect(parseLog('garbage')).toEqual([]);
  });
});
