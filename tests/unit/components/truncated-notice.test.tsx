/** The in-page notice for a check that stopped early, in the three UI languages. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nProvider } from '@/components/i18n';
import { TruncatedNotice } from '@/components/panel/TruncatedNotice';
import { registerCatalogue } from '@/lib/i18n';
import { fr, km } from '@/lib/i18n/all';
import type { UiLanguage } from '@/lib/state/settings';

registerCatalogue('km', km);
registerCatalogue('fr', fr);
afterEach(cleanup);

const show = (lang: UiLanguage, truncated: boolean, uncheckedChars: number) =>
  render(
    <I18nProvider lang={lang}>
      <TruncatedNotice truncated={truncated} uncheckedChars={uncheckedChars} />
    </I18nProvider>,
  );

describe('TruncatedNotice', () => {
  it('shows nothing when the whole draft was checked', () => {
    const { container } = show('en', false, 0);
    expect(container.textContent).toBe('');
  });

  it('says how many characters were not checked, as a status message', () => {
    show('en', true, 998_000);
    const note = screen.getByRole('status');
    expect(note.textContent).toBe('Not checked: 998,000 characters of this draft (too long to check at once). Shorten it or add line breaks to check all of it.');
    expect(note.getAttribute('data-check-truncated')).toBe('998000');
  });

  it('says the check stopped early when every line was read but not every rule finished', () => {
    show('en', true, 0);
    expect(screen.getByRole('status').textContent).toBe('The check stopped early: some findings may be missing.');
  });

  it('speaks Khmer and French', () => {
    show('km', true, 5);
    expect(screen.getByRole('status').textContent).toContain('មិនទាន់បានពិនិត្យ');
    cleanup();
    show('fr', true, 1);
    expect(screen.getByRole('status').textContent).toMatch(/^Non vérifié : 1 caractère de ce brouillon/);
  });
});
