/**
 * Popup lookup as cards (happy-dom, full default data): a type badge per kind, the answer first
 * ("Write: …") in the UI language, a copy button per card named "Copy …", arrow-key movement
 * between cards with one tab stop, a useful empty state with working examples in en/km/fr, and
 * distinct accessible names for the search box, the results list and the controls.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@/lib/i18n/all';
import { PopupApp } from '@/components/popup/PopupApp';
import { nextCardIndex } from '@/components/popup/keyboard';
import { createTranslator } from '@/lib/i18n';
import { guidelineIndex } from '@/lib/search';
import { defaultGlossary } from '@/lib/translation/glossary';
import type { UiLanguage } from '@/lib/vocabulary';
import { makeGuidelines, makeSettings } from './options-popup.helpers';

// Full default data under a shared 2-core machine: a generous per-test budget.
vi.setConfig({ testTimeout: 30_000 });
afterEach(() => cleanup());

async function setup(browserLanguage: UiLanguage = 'en', copyText = vi.fn(async (_text: string) => undefined)) {
  const { settings } = await makeSettings({});
  const guidelines = await makeGuidelines(settings);
  const index = guidelineIndex(guidelines.getState().packs, defaultGlossary, guidelines.getState().tables);
  const user = userEvent.setup();
  render(
    <PopupApp
      settings={settings}
      browserLanguage={browserLanguage}
      loadTabStatus={async () => null}
      search={(q, lang) => index.search(q, { lang })}
      openStudio={() => {}}
      openOptions={() => {}}
      copyText={copyText}
    />,
  );
  return { user, copyText, index };
}

const card = (id: string) => document.querySelector<HTMLElement>(`[data-guideline="${id}"]`)!;
const cards = () => [...document.querySelectorAll<HTMLElement>('[data-guideline]')];

describe('result cards', () => {
  it('lead with a type badge and the answer ("Write: …"), with the former name to avoid', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search guidelines' }), 'Swaziland');
    const sz = card('state.sz');
    expect(sz.querySelector('.type-badge')!.textContent).toBe('State or territory');
    expect(sz.querySelector('.card-answer')!.textContent).toBe('State or territory: Write: Eswatini');
    expect(sz.querySelector('[data-answer]')!.textContent).toBe('Eswatini');
    expect(sz.querySelector('.card-avoid')!.textContent).toBe('Avoid: Swaziland');
    // The card's name is its answer (for screen readers moving between cards).
    expect(sz.getAttribute('aria-labelledby')).toBe(sz.querySelector('.card-answer')!.id);
  });

  it('an office holder card says which office, and as of when (the tables are dated)', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search guidelines' }), 'Hun Manet');
    const pm = card('holder.kh.prime-minister');
    expect(pm.querySelector('[data-answer]')!.textContent).toContain('Hun Manet');
    expect(pm.querySelector('[data-holder]')!.textContent).toMatch(/^Prime Minister: Hun Manet \(as of \d{4}-\d{2}-\d{2}\)$/);
  });

  it('a foreign holder with no verified Khmer name shows the English/French name and says so (Khmer UI)', async () => {
    const { user } = await setup('km');
    await user.type(screen.getByRole('searchbox'), 'Felipe VI');
    const es = card('holder.es.king');
    expect(es.querySelector('[data-holder]')!.textContent).toContain('Felipe VI / Philippe VI');
    expect(es.querySelector('[data-holder-note]')!.textContent).toMatch(/ភាសាខ្មែរ/);
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'Hun Manet');
    const pm = card('holder.kh.prime-minister');
    expect(pm.querySelector('[data-holder]')!.textContent).toContain('ហ៊ុន ម៉ាណែត');
    expect(pm.querySelector('[data-holder-note]')).toBeNull();
  });

  it('a state card gives the styles of its head of state and head of government', async () => {
    const { user } = await setup('fr');
    await user.type(screen.getByRole('searchbox'), 'Allemagne');
    const de = card('state.de');
    expect(de.querySelector('[data-head="state"]')!.textContent).toBe('Chef de l’État (Président fédéral) : Son Excellence M./Mme …, Président(e) fédéral(e) de …');
    expect(de.querySelector('[data-head="government"]')!.textContent).toContain('Chancelier(ère) fédéral(e)');
  });

  it('badges each kind: state, organisation, title, guideline, glossary term', async () => {
    const { user } = await setup();
    const box = screen.getByRole('searchbox');
    const badgeOf = async (query: string, id: string) => {
      await user.clear(box);
      await user.type(box, query);
      return card(id).querySelector('.type-badge')!.textContent;
    };
    expect(await badgeOf('UNESCO', 'organisation.un.unesco')).toBe('Organisation');
    expect(await badgeOf('Hun Manet', 'hun-manet')).toBe('Form of address');
    expect(await badgeOf('Kingdom of Cambodia', 'kingdom-of-cambodia')).toBe('Approved term');
    expect(await badgeOf('TOP SECRET', 'security.classification-level')).toBe('Guideline');
    // A guideline has no single form to write: its message is the answer, and it says how serious it is.
    const rule = card('security.classification-level');
    expect(rule.querySelector('[data-answer]')).toBeNull();
    expect(rule.querySelector('.card-answer')!.textContent).toMatch(/TOP SECRET/);
    expect(rule.querySelector('.card-severity')!.textContent).toBe('Must fix');
  });

  it('answers in the UI language: Khmer and French', async () => {
    const { user } = await setup('km');
    await user.type(screen.getByRole('searchbox', { name: 'ស្វែងរកគោលការណ៍ណែនាំ' }), 'Swaziland');
    expect(card('state.sz').querySelector('.card-answer')!.textContent).toBe('រដ្ឋ ឬដែនដី: សរសេរ៖ អេស្វាទីនី');
    expect(card('state.sz').querySelector('.card-avoid')!.textContent).toBe('កុំប្រើ៖ ស្វាស៊ីឡង់');
    cleanup();
    const fr = await setup('fr');
    await fr.user.type(screen.getByRole('searchbox'), 'Kingdom of Cambodia');
    expect(card('kingdom-of-cambodia').querySelector('[data-answer]')!.textContent).toBe('Royaume du Cambodge');
  });

  it('copies the answer with a button named "Copy …" and says so', async () => {
    const { user, copyText } = await setup();
    await user.type(screen.getByRole('searchbox'), 'Swaziland');
    await user.click(within(card('state.sz')).getByRole('button', { name: 'Copy “Eswatini”' }));
    expect(copyText).toHaveBeenCalledWith('Eswatini');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Copied “Eswatini”'));
  });

  it('says when the clipboard refused', async () => {
    const { user } = await setup('en', vi.fn(async () => Promise.reject(new Error('denied'))));
    await user.type(screen.getByRole('searchbox'), 'Swaziland');
    await user.click(within(card('state.sz')).getByRole('button', { name: 'Copy “Eswatini”' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Could not copy'));
  });

  it('opens to the explanation and sources on demand', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('searchbox'), 'Hun Manet');
    const hit = card('hun-manet');
    expect(hit.querySelector('.guideline-body')).toBeNull();
    await user.click(within(hit).getByText('Details'));
    expect(hit.querySelector('details')!.open).toBe(true);
    expect(hit.querySelector('.guideline-body')!.textContent).toContain('Correct titles');
  });
});

describe('keyboard', () => {
  it('ArrowDown from the search box enters the cards; arrows, Home and End move; ArrowUp from the first returns', async () => {
    const { user } = await setup();
    const box = screen.getByRole('searchbox');
    await user.type(box, 'Samdech');
    const list = cards();
    expect(list.length).toBeGreaterThan(3);
    // One tab stop for the whole list.
    expect(list.filter((c) => c.tabIndex === 0)).toHaveLength(1);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(list[0]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(list[2]);
    expect(list[2]!.tabIndex).toBe(0);
    expect(list[0]!.tabIndex).toBe(-1);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(list.at(-1));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(list[0]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(box);
  });

  it('moves from a card’s copy button to the next card, and Tab reaches the copy button', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('searchbox'), 'Samdech');
    const list = cards();
    await user.keyboard('{ArrowDown}');
    await user.tab();
    expect(document.activeElement).toBe(within(list[0]!).getByRole('button', { name: /^Copy/ }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(list[1]);
  });

  it('nextCardIndex: arrows clamp at the end, Escape and up from the first go to the box', () => {
    expect(nextCardIndex('ArrowDown', 4, 5)).toBe(4);
    expect(nextCardIndex('ArrowUp', 0, 5)).toBe(-1);
    expect(nextCardIndex('Escape', 3, 5)).toBe(-1);
    expect(nextCardIndex('a', 3, 5)).toBeUndefined();
  });
});

describe('empty state', () => {
  for (const lang of ['en', 'km', 'fr'] as const) {
    it(`says what can be searched and offers examples that find something (${lang})`, async () => {
      const { user, index } = await setup(lang);
      const t = createTranslator(lang);
      const empty = document.querySelector<HTMLElement>('[data-empty-state]')!;
      expect(within(empty).getByRole('heading').textContent).toBe(t('popup.empty.title'));
      const examples = within(empty).getAllByRole('button');
      expect(examples.length).toBeGreaterThanOrEqual(3);
      for (const example of examples) expect(index.search(example.textContent!, { lang }).length).toBeGreaterThan(0);
      await user.click(examples[0]!);
      expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe(examples[0]!.textContent);
      expect(cards().length).toBeGreaterThan(0);
      expect(document.querySelector('[data-empty-state]')).toBeNull();
    });
  }

  it('shows the examples again when nothing matches', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('searchbox'), 'zzqqxxkk');
    expect(screen.getByText('No guideline matches “zzqqxxkk”.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Search for “Eswatini”' })).toBeTruthy();
  });
});

describe('accessible names', () => {
  it('search box, results list, groups and every button have one distinct name', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('searchbox'), 'Cambodia');
    expect(screen.getAllByLabelText('Search guidelines')).toEqual([screen.getByRole('searchbox')]);
    expect(screen.getByRole('list', { name: 'Matching guidelines' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'This page' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'What Envoy checks' })).toBeTruthy();
    const copyNames = screen.getAllByRole('button', { name: /^Copy/ }).map((b) => b.getAttribute('aria-label'));
    expect(copyNames.length).toBe(cards().length);
    // Copy buttons of different answers are told apart by their names.
    const answers = cards().map((c) => c.querySelector('[data-answer]')?.textContent ?? null);
    expect(new Set(copyNames).size).toBe(new Set(answers.map((a, i) => a ?? `rule${i}`)).size);
  });
});
