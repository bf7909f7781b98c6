/** Issue 13: a bad pack never takes the other packs (the built-in ones above all) out of force. */
import { describe, expect, it } from 'vitest';
import { checkText } from '@/lib/engine';
import { buildActiveGuidelines } from '@/lib/packs/active';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import { validatePack } from '@/lib/packs/validate';

const CTX = { accountType: 'official', modes: [], platform: 'x' } as const;

/** Passes validation but throws in the final compile: an accepted word that is only a zero-width space. */
const throwing = (id: string) => ({
  schema: 'envoy-pack/1', id, version: '1.0.0', title: { en: 'Bad' }, languages: ['en'], sources: [{ id: 'SRC', title: 'S' }],
  vocabulary: { accept: ['\u200B'] },
  rules: [{ id: `${id}.r1`, type: 'term', terms: ['boomword'], severity: 'warning', category: 'style', message: { en: 'm' }, explanation: { en: 'e' }, sources: [{ ref: 'SRC' }], tests: { flag: ['a boomword'] } }],
});
const good = {
  schema: 'envoy-pack/1', id: 'good.pack', version: '1.0.0', title: { en: 'Good' }, languages: ['en'], sources: [{ id: 'SRC', title: 'S' }],
  rules: [{ id: 'good.r1', type: 'term', terms: ['goodword'], severity: 'warning', category: 'style', message: { en: 'm' }, explanation: { en: 'e' }, sources: [{ ref: 'SRC' }], tests: { flag: ['a goodword'] } }],
};
const stored = (json: unknown, fileName: string) => ({ fileName, json, enabled: true, importedAt: '' });

describe('buildActiveGuidelines isolates a pack that throws', () => {
  it('the crafted pack passes validation (so it can be stored) and is left out at the final compile', () => {
    expect(validatePack(throwing('bad.one'), 'bad.json').ok).toBe(true);
    const active = buildActiveGuidelines({
      builtIn: DEFAULT_PACKS,
      disabledBuiltin: [],
      policyPacks: [],
      imported: [stored(throwing('bad.one'), 'bad.json'), stored(good, 'good.json')],
    });
    const ids = active.packs.map((p) => p.id);
    expect(ids).not.toContain('bad.one');
    expect(ids).toContain('good.pack');
    expect(ids).toContain('core.security');
    expect(active.errors.some((e) => e.file === 'bad.json' && /left out/.test(e.message))).toBe(true);
    // Built-in rules still flag, and so does the good imported pack.
    const found = checkText(active.guidelines, 'Cable marked TOP SECRET, a goodword.', CTX).findings.map((f) => f.packId);
    expect(found).toContain('core.security');
    expect(found).toContain('good.pack');
  });

  it('an organisation pack that throws is refused and the built-in packs stay in force', () => {
    const active = buildActiveGuidelines({ builtIn: DEFAULT_PACKS, disabledBuiltin: [], policyPacks: [throwing('org.bad')], imported: [] });
    expect(active.packs.map((p) => p.id)).not.toContain('org.bad');
    expect(active.errors.some((e) => /org\.bad/.test(e.file))).toBe(true);
    expect(checkText(active.guidelines, 'Cable marked TOP SECRET.', CTX).findings.some((f) => f.packId === 'core.security')).toBe(true);
  });

  it('a pack whose reading throws (a getter) is refused alone', () => {
    const hostile = { get schema(): string { throw new Error('boom'); } };
    const active = buildActiveGuidelines({ builtIn: DEFAULT_PACKS, disabledBuiltin: [], policyPacks: [], imported: [stored(hostile, 'hostile.json'), stored(good, 'good.json')] });
    expect(active.errors.some((e) => e.file === 'hostile.json')).toBe(true);
    expect(active.packs.map((p) => p.id)).toContain('good.pack');
  });
});
