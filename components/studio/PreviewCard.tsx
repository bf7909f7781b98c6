import { useState } from 'react';
import { useI18n } from '@/components/i18n';
import { Counter } from '@/components/panel/Counter';
import { countFor } from '@/lib/counting';
import { cutIndex, splitThread, THREAD_PLATFORMS } from '@/lib/counting/thread';
import { ADAPTERS } from '@/lib/platforms';
import { ScrollableText } from './ScrollableText';
import type { PlatformId } from '@/lib/platforms/hosts';

interface Props {
  platform: PlatformId;
  text: string;
  copy(text: string, what: string): void;
}

/**
 * How one platform would take the draft: its own count against its limit,
 * the text with the point where the post would be cut, a copy button, and for
 * X, Bluesky and Threads a numbered thread whose posts each fit.
 */
export function PreviewCard({ platform, text, copy }: Props) {
  const { t } = useI18n();
  const [threadOpen, setThreadOpen] = useState(false);
  const spec = ADAPTERS[platform].composers[0]!;
  const label = ADAPTERS[platform].label;
  const opts = { counting: spec.counting, limit: spec.limit };
  const count = countFor(spec.counting, text);
  const over = count > spec.limit;
  const cut = over ? cutIndex(text, opts) : text.length;
  const canThread = (THREAD_PLATFORMS as readonly string[]).includes(platform);
  const parts = canThread && over && threadOpen ? splitThread(text, opts) : [];
  const titleId = `studio-preview-${platform}`;

  return (
    <article className="studio-card" data-platform-counter={platform} data-over={String(over)} aria-labelledby={titleId}>
      <header className="studio-card-head">
        <h3 id={titleId}>{label}</h3>
        <Counter count={count} limit={spec.limit} />
      </header>
      {text ? (
        <>
          <p className="studio-card-status" data-cut={over ? String(cut) : undefined}>
            {over ? t('studio.preview.cut') : t('studio.preview.fits')}
          </p>
          <ScrollableText data-preview-text="">
            <span data-kept="">{text.slice(0, cut)}</span>
            {over ? (
              <>
                <span className="studio-cut-mark" data-cut-mark="">
                  ✂ {t('studio.preview.cutMark')}
                </span>
                <span className="studio-card-lost" data-lost="">
                  {text.slice(cut)}
                </span>
              </>
            ) : null}
          </ScrollableText>
        </>
      ) : (
        <p className="note">{t('studio.preview.empty')}</p>
      )}
      <div className="studio-card-actions">
        <button type="button" disabled={!text} onClick={() => copy(text, t('studio.copied', { platform: label }))}>
          {t('studio.copyFor', { platform: label })}
        </button>
        {canThread && over ? (
          <button type="button" aria-expanded={threadOpen} aria-controls={`${titleId}-thread`} onClick={() => setThreadOpen(!threadOpen)}>
            {threadOpen ? t('studio.thread.hide') : t('studio.thread.split')}
          </button>
        ) : null}
      </div>
      {parts.length > 0 ? (
        <section id={`${titleId}-thread`} className="studio-thread" data-thread={platform} aria-label={t('studio.thread.title', { platform: label })}>
          <p className="note">{t('studio.thread.parts', { count: parts.length })}</p>
          <ol>
            {parts.map((p) => (
              <li key={p.start} data-thread-part={p.label}>
                <ScrollableText>{p.text}</ScrollableText>
                <div className="studio-thread-foot">
                  <Counter count={countFor(spec.counting, p.text)} limit={spec.limit} />
                  <button type="button" onClick={() => copy(p.text, t('studio.thread.copied', { label: p.label, platform: label }))}>
                    {t('studio.thread.copyPart', { label: p.label, platform: label })}
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
