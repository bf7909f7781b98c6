/**
 * The compact in-page panel (happy-dom): counts by severity in words, one line per finding that
 * opens on demand, minimising to a badge with a descriptive name, the first-run note, all in
 * English, Khmer and French; and the per-site memory kept in storage.local.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import '@/lib/i18n/all';
import { I18nProvider } from '@/components/i18n';
import { Panel } from '@/components/panel/Panel';
import {
  MAX_REMEMBERED_SITES,
  PANEL_MEMORY_KEY,
  panelMemoryStore,
  parsePanelMemory,
  withSiteCollapsed,
} from '@/components/panel/panel-memory';
import type { PanelFinding } from '@/components/panel/types';
import { memoryAreaStorage } from '@/lib/state/area-storage';
import type { UiLanguage } from '@/lib/vocabulary';

afterEach(() => cleanup());

function finding(key: string, severity: PanelFinding['severity'], message: PanelFinding['message'], replacement?: string): PanelFinding {
  return {
    key,
    ruleId: `test.${key}`,
    severity,
    category: 'names',
    range: { start: 0, end: 4 },
    match: 'Xxxx',
    message,
    explanation: { en: `Why ${key}.`, km: `ហេតុ ${key}` },
    sources: [{ title: 'Protocol handbook', url: 'https://example.org/h' }],
    fixes: replacement ? [{ replacement, range: { start: 0, end: 4 } }] : [],
  };
}

const FINDINGS = [
  finding('a', 'error', { en: 'Use the current name of the state', km: 'ប្រើឈ្មោះបច្ចុប្បន្នរបស់រដ្ឋ' }, 'Eswatini'),
  finding('b', 'error', { en: 'Security marking in a public post' }),
  finding('c', 'warning', { en: 'Check the title before the name' }),
  finding('d', 'suggestion', { en: 'Add alt text to the image' }),
  finding('e', 'suggestion', { en: 'Consider a shorter sentence' }),
];

function Harness({ lang = 'en', initial = false, intro = false }: { lang?: UiLanguage; initial?: boolean; intro?: boolean }) {
  const [collapsed, setCollapsed] = useState(initial);
  const [showIntro, setShowIntro] = useState(intro);
  return (
    <I18nProvider lang={lang}>
      <div className="envoy-root">
        <Panel
          findings={FINDINGS}
          counter={{ count: 40, limit: 280 }}
          canFix
          collapsed={collapsed}
          onToggle={() => setCollapsed(!collapsed)}
          onApply={vi.fn()}
          onIgnoreOnce={vi.fn()}
          onIgnorePost={vi.fn()}
          showIntro={showIntro}
          onDismissIntro={() => setShowIntro(false)}
        />
      </div>
    </I18nProvider>
  );
}

describe('panel header', () => {
  it('counts findings by severity with words (not colour only), in en, km and fr', () => {
    const expected: Record<UiLanguage, string[]> = {
      en: ['2 to fix', '1 to check', '2 suggestions'],
      km: ['ត្រូវកែ 2', 'ត្រូវពិនិត្យ 1', 'យោបល់ 2'],
      fr: ['2 à corriger', '1 à vérifier', '2 suggestions'],
    };
    for (const lang of ['en', 'km', 'fr'] as const) {
      render(<Harness lang={lang} />);
      const counts = document.querySelectorAll<HTMLElement>('.panel-counts li');
      expect([...counts].map((li) => li.querySelector('.severity-word')!.textContent)).toEqual(expected[lang]);
      expect([...counts].map((li) => li.dataset.count)).toEqual(['2', '1', '2']);
      // Each count also carries a shape, so severity does not rest on colour.
      expect([...counts].map((li) => li.querySelector('[aria-hidden="true"]')!.textContent)).toEqual(['■', '▲', '●']);
      cleanup();
    }
  });

  it('leaves out severities with no finding', () => {
    render(
      <I18nProvider lang="en">
        <Panel findings={[FINDINGS[2]!]} counter={{ count: 1, limit: 280 }} canFix collapsed={false} onToggle={vi.fn()} onApply={vi.fn()} onIgnoreOnce={vi.fn()} onIgnorePost={vi.fn()} />
      </I18nProvider>,
    );
    expect(screen.getByRole('list', { name: 'Findings by severity' }).textContent).toBe('▲1 to check');
  });
});

describe('compact findings', () => {
  it('shows each finding on one line with its fix; "Why?" opens the explanation, sources and ignore actions', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const first = document.querySelector<HTMLElement>('[data-finding-key="a"]')!;
    const line = first.querySelector('.finding-line')!;
    // On the line: severity word (for screen readers), message, the Apply fix and Why?.
    expect(within(line as HTMLElement).getByRole('button', { name: 'Apply “Eswatini”' })).toBeTruthy();
    expect(line.textContent).toContain('Must fix');
    expect(line.textContent).toContain('Use the current name of the state');
    const details = first.querySelector<HTMLElement>('.finding-details')!;
    expect(details.hidden).toBe(true);
    expect(within(first).queryByRole('button', { name: 'Ignore once' })).toBeNull();
    await user.click(within(first).getByRole('button', { name: 'Why?' }));
    expect(details.hidden).toBe(false);
    expect(first.classList.contains('open')).toBe(true);
    expect(details.textContent).toContain('Why a.');
    expect(within(details).getByRole('link', { name: 'Protocol handbook' })).toBeTruthy();
    expect(within(first).getByRole('button', { name: 'Ignore once' })).toBeTruthy();
    // Other findings stay closed.
    expect(document.querySelector<HTMLElement>('[data-finding-key="c"] .finding-details')!.hidden).toBe(true);
  });
});

describe('minimising to a badge', () => {
  it('minimises to a badge that shows the count and says what it is, and expands again', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const region = screen.getByRole('region', { name: 'Envoy findings' });
    await user.click(within(region).getByRole('button', { name: 'Minimise the Envoy panel' }));
    expect(region.dataset.collapsed).toBe('true');
    expect(region.querySelectorAll('[data-rule]')).toHaveLength(0);
    const badge = within(region).getByRole('button', { name: 'Envoy: 5 issues. Show the panel' });
    expect(badge.textContent).toBe('◆5');
    expect(badge.dataset.worst).toBe('error');
    expect(badge.getAttribute('aria-expanded')).toBe('false');
    await user.click(badge);
    expect(region.dataset.collapsed).toBe('false');
    expect(region.querySelectorAll('[data-rule]')).toHaveLength(5);
  });

  it('names the badge in Khmer and French', () => {
    render(<Harness lang="km" initial />);
    expect(screen.getByRole('button', { name: 'Envoy៖ បញ្ហា 5។ បង្ហាញផ្ទាំង' })).toBeTruthy();
    cleanup();
    render(<Harness lang="fr" initial />);
    expect(screen.getByRole('button', { name: 'Envoy : 5 problèmes. Afficher le panneau' })).toBeTruthy();
  });
});

describe('first-run note', () => {
  it('says what Envoy checks and where text goes, and goes away when dismissed (en, km, fr)', async () => {
    const user = userEvent.setup();
    const dismiss: Record<UiLanguage, string> = { en: 'Got it', km: 'យល់ហើយ', fr: 'J’ai compris' };
    for (const lang of ['en', 'km', 'fr'] as const) {
      render(<Harness lang={lang} intro />);
      const note = document.querySelector<HTMLElement>('[data-first-run]')!;
      expect(note.querySelectorAll('p')).toHaveLength(3);
      await user.click(within(note).getByRole('button', { name: dismiss[lang] }));
      expect(document.querySelector('[data-first-run]')).toBeNull();
      cleanup();
    }
  });

  it('mentions that the draft stays on the device', () => {
    render(<Harness intro />);
    expect(screen.getByRole('complementary', { name: 'About Envoy' }).textContent).toMatch(/never sent anywhere/);
  });
});

describe('per-site memory (storage.local)', () => {
  it('remembers the minimised state per hostname and the dismissed note', async () => {
    const storage = memoryAreaStorage();
    const memory = panelMemoryStore(storage);
    expect(await memory.load('x.com')).toEqual({ collapsed: false, showIntro: true });
    await memory.setCollapsed('x.com', true);
    await memory.dismissIntro();
    expect(await memory.load('x.com')).toEqual({ collapsed: true, showIntro: false });
    expect(await memory.load('www.facebook.com')).toEqual({ collapsed: false, showIntro: false });
    await memory.setCollapsed('x.com', false);
    expect(await memory.load('x.com')).toEqual({ collapsed: false, showIntro: false });
    // Small: hostnames only.
    expect(await storage.get(PANEL_MEMORY_KEY)).toEqual({ collapsedSites: [], introDismissed: true });
  });

  it('keeps concurrent writes (two composers toggling at once)', async () => {
    const storage = memoryAreaStorage();
    const memory = panelMemoryStore(storage);
    await Promise.all([memory.setCollapsed('a.example', true), memory.setCollapsed('b.example', true), memory.dismissIntro()]);
    expect(parsePanelMemory(await storage.get(PANEL_MEMORY_KEY))).toEqual({ collapsedSites: ['a.example', 'b.example'], introDismissed: true });
  });

  it('caps the list of sites, dropping the oldest, and tolerates malformed data', () => {
    let m = parsePanelMemory(undefined);
    for (let i = 0; i < MAX_REMEMBERED_SITES + 5; i++) m = withSiteCollapsed(m, `s${i}.example`, true);
    expect(m.collapsedSites).toHaveLength(MAX_REMEMBERED_SITES);
    expect(m.collapsedSites[0]).toBe('s5.example');
    expect(parsePanelMemory({ collapsedSites: ['a', 3, null], introDismissed: 'yes' })).toEqual({ collapsedSites: ['a'], introDismissed: false });
    expect(parsePanelMemory('junk')).toEqual({ collapsedSites: [], introDismissed: false });
  });
});
