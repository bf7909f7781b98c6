/**
 * The background's side of the per-draft ticks (storage.session keyed by the
 * sender's tab) and of the templates (validated, built-in + the user's edits).
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILT_IN_TEMPLATES, createChecklistState, setTick, STANDARD_TEMPLATE, toStoredState } from '@/lib/checklist';
import { checklistTemplates, handleChecklistDraft } from '@/extension/checklist-drafts';
import { CHECKLIST_TEMPLATES_KEY } from '@/lib/state/checklist-keys';
import { parseRequest } from '@/lib/messages';

const stored = () => toStoredState(setTick(createChecklistState('tab:k', 'standard'), STANDARD_TEMPLATE, 'cleared', true).state);

describe('per-draft ticks in the background', () => {
  it('stores per tab: another tab neither sees nor clears them', async () => {
    const composerKey = 'x|/home|0.0';
    expect(parseRequest({ type: 'envoy:checklist-draft', op: 'set', composerKey, state: stored() })).toBeDefined();
    await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'set', composerKey, state: stored() }, 7);
    const mine = await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'get', composerKey }, 7);
    expect(mine).toMatchObject({ draftKey: '7:x|/home|0.0', state: { ticks: { standard: ['cleared'] }, draftKey: '7:x|/home|0.0' } });
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['checklistDraft:7:x|/home|0.0']);

    expect((await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'get', composerKey }, 8)).state).toBeNull();
    await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'clear', composerKey }, 8);
    expect((await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'get', composerKey }, 7)).state).not.toBeNull();

    await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'clear', composerKey }, 7);
    expect((await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'get', composerKey }, 7)).state).toBeNull();
  });

  it('refuses malformed states and senders without a tab', async () => {
    const composerKey = 'k';
    await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'set', composerKey, state: { ticks: 'all' } }, 3);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await handleChecklistDraft({ type: 'envoy:checklist-draft', op: 'get', composerKey }, undefined)).toEqual({ state: null, draftKey: null });
  });
});

describe('templates from the background', () => {
  it('are the built-in ones, with valid user edits on top', async () => {
    expect((await checklistTemplates()).templates).toEqual([...BUILT_IN_TEMPLATES]);
    const edited = { ...STANDARD_TEMPLATE, priority: 3 };
    await fakeBrowser.storage.local.set({ [CHECKLIST_TEMPLATES_KEY]: [edited, { id: 'broken' }] });
    const { templates } = await checklistTemplates();
    expect(templates).toHaveLength(BUILT_IN_TEMPLATES.length);
    expect(templates.find((t) => (t as { id: string }).id === 'standard')).toEqual(edited);
  });
});
