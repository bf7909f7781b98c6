/**
 * Compose studio workspace (happy-dom, real engine over the built-in packs):
 * in-text marks of findings, fixes applied from the list beside the draft,
 * per-platform preview cards with the platform's own count and the cut point,
 * thread splitting for X/Bluesky/Threads with a copy per post, copy per
 * platform, and the workspace in Khmer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StudioApp, STUDIO_PLATFORMS } from '@/components/studio/StudioApp';
import { markSegments } from '@/components/studio/marks';
import { countFor } from '@/lib/counting';
import { ADAPTERS } from '@/lib/platforms';
import { checkText } from '@/lib/engine';
import { activeModes } from '@/lib/state/settings';
import { makeGuidelines, makeSettings } from './options-popup.helpers';

afterEach(() => cleanup());

async function setup(browserLanguage = 'en-US') {
  const { settings } = await makeSettings();
  const guidelines = await makeGuidelines(settings);
  const copy = vi.fn(async (_text: string) => {});
  const check = vi.fn((text: string, platform: Parameters<typeof checkText>[2]['platform']) => {
    const view = settings.getState().effective;
    return checkText(guidelines.getState().guidelines, text, { platform, accountType: view.accountType, modes: activeModes(view) }).findings;
  });
  render(<StudioApp settings={settings} browserLanguage={browserLanguage} check={check} copy={copy} />);
  return { copy, check, user: userEvent.setup() };
}

const draft = () => screen.getByLabelText('Draft', { exact: true }) as HTMLTextAreaElement;
const card = (id: string) => document.querySelector(`[data-platform-counter="${id}"]`) as HTMLElement;
const setDraft = (text: string) => fireEvent.change(draft(), { target: { value: text } });

describe('markSegments', () => {
  it('splits the draft into plain and marked runs; overlaps show the most serious severity; stale ranges are clipped', () => {
    const segs = markSegments('abcdefghij', [
      { key: 'w', severity: 'warning', range: { start: 2, end: 6 } },
      { key: 'e', severity: 'error', range: { start: 4, end: 8 } },
      { key: 's', severity: 'suggestion', range: { start: 9, end: 40 } },
    ]);
    expect(segs.map((s) => [s.text, s.severity ?? '', (s.keys ?? []).join()])).toEqual([
      ['ab', '', ''],
      ['cd', 'warning', 'w'],
      ['ef', 'error', 'w,e'],
      ['gh', 'error', 'e'],
      ['i', '', ''],
      ['j', 'suggestion', 's'],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe('abcdefghij');
  });
});

describe('compose studio workspace', () => {
  it('marks the findings in the draft and applies a fix from the list beside it', async () => {
    const { user } = await setup();
    setDraft('We thank Swaziland for its support.');
    const mark = document.querySelector('[data-studio-marks] mark') as HTMLElement;
    expect(mark).not.toBeNull();
    expect(mark.textContent).toBe('Swaziland');
    expect(mark.closest('[aria-hidden="true"]')).not.toBeNull();
    // The mark layer repeats the draft exactly, so the marks sit under the words.
    expect(document.querySelector('[data-studio-marks]')!.textContent).toBe(`${draft().value}\u200B`);

    const findings = screen.getByRole('region', { name: 'Findings' });
    await user.click(within(findings).getByRole('button', { name: /Apply.*Eswatini/ }));
    expect(draft().value).toBe('We thank Eswatini for its support.');
    expect([...document.querySelectorAll('[data-studio-marks] mark')].map((m) => m.textContent)).not.toContain('Swaziland');
  });

  it('shows a preview card for each platform with its own count', async () => {
    await setup();
    expect(STUDIO_PLATFORMS).toEqual(['x', 'bluesky', 'threads', 'mastodon', 'facebook', 'linkedin', 'telegram']);
    setDraft('សួស្តី Hello');
    for (const id of STUDIO_PLATFORMS) {
      const counter = card(id).querySelector('[data-counter]')!;
      expect(counter.getAttribute('data-limit'), id).toBe(String(ADAPTERS[id].composers[0]!.limit));
    }
    // X counts Khmer double (6 × 2 + 6); Bluesky counts graphemes (ស ួ ស្តី → 3 clusters + 6).
    expect(card('x').querySelector('[data-counter]')!.getAttribute('data-count')).toBe('18');
    expect(card('bluesky').querySelector('[data-counter]')!.getAttribute('data-count')).toBe(String(countFor('bluesky', 'សួស្តី Hello')));
    expect(card('x').textContent).toContain('Fits in one post');
  });

  it('shows where a too-long post would be cut, counted as the platform counts it', async () => {
    await setup();
    const text = `${'The ambassador met the minister. '.repeat(12)}https://example.org/${'a'.repeat(80)}`;
    setDraft(text);
    const x = card('x');
    expect(x.dataset.over).toBe('true');
    const kept = x.querySelector('[data-kept]')!.textContent!;
    const lost = x.querySelector('[data-lost]')!.textContent!;
    expect(kept + lost).toBe(text);
    expect(countFor('twitter', kept)).toBeLessThanOrEqual(280);
    expect(countFor('twitter', kept + lost.slice(0, 1))).toBeGreaterThan(280);
    expect(x.querySelector('[data-cut-mark]')).not.toBeNull();
    // Facebook takes it whole.
    expect(card('facebook').dataset.over).toBe('false');
    expect(card('facebook').querySelector('[data-cut-mark]')).toBeNull();
  });

  it('splits a long post into a numbered thread for X, each post within 280, and copies one post', async () => {
    const { user, copy } = await setup();
    const sentence = 'Cambodia and its partners agreed today to deepen cooperation on trade, climate and education.';
    const text = Array.from({ length: 8 }, () => sentence).join(' ');
    setDraft(text);
    // Only the thread platforms offer it.
    expect(within(card('facebook')).queryByRole('button', { name: 'Split into a thread' })).toBeNull();
    const split = within(card('x')).getByRole('button', { name: 'Split into a thread' });
    expect(split.getAttribute('aria-expanded')).toBe('false');
    await user.click(split);
    const parts = [...card('x').querySelectorAll<HTMLElement>('[data-thread-part]')];
    expect(parts.length).toBeGreaterThan(1);
    expect(card('x').textContent).toContain(`${parts.length} posts`);
    parts.forEach((p, i) => {
      expect(p.dataset.threadPart).toBe(`${i + 1}/${parts.length}`);
      const c = p.querySelector('[data-counter]')!;
      expect(Number(c.getAttribute('data-count'))).toBeLessThanOrEqual(280);
    });
    await user.click(within(parts[1]!).getByRole('button', { name: `Copy post 2/${parts.length} for X` }));
    expect(copy).toHaveBeenCalledTimes(1);
    expect(copy.mock.calls[0]![0]).toMatch(new RegExp(` 2/${parts.length}$`));
    expect(await screen.findByText(`Copied post 2/${parts.length} for X.`)).toBeTruthy();
  });

  it('copies the whole draft for a platform', async () => {
    const { user, copy } = await setup();
    setDraft('Short post.');
    await user.click(within(card('linkedin')).getByRole('button', { name: 'Copy for LinkedIn' }));
    expect(copy).toHaveBeenCalledWith('Short post.');
    expect(await screen.findByText('Copied for LinkedIn.')).toBeTruthy();
  });

  it('checks for the chosen platform', async () => {
    const { user, check } = await setup();
    setDraft('Hello');
    await user.click(screen.getByRole('radio', { name: 'Telegram' }));
    expect(check).toHaveBeenLastCalledWith('Hello', 'telegram');
  });

  it('works in Khmer: labels, and a Khmer draft without spaces split into a thread between words', async () => {
    const { user } = await setup('km-KH');
    const km = 'ឯកអគ្គរដ្ឋទូតបានជួបរដ្ឋមន្ត្រីអំពីការសហប្រតិបត្តិការពាណិជ្ជកម្មនិងអាកាសធាតុ។'.repeat(5);
    fireEvent.change(screen.getByLabelText('សេចក្តីព្រាង', { exact: true }), { target: { value: km } });
    expect(screen.getByRole('heading', { level: 2, name: 'នៅលើវេទិកានីមួយៗ' })).toBeTruthy();
    await user.click(within(card('x')).getByRole('button', { name: 'បំបែកជាខ្សែបង្ហោះ' }));
    const parts = [...card('x').querySelectorAll<HTMLElement>('[data-thread-part] .studio-card-text')].map((p) => p.textContent!);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(countFor('twitter', p)).toBeLessThanOrEqual(280);
    // Without the numbers, the posts give the draft back.
    expect(parts.map((p) => p.replace(/ \d+\/\d+$/, '')).join('')).toBe(km);
  });
});

describe('preview text that scrolls', () => {
  it('joins the tab order only while it overflows its box (keyboard users can scroll it)', async () => {
    // happy-dom has no layout: each preview box reports a height from the length of its text.
    const scrollHeight = vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return (this.textContent ?? '').length > 300 ? 500 : 100;
    });
    const clientHeight = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(100);
    try {
      await setup();
      setDraft('A short post.');
      const box = () => card('x').querySelector('[data-preview-text]') as HTMLElement;
      expect(box().hasAttribute('tabindex')).toBe(false);
      setDraft('Cambodia and its partners agreed today to deepen cooperation on trade. '.repeat(6));
      expect(box().getAttribute('tabindex')).toBe('0');
      setDraft('A short post again.');
      expect(box().hasAttribute('tabindex')).toBe(false);
    } finally {
      scrollHeight.mockRestore();
      clientHeight.mockRestore();
    }
  });
});
