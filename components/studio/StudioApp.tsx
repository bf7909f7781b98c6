import { useDeferredValue, useMemo, useState } from 'react';
import { EnvoyRoot, useI18n } from '@/components/i18n';
import { FindingsList } from '@/components/panel/FindingsList';
import type { PanelFinding, PanelFix } from '@/components/panel/types';
import { HighlightedDraft } from '@/components/studio/HighlightedDraft';
import { PreviewCard } from '@/components/studio/PreviewCard';
import { useSettings, usePageLanguage } from '@/components/useSettings';
import { ADAPTERS } from '@/lib/platforms';
import type { PlatformId } from '@/lib/platforms/hosts';
import type { SettingsStore } from '@/lib/state/settings-store';
import { StudioTranslation } from '@/components/translation/StudioTranslation';
import type { TranslateClient } from '@/components/translation/TranslatePanel';

export interface StudioProps {
  settings: SettingsStore;
  browserLanguage?: string;
  check(text: string, platform: PlatformId): PanelFinding[];
  copy(text: string): Promise<void>;
  /** Translation beside the draft (side by side); omitted in tests that do not need it. */
  translate?: TranslateClient;
}

/** The platforms previewed, in this order (preview cards and the "check for" choice). */
export const STUDIO_PLATFORMS: PlatformId[] = ['x', 'bluesky', 'threads', 'mastodon', 'facebook', 'linkedin', 'telegram'];

export function StudioApp(props: StudioProps) {
  const lang = usePageLanguage(props.settings, props.browserLanguage);
  return (
    <EnvoyRoot lang={lang} className="studio">
      <StudioBody {...props} />
    </EnvoyRoot>
  );
}

function applyToText(text: string, fix: PanelFix): string {
  return text.slice(0, fix.range.start) + fix.replacement + text.slice(fix.range.end);
}

function StudioBody({ settings, check, copy, translate }: StudioProps) {
  const { t } = useI18n();
  const effective = useSettings(settings, (v) => v.effective);
  const [text, setText] = useState('');
  const [platform, setPlatform] = useState<PlatformId>('x');
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState('');
  const findings = useMemo(
    () => check(text, platform).filter((f) => !ignored.has(f.key)),
    // effective settings change what applies (modes, account type)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [text, platform, ignored, effective, check],
  );
  // Preview cards and threads count the whole draft per platform: let typing go first.
  const previewText = useDeferredValue(text);
  const copyWith = (value: string, done: string) => void copy(value).then(() => setNotice(done));

  return (
    <main className="studio-page">
      <h1>{t('studio.title')}</h1>
      <div className="studio-workspace">
        <section className="studio-write">
          <fieldset className="studio-platform-choice">
            <legend>{t('studio.platforms')}</legend>
            {STUDIO_PLATFORMS.map((id) => (
              <label key={id}>
                <input type="radio" name="platform" value={id} checked={platform === id} onChange={() => setPlatform(id)} />
                {ADAPTERS[id].label}
              </label>
            ))}
          </fieldset>
          <HighlightedDraft id="studio-draft" text={text} findings={findings} onChange={setText} />
          {translate ? <StudioTranslation settings={settings} text={text} onChange={setText} draftId="studio-draft" client={translate} copy={copy} /> : null}
        </section>
        <section className="studio-findings" aria-labelledby="studio-findings-title" data-limit={ADAPTERS[platform].composers[0]!.limit}>
          <h2 id="studio-findings-title">{t('studio.findings')}</h2>
          <p className="note">{t('studio.preview.selected', { platform: ADAPTERS[platform].label })}</p>
          <FindingsList
            findings={findings}
            canFix
            onApply={(_f, fix) => setText((current) => applyToText(current, fix))}
            onIgnoreOnce={(f) => setIgnored(new Set([...ignored, f.key]))}
            onIgnorePost={(f) => setIgnored(new Set([...ignored, f.key]))}
          />
        </section>
      </div>
      <section className="studio-previews" aria-labelledby="studio-previews-title">
        <h2 id="studio-previews-title">{t('studio.previews')}</h2>
        <div className="studio-cards">
          {STUDIO_PLATFORMS.map((id) => (
            <PreviewCard key={id} platform={id} text={previewText} copy={copyWith} />
          ))}
        </div>
      </section>
      <p role="status" className="studio-notice">
        {notice}
      </p>
    </main>
  );
}
