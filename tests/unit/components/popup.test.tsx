/**
 * Popup (React Testing Library): guideline lookup over the full default data
 * (English, Khmer, French; results open to the explanation and sources;
 * `data-guideline` hook), tab status with the per-site switch, account type
 * (locked by policy), quick modes, and the link to the compose studio.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PopupApp } from '@/components/popup/PopupApp';
import type { TabStatus } from '@/lib/messages';
import { guidelineIndex } from '@/lib/search';
import { defaultGlossary } from '@/lib/translation/glossary';
import { makeGuidelines, makeSettings } from './options-popup.helpers';

// Full default data under a shared 2-core machine: a generous per-test budget.
vi.setConfig({ testTimeout: 30_000 });
afterEach(() => cleanup());

const xStatus: TabStatus = { platform: 'x', hostname: 'x.com', enabled: true, composerFound: true, counts: { error: 1, warning: 2, suggestion: 0 } };

async function setup(opts: { policy?: unknown; status?: TabStatus | null; browserLanguage?: string } = {}) {
  const { settings } = await makeSettings(opts.policy ?? {});
  const guidelines = await makeGuidelines(settings);
  currentGuidelines = guidelines;
  const searchSpy = vi.fn((q: string, lang: 'en' | 'km' | 'fr') => guidelineIndex(guidelines.getState().packs, defaultGlossary).search(q, { lang }));
  const openStudio = vi.fn();
  const user = userEvent.setup();
  render(
    <PopupApp
      settings={settings}
      browserLanguage={opts.browserLanguage ?? 'en'}
      loadTabStatus={async () => (opts.status === undefined ? xStatus : opts.status)}
      search={searchSpy}
      openStudio={openStudio}
      openOptions={() => {}}
    />,
  );
  return { settings, user, searchSpy, openStudio };
}

let currentGuidelines: Awaited<ReturnType<typeof makeGuidelines>> | undefined;
const packsOf = () => currentGuidelines!.getState().packs;

const results = () => [...document.querySelectorAll<HTMLElement>('[data-guideline]')];

describe('guideline lookup', () => {
  it('finds a dignitary and opens to the titles, explanation and sources', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search guidelines' }), 'Hun Manet');
    const hit = results().find((r) => r.dataset.guideline === 'hun-manet')!;
    expect(hit).toBeTruthy();
    expect(hit.dataset.kind).toBe('title');
    await user.click(within(hit).getByText(/Hun Manet/, { selector: 'summary *' }));
    expect(hit.querySelector('details')!.open).toBe(true);
    expect(hit.textContent).toContain('Correct titles');
    expect(hit.textContent).toContain('Never directly before the name');
    expect(hit.textContent).toContain('Sources');
  });

  it('only the search box is named "Search guidelines"; the results list has its own name', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search guidelines' }), 'Hun Manet');
    await waitFor(() => expect(results().length).toBeGreaterThan(0));
    expect(screen.getAllByLabelText('Search guidelines')).toEqual([screen.getByRole('searchbox')]);
    expect(screen.getByRole('list', { name: 'Matching guidelines' }).contains(results()[0]!)).toBe(true);
  });

  it('shows a rule with its explanation and linked sources', async () => {
    const { user } = await setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search guidelines' }), 'Norodom Sihamoni royal title');
    const rule = results().find((r) => r.dataset.guideline === 'address.king')!;
    expect(rule).toBeTruthy();
    await user.click(rule.querySelector('summary')!);
    expect(rule.dataset.severity).toBe('error');
    expect(rule.textContent).toMatch(/never with “Mr\.”/);
    expect(rule.querySelectorAll('.sources li').length).toBeGreaterThan(0);
  });

  it('answers Khmer queries, with either coeng ta or coeng da', async () => {
    const { user } = await setup();
    const box = screen.getByRole('searchbox', { name: 'Search guidelines' });
    await user.type(box, 'ហ៊ុន ម៉ាណែត');
    expect(results().map((r) => r.dataset.guideline)).toContain('hun-manet');
    await user.clear(box);
    await user.type(box, 'សម្ដេច');
    const da = results().map((r) => r.dataset.guideline);
    await user.clear(box);
    await user.type(box, 'សម្តេច');
    expect(results().map((r) => r.dataset.guideline)).toEqual(da);
    expect(da.length).toBeGreaterThan(0);
  });

  it('shows results in the UI language (Khmer UI: Khmer titles, lang="km")', async () => {
    const { user } = await setup({ browserLanguage: 'km' });
    await user.type(screen.getByRole('searchbox', { name: 'ស្វែងរកគោលការណ៍ណែនាំ' }), 'Sihamoni');
    const hit = results().find((r) => r.dataset.guideline === 'norodom-sihamoni')!;
    expect(hit.textContent).toMatch(/នរោត្តម សីហមុនី/);
    expect(document.documentElement.lang).toBe('km');
  });

  it('finds glossary terms in French and says when nothing matches', async () => {
    const { user } = await setup({ browserLanguage: 'fr' });
    const box = screen.getByRole('searchbox');
    await user.type(box, 'Royaume du Cambodge');
    expect(results()[0]!.dataset.guideline).toBe('kingdom-of-cambodia');
    expect(results()[0]!.dataset.kind).toBe('glossary');
    await user.clear(box);
    await user.type(box, 'zzqqxxkk');
    expect(screen.getByText(/zzqqxxkk/)).toBeTruthy();
    expect(results()).toHaveLength(0);
  });

  it('searches on each keystroke over the full default data (latency: npm run bench, lookup in real Chromium)', async () => {
    const { user, searchSpy } = await setup();
    const box = screen.getByRole('searchbox');
    const timed: number[] = [];
    searchSpy.mockImplementation((q, lang) => {
      const t0 = performance.now();
      const r = guidelineIndex(packsOf(), defaultGlossary).search(q, { lang });
      timed.push(performance.now() - t0);
      return r;
    });
    await user.type(box, 's'); // builds the index once
    timed.length = 0;
    await user.type(box, 'amdech techo');
    const rendered = Number(document.querySelector<HTMLElement>('ul.results')?.dataset.searchMs ?? 0);
    console.info(`popup lookup (happy-dom): slowest search ${Math.max(...timed).toFixed(2)} ms, last keystroke-to-render ${rendered.toFixed(1)} ms`);
    // The latency target is a bench case (npm run bench: lookup, real Chromium); here each keystroke searched.
    expect(timed.length).toBe('amdech techo'.length);
  });
});

describe('tab status, account type and modes', () => {
  it('shows the platform, findings count and switches Envoy off for the site', async () => {
    const { user, settings } = await setup();
    expect(await screen.findByText(/Platform: X/)).toBeTruthy();
    expect(screen.getByText(/3 issues/)).toBeTruthy();
    const sw = screen.getByRole('switch', { name: 'Envoy on this site' }) as HTMLInputElement;
    expect(sw.checked).toBe(true);
    await user.click(sw);
    expect(settings.getState().user.disabledSites).toEqual(['x.com']);
    expect(await screen.findByText('Envoy is switched off on x.com.')).toBeTruthy();
    await user.click(sw);
    expect(settings.getState().user.disabledSites).toEqual([]);
  });

  it('says when Envoy does not run on the page', async () => {
    await setup({ status: null });
    expect(await screen.findByText('Envoy does not run on this page.')).toBeTruthy();
  });

  it('switches account type and modes; a policy-set account type is locked', async () => {
    const { user, settings } = await setup();
    await user.click(screen.getByRole('radio', { name: 'Personal account' }));
    expect(settings.getState().user.accountType).toBe('personal');
    await user.click(screen.getByRole('checkbox', { name: 'National mourning' }));
    expect(settings.getState().user.modes).toEqual({ crisis: false, mourning: true, election: false });
    cleanup();
    await setup({ policy: { accountType: 'official' } });
    const official = screen.getByRole('radio', { name: 'Official account' }) as HTMLInputElement;
    expect(official.checked).toBe(true);
    expect(official.disabled).toBe(true);
    expect(screen.getByText(/Set by your organisation/)).toBeTruthy();
  });

  it('opens the compose studio', async () => {
    const { user, openStudio } = await setup();
    await user.click(screen.getByRole('button', { name: 'Open compose studio' }));
    expect(openStudio).toHaveBeenCalledOnce();
  });
});

describe('lookup hook', () => {
  it('passes the UI language to search', async () => {
    const { user, searchSpy } = await setup({ browserLanguage: 'fr-FR' });
    await user.type(screen.getByRole('searchbox'), 'a');
    await waitFor(() => expect(searchSpy).toHaveBeenCalledWith('a', 'fr'));
  });
});
