/**
 * Offscreen document (Chromium): hosts Chrome's built-in Translator, which the background service
 * worker cannot use (window contexts only). Answers only Envoy's own background, never tabs.
 * Never logs text. See extension/chrome-ai.ts.
 */
import { answerOffscreen, offscreenRequestSchema } from '@/extension/chrome-ai';
import type { ChromeTranslatorApi } from '@/lib/translation/providers/chrome';

interface Sender {
  id?: string;
  tab?: unknown;
}
interface ChromeRuntime {
  id: string;
  onMessage: {
    addListener(listener: (message: unknown, sender: Sender, sendResponse: (response: unknown) => void) => boolean | undefined): void;
  };
}

const runtime = (globalThis as unknown as { chrome: { runtime: ChromeRuntime } }).chrome.runtime;
const translator = (globalThis as { Translator?: ChromeTranslatorApi }).Translator;

runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.tab !== undefined || sender.id !== runtime.id) return undefined;
  const parsed = offscreenRequestSchema.safeParse(message);
  if (!parsed.success) return undefined;
  void answerOffscreen(parsed.data, translator).then(sendResponse);
  return true;
});
