import { describe, expect, it } from 'vitest';
import { defaultGlossary } from '../../../lib/translation/glossary';
import { LibreTranslateProvider } from '../../../lib/translation/providers';
import {
  TranslationFailure,
  applyTranslation,
  composeBilingual,
  planTranslation,
  translateDraft,
} from '../../../lib/translation/translate';
import { TranslationError, type LanguagePair, type MarkupStyle, type TranslateRequest, type TranslationProvider } from '../../../lib/translation/types';
import { noSleep, recorder } from './helpers';

class FakeProvider implements TranslationProvider {
  readonly type = 'libretranslate' as const;
  readonly label: string;
  requests: TranslateRequest[] = [];
  constructor(
    readonly id: string,
    private readonly impl: (req: TranslateRequest) => string | Promise<string>,
    readonly isCloud = false,
    private readonly supported: boolean | 'unknown' | ((p: LanguagePair) => boolean) = true,
    readonly markup: MarkupStyle | undefined = undefined,
  ) {
    this.label = `Fake ${id}`;
  }
  destination() {
    return `${this.id}.example`;
  }
  async supports(p: LanguagePair) {
    return typeof this.supported === 'function' ? this.supported(p) : this.supported;
  }
  async translate(req: TranslateRequest) {
    this.requests.push(req);
    return this.impl(req);
  }
}

/** A toy en→es engine: translates known words, leaves everything else (incl. placeholders) alone. */
const WORDS: Record<string, string> = { Hello: 'Hola', welcome: 'bienvenidos', to: 'a', the: 'el', meeting: 'reunión', Thanks: 'Gracias', see: 'ver', and: 'y' };
const toyEs = (req: TranslateRequest) => req.text.replace(/\p{L}+/gu, (w) => WORDS[w] ?? w);

describe('translateDraft', () => {
  it('keeps mentions, hashtags and URLs verbatim through a placeholder engine', async () => {
    const p = new FakeProvider('local', toyEs);
    const r = await translateDraft({ text: 'Hello @UN, welcome to #ASEAN2025 see https://asean.org 🇰🇭', from: 'en', to: 'es', providers: [p], allowCloud: false });
    expect(r.text).toBe('Hola @UN, bienvenidos a #ASEAN2025 ver https://asean.org 🇰🇭');
    expect(r).toMatchObject({ providerId: 'local', destination: 'local.example', isCloud: false, method: 'placeholder', warnings: [] });
    expect(p.requests[0]!.text).toBe('Hello ⟦1⟧, welcome to ⟦2⟧ see ⟦3⟧ ⟦4⟧');
  });

  it('never sends text to a cloud provider unless cloud is allowed, and says so', async () => {
    const cloud = new FakeProvider('cloud', toyEs, true);
    const local = new FakeProvider('local', toyEs);
    const r = await translateDraft({ text: 'Hello', from: 'en', to: 'es', providers: [cloud, local], allowCloud: false });
    expect(cloud.requests).toEqual([]);
    expect(r.providerId).toBe('local');
    expect(r.warnings.map((w) => [w.code, w.providerId])).toEqual([['cloud-skipped', 'cloud']]);
  });

  it('asks before using a cloud provider and skips it when the user declines', async () => {
    const cloud = new FakeProvider('cloud', toyEs, true);
    const asked: string[] = [];
    const err = await translateDraft({
      text: 'Hello',
      from: 'en',
      to: 'es',
      providers: [cloud],
      allowCloud: true,
      confirmCloud: ({ destination }) => (asked.push(destination), false),
    }).catch((e: unknown) => e);
    expect(asked).toEqual(['cloud.example']);
    expect(cloud.requests).toEqual([]);
    expect(err).toBeInstanceOf(TranslationFailure);
    expect((err as TranslationFailure).kind).toBe('not-allowed');
  });

  it('skips unsupported pairs and falls through failing providers in order', async () => {
    const noKhmer = new FakeProvider('chrome', toyEs, false, (p) => p.to !== 'km');
    const down = new FakeProvider('down', () => Promise.reject(new TranslationError('unreachable', { providerLabel: 'Fake down' })));
    const ok = new FakeProvider('ok', () => 'សួស្តី');
    const r = await translateDraft({ text: 'Hello', from: 'en', to: 'km', providers: [noKhmer, down, ok], allowCloud: false });
    expect(r.text).toBe('សួស្តី');
    expect(r.warnings.map((w) => [w.code, w.providerId, w.kind])).toEqual([
      ['unsupported-skipped', 'chrome', undefined],
      ['provider-failed', 'down', 'unreachable'],
    ]);
  });

  it('fails with the last error kind and all warnings when every provider fails', async () => {
    const quota = new FakeProvider('q', () => Promise.reject(new TranslationError('quota')));
    const err = (await translateDraft({ text: 'Hello', from: 'en', to: 'es', providers: [quota], allowCloud: true }).catch((e: unknown) => e)) as TranslationFailure;
    expect(err.kind).toBe('quota');
    expect(err.warnings.map((w) => w.code)).toEqual(['provider-failed']);
    const none = (await translateDraft({ text: 'Hello', from: 'en', to: 'km', providers: [new FakeProvider('x', toyEs, false, false)], allowCloud: true }).catch((e: unknown) => e)) as TranslationFailure;
    expect(none.kind).toBe('unsupported-pair');
  });

  it('falls back to translating around spans when the engine drops or duplicates a placeholder', async () => {
    const dropper = new FakeProvider('dropper', (req) => toyEs(req).replace('⟦2⟧', '').replace('⟦1⟧', '⟦1⟧ ⟦1⟧'));
    const r = await translateDraft({ text: 'Hello @UN and #Peace', from: 'en', to: 'es', providers: [dropper], allowCloud: false });
    expect(r.text).toBe('Hola @UN y #Peace');
    expect(r.method).toBe('pieces');
    expect(r.warnings.map((w) => w.code)).toEqual(['spans-fallback']);
    expect(dropper.requests.slice(1).map((q) => q.text)).toEqual(['Hello', 'and']);
  });

  it('uses translate="no" markup for LibreTranslate and restores the answer', async () => {
    const { fetch, calls } = recorder((req) => {
      if (req.url.endsWith('/languages')) return { status: 200, body: [{ code: 'en', targets: ['fr'] }, { code: 'fr', targets: ['en'] }] };
      const q = JSON.parse(req.body!).q as string;
      return { status: 200, body: { translatedText: q.replace('Thanks', 'Merci').replace(/&amp;/g, '&#38;') } };
    });
    const lt = new LibreTranslateProvider({ type: 'libretranslate', endpoint: 'https://mt.example' }, { fetch, sleep: noSleep });
    const r = await translateDraft({ text: 'Thanks @UN & #Peace\n🙏', from: 'en', to: 'fr', providers: [lt], allowCloud: false });
    expect(JSON.parse(calls[1]!.body!)).toMatchObject({
      q: 'Thanks <span translate="no">@UN</span> &amp; <span translate="no">#Peace</span><br><span translate="no">🙏</span>',
      format: 'html',
    });
    expect(r).toMatchObject({ text: 'Merci @UN & #Peace\n🙏', method: 'markup' });
  });

  it('forces approved glossary terms and flags terms the engine rendered differently', async () => {
    const engine = new FakeProvider('local', (req) =>
      req.text.replace('Statement by the', 'Déclaration du').replace('and the', 'et le').replace('Ambassador', 'diplomate'),
    );
    const r = await translateDraft({
      text: 'Statement by the Ministry of Foreign Affairs and International Cooperation and the Ambassador',
      from: 'en',
      to: 'fr',
      providers: [engine],
      allowCloud: false,
      glossary: defaultGlossary,
      reviewedTermsOnly: true,
    });
    expect(engine.requests[0]!.text).toBe('Statement by the ⟦1⟧ and the Ambassador');
    expect(r.text).toBe('Déclaration du Ministère des Affaires étrangères et de la Coopération internationale et le diplomate');
    expect(r.glossaryIssues.map((i) => [i.termId, i.expected, i.reviewed])).toEqual([['ambassador', 'Ambassadeur', false]]);
    expect(r.warnings.map((w) => w.code)).toContain('unreviewed-terms');
  });

  it('detects the source language when not given and warns when unsure', async () => {
    const p = new FakeProvider('local', () => 'Welcome');
    const r = await translateDraft({ text: 'សូមស្វាគមន៍ #ASEAN', to: 'en', providers: [p], allowCloud: false });
    expect(r.from).toBe('km');
    expect(r.detection?.source).toBe('script');
    expect(p.requests[0]).toMatchObject({ from: 'km', to: 'en' });
    const short = await translateDraft({ text: 'Merci !', to: 'km', providers: [p], allowCloud: false, userLanguages: ['en', 'fr'] });
    expect(short.warnings.map((w) => w.code)).toContain('detection-unreliable');
  });

  it('translates only the selection and keeps surrounding whitespace', async () => {
    const p = new FakeProvider('local', toyEs);
    const draft = 'Intro line\n  Hello @UN  \nOutro';
    const start = draft.indexOf('  Hello');
    const end = draft.indexOf('\nOutro');
    const r = await translateDraft({ text: draft, selection: { start, end }, from: 'en', to: 'es', providers: [p], allowCloud: false });
    expect(r.range).toEqual({ start, end });
    expect(r.text).toBe('  Hola @UN  ');
    expect(p.requests[0]!.text).toBe('Hello ⟦1⟧');
    expect(applyTranslation(draft, r.range, r.text, { mode: 'replace' })).toBe('Intro line\n  Hola @UN  \nOutro');
  });

  it('returns the text unchanged when source and target are the same language', async () => {
    const p = new FakeProvider('local', toyEs);
    const r = await translateDraft({ text: 'Hello', from: 'en-GB', to: 'en', providers: [p], allowCloud: false });
    expect([r.text, r.warnings[0]?.code, p.requests.length]).toEqual(['Hello', 'same-language', 0]);
  });

  it('propagates cancellation without trying the next provider', async () => {
    const cancelled = new FakeProvider('a', () => Promise.reject(new TranslationError('cancelled')));
    const next = new FakeProvider('b', toyEs);
    await expect(translateDraft({ text: 'Hello', from: 'en', to: 'es', providers: [cancelled, next], allowCloud: false })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(next.requests).toEqual([]);
  });
});

describe('planTranslation', () => {
  it('lists destinations in order with the reason a provider would be skipped', async () => {
    const steps = await planTranslation(
      [new FakeProvider('chrome', toyEs, false, false), new FakeProvider('deepl', toyEs, true), new FakeProvider('mt', toyEs, false, 'unknown')],
      { from: 'en', to: 'km' },
      false,
    );
    expect(steps.map((s) => [s.providerId, s.destination, s.status])).toEqual([
      ['chrome', 'chrome.example', 'unsupported'],
      ['deepl', 'deepl.example', 'cloud-not-allowed'],
      ['mt', 'mt.example', 'candidate'],
    ]);
  });
});

describe('bilingual composition', () => {
  it('inserts the translation below the original with a configurable separator', () => {
    expect(composeBilingual('សូមស្វាគមន៍ #ASEAN\n', 'Welcome #ASEAN', { mode: 'below' })).toBe('សូមស្វាគមន៍ #ASEAN\n\nWelcome #ASEAN\n');
    expect(composeBilingual('Bonjour', 'Hello', { mode: 'below', separator: '\n—\n' })).toBe('Bonjour\n—\nHello');
    expect(composeBilingual('Bonjour', 'Hello', { mode: 'replace' })).toBe('Hello');
  });

  it('inserts below a selection, leaving the rest of the draft in place', () => {
    const draft = 'Line one.\nLine two.';
    expect(applyTranslation(draft, { start: 0, end: 9 }, 'Ligne un.', { mode: 'below', separator: '\n' })).toBe('Line one.\nLigne un.\nLine two.');
  });
});
