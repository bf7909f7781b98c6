import { useCallback, useRef } from 'react';
import { useI18n } from '@/components/i18n';
import { useSettings } from '@/components/useSettings';
import { TranslatePanel, type TranslateClient } from '@/components/translation/TranslatePanel';
import type { DraftEdit } from '@/components/translation/compose';
import type { SettingsStore } from '@/lib/state/settings-store';

/**
 * Compose studio: the translation next to the draft, both editable (side by side), written back
 * into the studio draft with `Insert below` / `Replace draft`. The studio is an extension page,
 * so it can download Chrome's language packs from a click (the background's offscreen document
 * cannot: downloads need a user gesture).
 */
export interface StudioTranslationProps {
  settings: SettingsStore;
  /** The studio draft. */
  text: string;
  onChange(text: string): void;
  /** id of the draft <textarea>, to read the user's selection in it. */
  draftId: string;
  client: TranslateClient;
  copy?(text: string): Promise<void>;
}

interface TranslatorStatic {
  create(options: {
    sourceLanguage: string;
    targetLanguage: string;
    monitor?: (m: { addEventListener(type: 'downloadprogress', l: (e: { loaded: number }) => void): void }) => void;
  }): Promise<unknown>;
}

/** Chrome's code for a BCP-47 tag (Hebrew `iw`, Norwegian `no`, Traditional Chinese `zh-Hant`). */
function chromeCode(tag: string): string {
  const [lang = tag, ...rest] = tag.split('-');
  const l = lang.toLowerCase();
  if (l === 'zh') return /hant|tw|hk|mo/i.test(rest.join('-')) ? 'zh-Hant' : 'zh';
  if (l === 'he') return 'iw';
  if (l === 'nb') return 'no';
  return l;
}

/** Downloads a pack with Chrome's Translator; call synchronously from a click handler. */
export function downloadChromePack(pair: { from: string; to: string }, onProgress: (fraction: number) => void): Promise<boolean> {
  const api = (globalThis as { Translator?: TranslatorStatic }).Translator;
  if (!api) return Promise.resolve(false);
  return api
    .create({
      sourceLanguage: chromeCode(pair.from),
      targetLanguage: chromeCode(pair.to),
      monitor: (m) => m.addEventListener('downloadprogress', (e) => onProgress(e.loaded)),
    })
    .then(
      () => true,
      () => false,
    );
}

export function StudioTranslation({ settings, text, onChange, draftId, client, copy }: StudioTranslationProps) {
  const { t } = useI18n();
  const target = useSettings(settings, (v) => v.effective.targetLanguage);
  const separator = useSettings(settings, (v) => v.effective.bilingualSeparator);
  const textRef = useRef(text);
  textRef.current = text;

  const readDraft = useCallback(() => {
    const current = textRef.current;
    const el = document.getElementById(draftId) as HTMLTextAreaElement | null;
    const start = el?.selectionStart ?? 0;
    const end = el?.selectionEnd ?? 0;
    return { text: current, selection: end > start && el?.value === current ? { start, end } : undefined };
  }, [draftId]);

  const write = useCallback(
    async (edit: DraftEdit) => {
      onChange(edit.expected);
      textRef.current = edit.expected;
      return true;
    },
    [onChange],
  );

  return (
    <section data-studio-translation="" aria-labelledby={`${draftId}-translation-title`}>
      <h2 id={`${draftId}-translation-title`} style={{ fontSize: '1.1em' }}>
        {t('studio.translation')}
      </h2>
      <p style={{ marginTop: 0 }}>{t('studio.translationHelp')}</p>
      <TranslatePanel
        client={client}
        readDraft={readDraft}
        write={write}
        defaultTarget={target}
        separator={separator}
        initiallyOpen={false}
        editable
        onDownload={downloadChromePack}
        {...(copy ? { copy } : {})}
      />
    </section>
  );
}
