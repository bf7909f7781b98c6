/**
 * ChecklistSection (the in-page checklist) with Testing Library: the public hooks (docs/hooks.md)
 * hooks (data-checklist, native checkboxes with labels, data-required,
 * data-post-held), the template switcher, automatic items, the held banner
 * (Post now / Post anyway with a reason), focus on the first open item, and
 * the three UI languages.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '@/components/i18n';
import { ChecklistSection, type ChecklistSectionProps } from '@/components/checklist/ChecklistSection';
import { BUILT_IN_TEMPLATES, STANDARD_TEMPLATE } from '@/lib/checklist';
import type { ItemStatus } from '@/lib/checklist/state';
import type { UiLanguage } from '@/lib/state/settings';

afterEach(() => cleanup());

function items(overrides: Record<string, Partial<ItemStatus>> = {}): ItemStatus[] {
  return STANDARD_TEMPLATE.items.map((item) => ({
    id: item.id,
    required: item.required,
    checked: false,
    by: null,
    locked: false,
    ...(item.auto !== undefined ? { auto: 'unknown' as const } : {}),
    ...overrides[item.id],
  }));
}

function props(overrides: Partial<ChecklistSectionProps> = {}): ChecklistSectionProps {
  return {
    mode: 'hold',
    templates: BUILT_IN_TEMPLATES,
    template: STANDARD_TEMPLATE,
    reason: { kind: 'default' },
    items: items({ 'no-errors': { checked: true, by: 'auto', auto: 'pass' } }),
    complete: false,
    held: false,
    reminder: false,
    focusRequest: 0,
    rejection: null,
    postAgain: false,
    onTick: vi.fn(),
    onChooseTemplate: vi.fn(),
    onPostNow: vi.fn(),
    onOverride: vi.fn(),
    onKeepEditing: vi.fn(),
    onDismissReminder: vi.fn(),
    ...overrides,
  };
}

function show(p: ChecklistSectionProps, lang: UiLanguage = 'en') {
  return render(
    <I18nProvider lang={lang}>
      <ChecklistSection {...p} />
    </I18nProvider>,
  );
}

const checklist = () => document.querySelector<HTMLElement>('[data-checklist]')!;

describe('public hooks (docs/hooks.md)', () => {
  it('every item is a native checkbox with its label; required ones carry data-required', () => {
    show(props());
    expect(checklist()).not.toBeNull();
    const boxes = [...checklist().querySelectorAll<HTMLInputElement>('input')];
    expect(boxes).toHaveLength(STANDARD_TEMPLATE.items.length);
    for (const box of boxes) {
      expect(box.type).toBe('checkbox');
      expect(box.labels).toHaveLength(1);
    }
    const required = checklist().querySelectorAll('input[data-required]');
    expect(required).toHaveLength(STANDARD_TEMPLATE.items.filter((i) => i.required).length);
    expect(screen.getByRole('checkbox', { name: /Cleared by the head of mission/ })).toHaveProperty('checked', false);
    expect(document.querySelector('[data-post-held]')).toBeNull();
  });

  it('shows data-post-held while a post is held, and moves focus to the first open item', () => {
    const { rerender } = show(props());
    expect(document.activeElement).toBe(document.body);
    rerender(
      <I18nProvider lang="en">
        <ChecklistSection {...props({ held: true, focusRequest: 1 })} />
      </I18nProvider>,
    );
    expect(document.querySelector('[data-post-held]')).not.toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: /Cleared by the head of mission/ }));
  });
});

describe('items', () => {
  it('ticks and unticks manual items through onTick', async () => {
    const p = props();
    show(p);
    await userEvent.setup().click(screen.getByRole('checkbox', { name: /Names, titles/ }));
    expect(p.onTick).toHaveBeenCalledWith('names-titles', true);
  });

  it('shows the state of automatic items; computed and locked ones cannot be ticked by hand', async () => {
    const p = props({
      items: items({
        'no-errors': { checked: false, auto: 'fail', locked: true },
        'within-limit': { checked: true, by: 'auto', auto: 'pass' },
        hashtags: { auto: 'fail' },
      }),
    });
    show(p);
    const user = userEvent.setup();
    const noErrors = screen.getByRole('checkbox', { name: /No guideline errors/ });
    expect(noErrors.getAttribute('aria-disabled')).toBe('true');
    expect(noErrors.getAttribute('aria-describedby')).toBeTruthy();
    expect(checklist().querySelector('[data-item="no-errors"]')!.textContent).toContain('Not met yet: fix the draft');
    expect(checklist().querySelector('[data-item="within-limit"]')!.textContent).toContain('Checked automatically');
    expect(checklist().querySelector('[data-item="hashtags"]')!.textContent).toContain('tick to accept anyway');
    await user.click(noErrors);
    await user.click(screen.getByRole('checkbox', { name: /length limit/ }));
    expect(p.onTick).not.toHaveBeenCalled();
    await user.click(screen.getByRole('checkbox', { name: /CamelCase/ }));
    expect(p.onTick).toHaveBeenCalledWith('hashtags', true);
  });
});

describe('template switcher', () => {
  it('is a labelled select: automatic by default with the reason, any template by hand', async () => {
    const p = props({ reason: { kind: 'term', term: 'condolences' }, template: BUILT_IN_TEMPLATES[0]! });
    show(p);
    const select = screen.getByRole('combobox', { name: 'Checklist template' }) as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(select.options[0]!.textContent).toBe('Automatic: Condolence and national mourning');
    expect(checklist().textContent).toContain('Why this template: The draft contains “condolences”');
    await userEvent.setup().selectOptions(select, 'crisis');
    expect(p.onChooseTemplate).toHaveBeenCalledWith('crisis');
  });

  it('a manual choice shows as selected and can go back to automatic', async () => {
    const p = props({ reason: { kind: 'manual' }, template: BUILT_IN_TEMPLATES[1]!, automaticTemplate: STANDARD_TEMPLATE });
    show(p);
    const select = screen.getByRole('combobox', { name: 'Checklist template' }) as HTMLSelectElement;
    expect(select.value).toBe('crisis');
    await userEvent.setup().selectOptions(select, '');
    expect(p.onChooseTemplate).toHaveBeenCalledWith(null);
  });
});

describe('held post', () => {
  it('"Post now" is enabled only when complete', async () => {
    const p = props({ held: true });
    const { rerender } = show(p);
    const held = within(document.querySelector<HTMLElement>('[data-post-held]')!);
    expect(held.getByRole('button', { name: 'Post now' })).toHaveProperty('disabled', true);
    expect(held.getByText('Post held: 5 required items are still open.')).toBeTruthy();
    rerender(
      <I18nProvider lang="en">
        <ChecklistSection {...p} complete />
      </I18nProvider>,
    );
    await userEvent.setup().click(held.getByRole('button', { name: 'Post now' }));
    expect(p.onPostNow).toHaveBeenCalledTimes(1);
    expect(held.queryByRole('button', { name: 'Post anyway…' })).toBeNull();
  });

  it('"Post anyway" asks for a reason and shows why a reason was refused', async () => {
    function Harness() {
      const [rejection, setRejection] = useState<ChecklistSectionProps['rejection']>(null);
      return (
        <I18nProvider lang="en">
          <ChecklistSection
            {...props({
              held: true,
              rejection,
              onOverride: (reason) => {
                onOverride(reason);
                setRejection(reason.trim().length < 5 ? 'reason-too-short' : null);
              },
            })}
          />
        </I18nProvider>
      );
    }
    const onOverride = vi.fn();
    render(<Harness />);
    const user = userEvent.setup();
    const held = within(document.querySelector<HTMLElement>('[data-post-held]')!);
    await user.click(held.getByRole('button', { name: 'Post anyway…' }));
    const reason = held.getByLabelText('Reason for posting anyway');
    await user.type(reason, 'ok');
    await user.click(held.getByRole('button', { name: 'Confirm and post' }));
    expect(onOverride).toHaveBeenLastCalledWith('ok');
    expect(held.getByText('The reason is too short: say why in a few words.')).toBeTruthy();
    await user.clear(reason);
    await user.type(reason, 'The ambassador cleared it by phone');
    await user.click(held.getByRole('button', { name: 'Confirm and post' }));
    expect(onOverride).toHaveBeenLastCalledWith('The ambassador cleared it by phone');
  });

  it('"Keep editing" drops the hold', async () => {
    const p = props({ held: true });
    show(p);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(p.onKeepEditing).toHaveBeenCalledTimes(1);
  });
});

describe('remind mode', () => {
  it('shows a dismissable reminder', async () => {
    const p = props({ mode: 'remind', reminder: true });
    show(p);
    const reminder = document.querySelector<HTMLElement>('[data-checklist-reminder]')!;
    expect(reminder.getAttribute('role')).toBe('status');
    await userEvent.setup().click(within(reminder).getByRole('button', { name: 'Dismiss' }));
    expect(p.onDismissReminder).toHaveBeenCalled();
  });
});

describe('languages', () => {
  it('renders the items in Khmer and French', () => {
    show(props(), 'km');
    expect(checklist().textContent).toContain('បានទទួលការឯកភាពពីប្រមុខបេសកកម្ម');
    expect(checklist().querySelector('[data-item] label')!.getAttribute('lang')).toBe('km');
    cleanup();
    show(props(), 'fr');
    expect(checklist().textContent).toContain('Validé par le chef de mission ou le porte-parole');
    expect(screen.getByRole('combobox', { name: 'Modèle de liste de contrôle' })).toBeTruthy();
  });
});
