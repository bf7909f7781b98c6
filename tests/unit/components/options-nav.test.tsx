/**
 * Options side navigation: one section at a time, chosen by the URL hash
 * (#translation deep links), aria-current on the open section, back/forward
 * between sections, keyboard use, focus on the opened section's heading, and
 * the section names in Khmer and French.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OptionsApp } from '@/components/options/OptionsApp';
import { OPTIONS_SECTIONS, sectionFromHash } from '@/components/options/sections';
import { makeGuidelines, makeSettings } from './options-popup.helpers';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '#');
});

async function setup(hash = '', browserLanguage = 'en-US') {
  window.history.replaceState(null, '', hash || '#');
  const { settings } = await makeSettings();
  const guidelines = await makeGuidelines(settings);
  render(<OptionsApp settings={settings} guidelines={guidelines} browserLanguage={browserLanguage} />);
  return { settings, user: userEvent.setup() };
}

const nav = () => screen.getByRole('navigation', { name: 'Settings sections' });
const current = () => nav().querySelector('[aria-current="page"]')?.textContent;
const shown = () => document.querySelector('[data-options-section]')!.getAttribute('data-options-section');

describe('options side navigation', () => {
  it('lists the eight sections as links with their hash, General open by default', async () => {
    await setup();
    const links = within(nav()).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(OPTIONS_SECTIONS.map((id) => `#${id}`));
    expect(links.map((a) => a.textContent)).toEqual(['General', 'Guideline packs', 'Your rules', 'Checklist', 'Translation', 'Privacy', 'Organisation', 'Backup']);
    expect(current()).toBe('General');
    expect(shown()).toBe('general');
    expect(screen.getByLabelText('Interface language')).toBeTruthy();
    // Only the open section is on the page.
    expect(document.querySelector('[data-section="packs"]')).toBeNull();
  });

  it('#translation opens the Translation section (deep link)', async () => {
    await setup('#translation');
    expect(current()).toBe('Translation');
    expect(screen.getByRole('heading', { level: 2, name: 'Translation' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Allow cloud translation services' })).toBeTruthy();
    expect(screen.queryByLabelText('Interface language')).toBeNull();
  });

  it('an unknown hash opens General', async () => {
    await setup('#nowhere');
    expect(shown()).toBe('general');
    expect(sectionFromHash('#Privacy')).toBe('privacy');
    expect(sectionFromHash('#nowhere')).toBeUndefined();
  });

  it('a click opens the section, updates the hash and aria-current, and focuses its heading; back and forward return', async () => {
    const { user } = await setup();
    await user.click(within(nav()).getByRole('link', { name: 'Privacy' }));
    expect(window.location.hash).toBe('#privacy');
    expect(current()).toBe('Privacy');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Privacy' }));
    await user.click(within(nav()).getByRole('link', { name: 'Backup' }));
    expect(shown()).toBe('backup');

    await act(async () => {
      window.history.back();
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(window.location.hash).toBe('#privacy');
    expect(shown()).toBe('privacy');
    await act(async () => {
      window.history.forward();
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(shown()).toBe('backup');
    expect(current()).toBe('Backup');
  });

  it('follows a hash typed in the address bar (hashchange)', async () => {
    await setup();
    await act(async () => {
      window.location.hash = '#checklist';
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(shown()).toBe('checklist');
    expect(screen.getByRole('radio', { name: 'Remind me' })).toBeTruthy();
  });

  it('is keyboard reachable: Tab reaches the links, arrows move between them, Enter opens', async () => {
    const { user } = await setup();
    const links = within(nav()).getAllByRole('link');
    links[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(links[2]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(links[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(links[7]);
    await user.keyboard('{Enter}');
    expect(shown()).toBe('backup');
    expect(screen.getByRole('button', { name: 'Export all settings' })).toBeTruthy();
    // Tab from the page start reaches the navigation.
    (document.activeElement as HTMLElement).blur();
    await user.tab();
    expect(nav().contains(document.activeElement)).toBe(true);
  });

  it('names the sections in Khmer and French', async () => {
    await setup('#organisation', 'km-KH');
    const km = screen.getByRole('navigation', { name: 'ផ្នែកនៃការកំណត់' });
    expect(within(km).getByRole('link', { name: 'ស្ថាប័ន' }).getAttribute('aria-current')).toBe('page');
    expect(km.textContent).toContain('ការបកប្រែ');
    cleanup();
    await setup('#backup', 'fr-FR');
    const fr = screen.getByRole('navigation', { name: 'Sections des paramètres' });
    expect(within(fr).getByRole('link', { name: 'Sauvegarde' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 2, name: 'Sauvegarde' })).toBeTruthy();
  });
});
