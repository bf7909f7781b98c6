import { useMemo, useState } from 'react';
import { EnvoyRoot, useI18n } from '@/components/i18n';
import { Counter } from '@/components/panel/Counter';
import { FindingsList } from '@/components/panel/FindingsList';
import type { PanelFinding, PanelFix } from '@/components/panel/types';
import { useSettings, usePageLanguage } from '@/components/useSettings';
import { countFor } from '@/lib/counting';
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

const STUDIO_PLATFORMS: PlatformId[] = ['x', 'facebook', 'linkedin', 'bluesky', 'mastodon', 'telegram'];

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
  const spec = ADAPTERS[platform].composers[0]!;

  return (
    <main style={{ maxWidth: 1100, margin: '0 auto', padding: 16 }}>
      <h1>{t('studio.title')}</h1>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: 16 }}>
        <section>
          <label htmlFor="studio-draft" style={{ display: 'block', fontWeight: 600 }}>
            {t('studio.draftLabel')}
          </label>
          <textarea
            id="studio-draft"
            data-studio-draft=""
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={12}
            style={{ width: '100%', boxSizing: 'border-box' }}
          />
          <div role="group" aria-label="platforms" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
            {STUDIO_PLATFORMS.map((id) => {
              const s = ADAPTERS[id].composers[0]!;
              return (
                <div key={id} data-platform-counter={id} style={{ border: '1px solid var(--envoy-border)', borderRadius: 6, padding: 6 }}>
                  <label>
                    <input type="radio" name="platform" checked={platform === id} onChange={() => setPlatform(id)} />
                    {ADAPTERS[id].label}
                  </label>
                  <Counter count={countFor(s.counting, text)} limit={s.limit} />
                  <button
                    type="button"
                    onClick={() =>
                      void copy(text).then(() => setNotice(t('studio.copied', { platform: ADAPTERS[id].label })))
                    }
                  >
                    {t('studio.copyFor', { platform: ADAPTERS[id].label })}
                  </button>
                </div>
              );
            })}
          </div>
          <p role="status">{notice}</p>
        </section>
        <section aria-label={t('panel.label')} data-limit={spec.limit}>
          {translate ? <StudioTranslation settings={settings} text={text} onChange={setText} draftId="studio-draft" client={translate} copy={copy} /> : null}
          <FindingsList
            findings={findings}
            canFix
            onApply={(_f, fix) => setText((current) => applyToText(current, fix))}
            onIgnoreOnce={(f) => setIgnored(new Set([...ignored, f.key]))}
            onIgnorePost={(f) => setIgnored(new Set([...ignored, f.key]))}
          />
        </section>
      </div>
    </main>
  );
}
