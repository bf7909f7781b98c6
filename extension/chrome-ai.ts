import * as z from 'zod/mini';
import type { ChromeAvailability, ChromeTranslatorApi, ChromeTranslatorInstance } from '@/lib/translation/providers/chrome';

/**
 * Chrome's built-in Translator is exposed only in window contexts, never in the MV3 service
 * worker. The background reaches it through Envoy's offscreen document (entrypoints/offscreen),
 * with the messages below. Firefox has neither the API nor offscreen documents: there the
 * on-device provider reports every pair as unsupported and self-hosted services are used.
 *
 * Language-pack downloads need a user gesture, which an offscreen document never has: the
 * background only translates with packs that are already `available`; the compose studio
 * (an extension page) offers the download button.
 */

export const OFFSCREEN_TARGET = 'envoy-offscreen';
export const OFFSCREEN_PATH = '/offscreen.html';

const lang = z.string().check(z.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/));

export const offscreenRequestSchema = z.discriminatedUnion('op', [
  z.object({ target: z.literal(OFFSCREEN_TARGET), op: z.literal('availability'), from: lang, to: lang }),
  z.object({
    target: z.literal(OFFSCREEN_TARGET),
    op: z.literal('translate'),
    from: lang,
    to: lang,
    text: z.string().check(z.maxLength(100_000)),
  }),
]);
export type OffscreenRequest = z.infer<typeof offscreenRequestSchema>;

export type OffscreenResponse = { ok: true; value: unknown } | { ok: false; name: string };

/** What the offscreen document answers with (DOMException names are kept for error mapping). */
export async function answerOffscreen(request: OffscreenRequest, translator: ChromeTranslatorApi | undefined): Promise<OffscreenResponse> {
  if (!translator) return request.op === 'availability' ? { ok: true, value: 'unavailable' } : { ok: false, name: 'NotSupportedError' };
  const core = { sourceLanguage: request.from, targetLanguage: request.to };
  try {
    if (request.op === 'availability') return { ok: true, value: await translator.availability(core) };
    const instance = await cachedInstance(translator, core);
    return { ok: true, value: await instance.translate(request.text) };
  } catch (error) {
    return { ok: false, name: (error as { name?: string } | null)?.name ?? 'Error' };
  }
}

const instances = new Map<string, Promise<ChromeTranslatorInstance>>();
function cachedInstance(api: ChromeTranslatorApi, core: { sourceLanguage: string; targetLanguage: string }): Promise<ChromeTranslatorInstance> {
  const key = `${core.sourceLanguage}>${core.targetLanguage}`;
  let p = instances.get(key);
  if (!p) {
    p = api.create(core);
    instances.set(key, p);
    p.catch(() => instances.delete(key));
  }
  return p;
}

interface OffscreenApi {
  createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?(): Promise<boolean>;
  closeDocument(): Promise<void>;
}

interface ChromeGlobal {
  offscreen?: OffscreenApi;
  runtime: { getURL(path: string): string; sendMessage(message: unknown): Promise<unknown> };
}

function chromeGlobal(): ChromeGlobal | undefined {
  return (globalThis as { chrome?: ChromeGlobal }).chrome;
}

/** Closes the offscreen document after this long without use (it holds the translation models). */
const IDLE_CLOSE_MS = 5 * 60_000;

/**
 * A `ChromeTranslatorApi` for the background: the page's own `Translator` global where the
 * background is a window (none today), else the offscreen document (Chromium MV3), else
 * undefined (Firefox).
 */
export function backgroundChromeTranslator(): ChromeTranslatorApi | undefined {
  const direct = (globalThis as { Translator?: ChromeTranslatorApi }).Translator;
  if (direct && typeof (globalThis as { document?: unknown }).document !== 'undefined') return direct;
  const chrome = chromeGlobal();
  const offscreen = chrome?.offscreen;
  if (!chrome || !offscreen) return undefined;

  let creating: Promise<void> | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const ensure = async () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void offscreen.closeDocument().catch(() => undefined), IDLE_CLOSE_MS);
    if (offscreen.hasDocument && (await offscreen.hasDocument())) return;
    creating ??= offscreen
      .createDocument({
        url: chrome.runtime.getURL(OFFSCREEN_PATH),
        // No reason names the built-in AI APIs; DOM_PARSER is the closest "needs a DOM window" reason.
        reasons: ['DOM_PARSER'],
        justification: "Run Chrome's on-device Translator, which exists only in window contexts.",
      })
      .catch((error: unknown) => {
        // "Only a single offscreen document may be created": another call won the race.
        if (!/single offscreen/i.test(String(error))) throw error;
      })
      .finally(() => {
        creating = undefined;
      });
    await creating;
  };
  const call = async (request: OffscreenRequest): Promise<unknown> => {
    await ensure();
    const response = (await chrome.runtime.sendMessage(request)) as OffscreenResponse | undefined;
    if (!response) throw Object.assign(new Error('offscreen document did not answer'), { name: 'NotSupportedError' });
    if (!response.ok) throw Object.assign(new Error('on-device translator failed'), { name: response.name });
    return response.value;
  };

  return {
    async availability(options) {
      try {
        return (await call({ target: OFFSCREEN_TARGET, op: 'availability', from: options.sourceLanguage, to: options.targetLanguage })) as ChromeAvailability;
      } catch {
        return 'unavailable';
      }
    },
    async create(options) {
      const { sourceLanguage: from, targetLanguage: to } = options;
      return {
        async translate(text: string) {
          return String(await call({ target: OFFSCREEN_TARGET, op: 'translate', from, to, text }));
        },
      };
    },
  };
}
