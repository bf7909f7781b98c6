/**
 * Issue 13: every background handler answers quickly at its input limit, refuses what is over it
 * with a message, and never keeps unbounded state.
 */
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCheckerService } from '@/extension/checker-service';
import { handleChecklistDraft, MAX_DRAFT_STATE_BYTES, MAX_DRAFTS_PER_TAB } from '@/extension/checklist-drafts';
import { handleMessages } from '@/extension/messaging';
import type { GuidelinesStore } from '@/extension/guidelines';
import { createChecklistState, setTick, STANDARD_TEMPLATE, toStoredState } from '@/lib/checklist';
import { buildActiveGuidelines, type ActiveGuidelines } from '@/lib/packs/active';
import { DEFAULT_PACKS } from '@/lib/packs/defaults';
import { memoryAreaStorage } from '@/lib/state/area-storage';
import { createImportedPacksStore } from '@/lib/state/imported-packs';
import { createSettingsStore } from '@/lib/state/settings-store';
import { invalidRequestAnswer, MAX_DRAFT_CHARS, parseRequest } from '@/lib/messages';

/** Varied prose (English, Khmer without spaces, numbers) so no paragraph repeats. */
export function variedDraft(length: number): string {
  const words = ['The', 'Ministry', 'welcomes', 'the', 'agreement', 'signed', 'in', 'Phnom', 'Penh.', 'ក្រសួងស្វាគមន៍កិច្ចព្រមព្រៀង។', '🇰🇭', 'https://example.org/a'];
  let seed = 7;
  let out = '';
  while (out.length < length) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += `${words[seed % words.length]}${seed % 13 === 0 ? '\n' : ' '}${seed % 1000} `;
  }
  return out.slice(0, length);
}

async function checkerAtLimit() {
  const settings = createSettingsStore(memoryAreaStorage());
  await settings.ready;
  const active = buildActiveGuidelines({ builtIn: DEFAULT_PACKS, disabledBuiltin: [], policyPacks: [], imported: [] });
  const guidelines = Object.assign(createStore<ActiveGuidelines>()(() => active), {
    ready: Promise.resolve(),
    imported: createImportedPacksStore(memoryAreaStorage()),
  }) as GuidelinesStore;
  return createCheckerService(settings, guidelines);
}

describe('background check at the message limit', () => {
  it('checks and counts MAX_DRAFT_CHARS in well under a second, for every counting rule', async () => {
    const check = await checkerAtLimit();
    const text = variedDraft(MAX_DRAFT_CHARS);
    await check({ type: 'envoy:check', composerId: 'warm', platform: 'x', counting: 'utf16', text: 'warm up' }, 1);
    for (const counting of ['twitter', 'bluesky', 'mastodon', 'threads', 'graphemes'] as const) {
      const request = parseRequest({ type: 'envoy:check', composerId: counting, platform: 'x', counting, text });
      expect(request).toBeDefined();
      const t = performance.now();
      const answer = await check(request as Extract<typeof request, { type: 'envoy:check' }> & object, 1);
      const ms = performance.now() - t;
      expect(answer.count).toBeGreaterThan(65_536); // over every platform's limit
      // The time is a bench target (npm run bench: background check + count at the message limit).
      console.log(`envoy:check at the limit, ${counting}: ${ms.toFixed(1)} ms`);
    }
  });

  it('refuses a longer draft with a message naming the field, not the text', () => {
    const message = { type: 'envoy:check', composerId: 'c', platform: 'x', counting: 'utf16', text: `SECRET ${'x'.repeat(MAX_DRAFT_CHARS)}` };
    expect(parseRequest(message)).toBeUndefined();
    const answer = invalidRequestAnswer(message);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(answer!.error.message).toContain('envoy:check');
    expect(answer!.error.message).toContain('text');
    expect(answer!.error.message).not.toContain('SECRET');
    expect(answer!.error.message.length).toBeLessThan(300);
  });
});

describe('invalid messages', () => {
  it('an Envoy message that does not validate is answered with an error, not ignored', async () => {
    handleMessages({ 'envoy:open-studio': () => ({ ok: true }) });
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'envoy:check', text: 42 }, {});
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid', message: expect.stringContaining('envoy:check') } });
    const [unknownType] = await fakeBrowser.runtime.onMessage.trigger({ type: 'envoy:eval', code: 'alert(1)' }, {});
    expect(unknownType).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('messages of other listeners (the offscreen document) are left alone', async () => {
    handleMessages({ 'envoy:open-studio': () => ({ ok: true }) });
    const answers = await fakeBrowser.runtime.onMessage.trigger({ op: 'translate', text: 'x' }, {});
    expect(answers.every((a) => a === undefined)).toBe(true);
  });
});

describe('checklist ticks kept by the background are bounded', () => {
  const state = () => toStoredState(setTick(createChecklistState('tab:k', 'standard'), STANDARD_TEMPLATE, 'cleared', true).state);

  it('refuses an oversized state', async () => {
    const huge = { ...state(), ticks: { standard: Array.from({ length: 5000 }, (_, i) => `item-${i}`) } };
    expect(JSON.stringify(huge).length).toBeGreaterThan(MAX_DRAFT_STATE_BYTES);
    const answer = await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'set', composerKey: 'k', state: huge }, 4);
    expect(answer.state).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('keeps at most MAX_DRAFTS_PER_TAB drafts per tab; updates of a kept draft still work', async () => {
    for (let i = 0; i < MAX_DRAFTS_PER_TAB + 5; i++) {
      await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'set', composerKey: `k${i}`, state: state() }, 5);
    }
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toHaveLength(MAX_DRAFTS_PER_TAB);
    const again = await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'set', composerKey: 'k0', state: state() }, 5);
    expect(again.state).not.toBeNull();
    // Another tab has its own room.
    const other = await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'set', composerKey: 'k0', state: state() }, 6);
    expect(other.state).not.toBeNull();
  });
});

describe('translation plan at the message limit', () => {
  it('plans (detects the language of) MAX_TRANSLATE_CHARS of text quickly', async () => {
    const { createTranslationService } = await import('@/lib/translation/service');
    const { MAX_TRANSLATE_CHARS } = await import('@/lib/messages');
    const svc = createTranslationService({
      settings: () => ({ translationProviders: [{ type: 'deepl', apiKey: 'k' }], allowCloudTranslation: true }),
      fetch: async () => new Response('{}'),
      hasOrigin: async () => true,
    });
    const text = variedDraft(MAX_TRANSLATE_CHARS);
    await svc.plan({ type: 'envoy:translate-plan', text: 'warm up', to: 'fr' });
    const t = performance.now();
    const plan = await svc.plan({ type: 'envoy:translate-plan', text, to: 'fr' });
    const ms = performance.now() - t;
    expect(plan.ok).toBe(true);
    console.log(`translate-plan at ${MAX_TRANSLATE_CHARS} chars: ${ms.toFixed(1)} ms`); // target: npm run bench
  });
});

describe('translation at the message limit', () => {
  it('translates MAX_TRANSLATE_CHARS through a local server with the background busy only briefly', async () => {
    const { createTranslationService } = await import('@/lib/translation/service');
    const { MAX_TRANSLATE_CHARS } = await import('@/lib/messages');
    const { recorder, noSleep } = await import('../translation/helpers');
    const APY = 'http://127.0.0.1:2737';
    const rec = recorder((req) => {
      if (req.url.endsWith('/listPairs')) return { status: 200, body: { responseData: [{ sourceLanguage: 'eng', targetLanguage: 'fra' }], responseStatus: 200 } };
      const q = new URLSearchParams(req.body ?? '').get('q') ?? '';
      return { status: 200, body: { responseData: { translatedText: q }, responseStatus: 200 } };
    });
    const svc = createTranslationService({
      settings: () => ({ translationProviders: [{ type: 'apertium', endpoint: APY }], allowCloudTranslation: false }),
      fetch: rec.fetch,
      hasOrigin: async () => true,
      http: { retries: 1, backoffMs: 1, sleep: noSleep, timeoutMs: 2000 },
    });
    // Links, handles, hashtags and numbers to protect, in English prose.
    const unit = 'The Ministry thanks @UNESCO for #WorldHeritage 2026, see https://whc.unesco.org/en/list/668 today. ';
    const text = unit.repeat(Math.ceil(MAX_TRANSLATE_CHARS / unit.length)).slice(0, MAX_TRANSLATE_CHARS);
    const t = performance.now();
    const answer = await svc.translate({ type: 'envoy:translate', text, from: 'en', to: 'fr' }, 'tab');
    const ms = performance.now() - t;
    console.log(`translate at ${MAX_TRANSLATE_CHARS} chars (fake local server): ${ms.toFixed(1)} ms, ${rec.calls.length} requests`);
    expect(answer.ok, JSON.stringify(answer).slice(0, 300)).toBe(true); // time target: npm run bench
  });
});
