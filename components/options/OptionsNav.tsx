import type { KeyboardEvent, MouseEvent } from 'react';
import { useI18n } from '@/components/i18n';
import { OPTIONS_SECTIONS, SECTION_TITLES, type OptionsSection } from '@/components/options/sections';

interface Props {
  current: OptionsSection;
  onOpen(section: OptionsSection): void;
  /** Sections holding at least one setting the organisation locked (marked with a lock). */
  lockedSections: ReadonlySet<OptionsSection>;
}

/** Side navigation: real links (#id, so a section can be bookmarked), the open one marked aria-current. */
export function OptionsNav({ current, onOpen, lockedSections }: Props) {
  const { t } = useI18n();

  const click = (e: MouseEvent<HTMLAnchorElement>, id: OptionsSection) => {
    // A plain click opens in place; modified clicks (new tab/window) keep the browser's behaviour.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onOpen(id);
  };

  // Up/Down (and Home/End) move between the links, as in a menu; Tab still leaves the nav.
  const keys = (e: KeyboardEvent<HTMLElement>) => {
    const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-nav]')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    links[(to + links.length) % links.length]!.focus();
  };

  return (
    <nav className="options-nav" aria-label={t('options.nav.label')} onKeyDown={keys}>
      <ul>
        {OPTIONS_SECTIONS.map((id) => (
          <li key={id}>
            <a
              href={`#${id}`}
              data-nav={id}
              aria-current={current === id ? 'page' : undefined}
              onClick={(e) => click(e, id)}
            >
              <span>{t(SECTION_TITLES[id])}</span>
              {lockedSections.has(id) ? (
                <span className="options-nav-lock" title={t('options.nav.locked')}>
                  <span aria-hidden="true">🔒</span>
                  <span className="visually-hidden">{t('options.nav.locked')}</span>
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
