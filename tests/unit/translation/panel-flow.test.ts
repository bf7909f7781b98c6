/** The translate panel's state machine (lib/translation/panel-flow.ts), without React. */
import { describe, expect, it } from 'vitest';
import type { PlanStep, TranslatePlanResponse, TranslationResult } from '@/lib/messages';
import { blockedKind, hostOfPattern, IDLE, noticeRole, panelReducer, sameLanguage, type Phase } from '@/lib/translation/panel-flow';

const step = (over: Partial<PlanStep> = {}): PlanStep => ({
  providerId: 'apertium:mt.gov.kh',
  label: 'Apertium',
  destination: 'mt.gov.kh',
  privacy: 'self-hosted',
  isCloud: false,
  status: 'candidate',
  ...over,
});
const cloud = step({ providerId: 'deepl', label: 'DeepL', destination: 'api.deepl.com', privacy: 'cloud', isCloud: true });
const plan = (over: Partial<Extract<TranslatePlanResponse, { ok: true }>> = {}): TranslatePlanResponse => ({ ok: true, from: 'en', steps: [step()], next: step(), ...over });
const result: TranslationResult = {
  text: 'Bonjour', range: { start: 0, end: 5 }, from: 'en', to: 'fr', providerId: 'apertium:mt.gov.kh', providerLabel: 'Apertium',
  destination: 'mt.gov.kh', privacy: 'self-hosted', isCloud: false, method: 'none', glossaryIssues: [], warnings: [], spans: [], elapsedMs: 3,
};
const planned = (p: TranslatePlanResponse, to = 'fr', confirmed?: { destination: string; token: string }) =>
  panelReducer({ name: 'planning' }, { type: 'planned', plan: p, to, confirmed });

describe('panel flow: idle → planning → …', () => {
  it('starts planning from any phase (opening, changing a language, retrying)', () => {
    expect(panelReducer(IDLE, { type: 'start' })).toEqual({ name: 'planning' });
    expect(panelReducer({ name: 'error', error: { kind: 'timeout' } }, { type: 'start' })).toEqual({ name: 'planning' });
  });

  it('an on-device or organisation server translates at once', () => {
    expect(planned(plan())).toEqual({ name: 'translating', step: step(), from: 'en' });
  });

  it('a cloud service waits for the confirmation of its host, and only that host', () => {
    const p = plan({ steps: [cloud], next: cloud });
    expect(planned(p)).toEqual({ name: 'confirm', step: cloud, from: 'en' });
    expect(planned(p, 'fr', { destination: 'evil.example', token: 't' })).toEqual({ name: 'confirm', step: cloud, from: 'en' });
    expect(planned(p, 'fr', { destination: 'api.deepl.com', token: 't' })).toEqual({ name: 'translating', step: cloud, from: 'en' });
  });

  it('blocked: language unknown, same language (any region or legacy code), or no service', () => {
    expect(planned(plan({ from: null, next: undefined }))).toMatchObject({ name: 'blocked', reason: 'source-unknown' });
    expect(planned(plan({ from: 'km' }), 'km-KH')).toMatchObject({ name: 'blocked', reason: 'same-language', from: 'km' });
    expect(planned(plan({ from: 'tl' }), 'fil')).toMatchObject({ name: 'blocked', reason: 'same-language' });
    const none = plan({ steps: [step({ status: 'needs-permission', origin: 'https://mt.gov.kh/*' })], next: undefined });
    expect(planned(none)).toEqual({ name: 'blocked', reason: 'none', steps: none.ok ? none.steps : [], from: 'en' });
  });

  it('a refused plan is an error with its kind and destination', () => {
    const refused: TranslatePlanResponse = { ok: false, error: { kind: 'invalid', message: 'm', destination: 'x.example' } };
    expect(planned(refused)).toEqual({ name: 'error', error: { kind: 'invalid', destination: 'x.example' } });
  });
});

describe('panel flow: translating → preview | confirm | error', () => {
  const translating: Phase = { name: 'translating', step: step(), from: 'en' };

  it('a translation becomes the preview of that draft; writing it keeps the preview for the new draft', () => {
    const done = panelReducer(translating, { type: 'translated', response: { ok: true, result }, draft: 'Hello' });
    expect(done).toEqual({ name: 'done', result, draft: 'Hello' });
    expect(panelReducer(done, { type: 'written', draft: 'Hello\n\nBonjour' })).toEqual({ name: 'done', result, draft: 'Hello\n\nBonjour' });
    // Nothing to write outside the preview.
    expect(panelReducer(translating, { type: 'written', draft: 'x' })).toBe(translating);
  });

  it('the background asking for a cloud confirmation turns into the confirmation step', () => {
    const next = panelReducer(translating, {
      type: 'translated',
      response: { ok: false, error: { kind: 'confirm-cloud', message: 'm', destination: 'api.deepl.com', label: 'DeepL' } },
      draft: 'Hello',
    });
    expect(next).toEqual({
      name: 'confirm',
      step: { providerId: '', label: 'DeepL', destination: 'api.deepl.com', privacy: 'cloud', isCloud: true, status: 'candidate' },
      from: 'en',
    });
  });

  it('a missing permission names the host to grant; other failures keep their kind and the step', () => {
    const perm = panelReducer(translating, {
      type: 'translated',
      response: { ok: false, error: { kind: 'permission', message: 'm', origin: 'http://127.0.0.1:2737/*' } },
      draft: 'Hello',
    });
    expect(perm).toEqual({ name: 'error', error: { kind: 'permission', host: '127.0.0.1:2737', origin: 'http://127.0.0.1:2737/*' }, step: step() });
    const timeout = panelReducer(translating, { type: 'translated', response: { ok: false, error: { kind: 'timeout', message: 'm' } }, draft: 'Hello' });
    expect(timeout).toEqual({ name: 'error', error: { kind: 'timeout' }, step: step() });
  });

  it('an unreachable background, or a refused confirmation, is an error', () => {
    expect(panelReducer(translating, { type: 'failed' })).toEqual({ name: 'error', error: { kind: 'extension' } });
    expect(panelReducer({ name: 'confirm', step: cloud, from: 'en' }, { type: 'confirm-refused', destination: 'api.deepl.com' })).toEqual({
      name: 'error',
      error: { kind: 'not-allowed', destination: 'api.deepl.com' },
    });
  });
});

describe('panel flow helpers', () => {
  it('a blocked plan shows first what the user can act on', () => {
    const s = (status: PlanStep['status']) => step({ status });
    expect(blockedKind([s('unsupported'), s('download-required'), s('needs-permission')])).toBe('permission');
    expect(blockedKind([s('cloud-not-allowed'), s('download-required')])).toBe('download-required');
    expect(blockedKind([s('unsupported'), s('cloud-not-allowed')])).toBe('not-allowed');
    expect(blockedKind([s('unsupported')])).toBe('unsupported-pair');
    expect(blockedKind([])).toBe('unsupported-pair');
  });

  it('failure notices are alerts, the others status messages', () => {
    expect(['writeFailed', 'stale', 'downloadFailed', 'accessDenied'].map((n) => noticeRole(n as never))).toEqual(['alert', 'alert', 'alert', 'alert']);
    expect(['written', 'copied', 'downloaded'].map((n) => noticeRole(n as never))).toEqual(['status', 'status', 'status']);
  });

  it('languages and hosts', () => {
    expect(sameLanguage('en-GB', 'en')).toBe(true);
    expect(sameLanguage('in', 'id')).toBe(true);
    expect(sameLanguage('km', 'en')).toBe(false);
    expect(hostOfPattern('https://api.deepl.com/*')).toBe('api.deepl.com');
    expect(hostOfPattern(undefined)).toBeUndefined();
  });
});
