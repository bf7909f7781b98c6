/** The shared vocabulary and the managed policy schema say the same thing. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '@/lib/platforms/hosts';
import { CHECKLIST_MODES } from '@/lib/state/settings';
import { ACCOUNT_TYPES, MODES, PACK_MODE_ORDER, SEVERITIES, UI_LANGUAGES, severitySchema } from '@/lib/vocabulary';

type JsonSchema = { enum?: unknown[]; items?: JsonSchema; properties?: Record<string, JsonSchema> };
const managed = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as JsonSchema;
const key = (name: string) => managed.properties![name]!;

describe('vocabulary', () => {
  it('the managed policy schema uses the declared lists', () => {
    expect(key('accountType').enum).toEqual([...ACCOUNT_TYPES]);
    expect(key('checklistMode').enum).toEqual([...CHECKLIST_MODES]);
    expect(key('enabledPlatforms').items!.enum).toEqual([...PLATFORM_IDS]);
  });

  it('the pack order of modes is the same set of modes', () => {
    expect([...PACK_MODE_ORDER].sort()).toEqual([...MODES].sort());
  });

  it('schemas accept exactly their lists', () => {
    for (const s of SEVERITIES) expect(severitySchema.safeParse(s).success).toBe(true);
    expect(severitySchema.safeParse('info').success).toBe(false);
    expect(UI_LANGUAGES).toContain('km');
  });
});
