import { describe, expect, it } from 'vitest';
import {
  STANDARD_TEMPLATE,
  BUILT_IN_TEMPLATES,
  applyAutoResults,
  checklistView,
  clearAfterPost,
  clearTab,
  createChecklistState,
  deserializeState,
  evaluateTemplateAutoChecks,
  findTemplate,
  firstOpenItem,
  fromStoredState,
  isComplete,
  makeDraftKey,
  openItems,
  parseDraftKey,
  putState,
  serializeState,
  setManualTemplate,
  setTick,
  tickItem,
  untickItem,
  withTemplate,
  type AutoCheckInput,
  type ChecklistState,
} from '@/lib/checklist';

const T = STANDARD_TEMPLATE; // cleared*, names-titles*, no-errors*(auto), within-limit*(auto), alt-text*(auto), source-link*(auto), hashtags(auto), photo-credits
const MANUAL_REQUIRED = ['cleared', 'names-titles'];

function draftInput(text: string, over: Partial<AutoCheckInput> = {}): AutoCheckInput {
  return { text, findings: [], length: { count: [...text].length, limit: 280 }, images: [], ...over };
}

function edit(state: ChecklistState, text: string, over: Partial<AutoCheckInput> = {}): ChecklistState {
  return applyAutoResults(state, T, evaluateTemplateAutoChecks(T, draftInput(text, over)));
}

function tickAll(state: ChecklistState, ids: readonly string[]): ChecklistState {
  return ids.reduce((s, id) => tickItem(s, T, id).state, state);
}

describe('draft keys', () => {
  it('are tabId:composerId and round-trip', () => {
    expect(makeDraftKey(12, 'reply:abc')).toBe('12:reply:abc');
    expect(parseDraftKey('12:reply:abc')).toEqual({ tabId: '12', composerId: 'reply:abc' });
    expect(parseDraftKey('nocolon')).toBeUndefined();
    expect(() => makeDraftKey(1, '')).toThrow();
  });
});

describe('checklist state', () => {
  it('starts with every required item open; manual ticks complete it together with passing auto items', () => {
    let s = createChecklistState('1:main', T.id);
    expect(isComplete(s, T)).toBe(false);
    expect(firstOpenItem(s, T)).toBe('cleared');
    s = edit(s, 'Hello Phnom Penh');
    expect(openItems(s, T)).toEqual(MANUAL_REQUIRED);
    s = tickAll(s, MANUAL_REQUIRED);
    expect(isComplete(s, T)).toBe(true);
    expect(openItems(s, T, { requiredOnly: false })).toEqual(['photo-credits']);
  });

  it('keeps manual ticks across draft edits', () => {
    let s = tickAll(edit(createChecklistState('1:main', T.id), 'Draft one'), MANUAL_REQUIRED);
    for (const text of ['Draft two', 'Draft three with more words', '']) s = edit(s, text);
    expect(checklistView(s, T).filter((i) => i.by === 'manual').map((i) => i.id)).toEqual(MANUAL_REQUIRED);
    expect(isComplete(s, T)).toBe(true);
  });

  it('ticks automatic items by themselves and unticks them when the draft changes back', () => {
    let s = tickAll(createChecklistState('1:main', T.id), MANUAL_REQUIRED);
    s = edit(s, 'According to the Ministry, exports rose.');
    const sourceStatus = () => checklistView(s, T).find((i) => i.id === 'source-link')!;
    expect(sourceStatus()).toMatchObject({ checked: false, auto: 'fail', locked: true });
    expect(isComplete(s, T)).toBe(false);
    s = edit(s, 'According to the Ministry, exports rose. https://mfaic.gov.kh/x');
    expect(sourceStatus()).toMatchObject({ checked: true, by: 'auto', auto: 'pass' });
    expect(isComplete(s, T)).toBe(true);
    s = edit(s, 'According to the Ministry, exports rose.');
    expect(sourceStatus()).toMatchObject({ checked: false, auto: 'fail' });
    expect(isComplete(s, T)).toBe(false);
  });

  it('refuses a manual tick on a failing required auto item, but accepts it on a failing optional one', () => {
    let s = edit(createChecklistState('1:main', T.id), 'Long text', { length: { count: 300, limit: 280 } });
    const locked = tickItem(s, T, 'within-limit');
    expect(locked.outcome).toBe('locked');
    expect(isComplete(tickAll(locked.state, MANUAL_REQUIRED), T)).toBe(false);

    s = edit(s, 'Standing for #humanrights');
    const ack = tickItem(s, T, 'hashtags');
    expect(ack.outcome).toBe('ticked');
    expect(checklistView(ack.state, T).find((i) => i.id === 'hashtags')).toMatchObject({ checked: true, by: 'manual', auto: 'fail' });
  });

  it('treats unknown auto items as manual, and drops such a tick when the item starts failing', () => {
    let s = edit(createChecklistState('1:main', T.id), 'Photo post', { images: 'unknown' });
    const r = tickItem(s, T, 'alt-text');
    expect(r.outcome).toBe('ticked');
    s = tickAll(r.state, MANUAL_REQUIRED);
    expect(isComplete(s, T)).toBe(true);
    s = edit(s, 'Photo post', { images: [{ alt: '' }] });
    expect(isComplete(s, T)).toBe(false);
    s = edit(s, 'Photo post', { images: 'unknown' });
    expect(checklistView(s, T).find((i) => i.id === 'alt-text')).toMatchObject({ checked: false, auto: 'unknown' });
  });

  it('treats ticking/unticking a passing auto item as a no-op and reports unknown items', () => {
    const s = edit(createChecklistState('1:main', T.id), 'ok');
    expect(tickItem(s, T, 'no-errors').outcome).toBe('unchanged');
    expect(untickItem(s, T, 'no-errors').outcome).toBe('unchanged');
    expect(tickItem(s, T, 'nope').outcome).toBe('unknown-item');
    const ticked = tickItem(s, T, 'cleared');
    expect(tickItem(ticked.state, T, 'cleared').outcome).toBe('unchanged');
    const unticked = setTick(ticked.state, T, 'cleared', false);
    expect(unticked.outcome).toBe('unticked');
    expect(openItems(unticked.state, T)).toContain('cleared');
  });

  it('keeps ticks per template, so switching template and back restores them', () => {
    const condolence = findTemplate(BUILT_IN_TEMPLATES, 'condolence')!;
    let s = tickAll(createChecklistState('1:main', T.id), MANUAL_REQUIRED);
    s = withTemplate(s, 'condolence');
    expect(checklistView(s, condolence).find((i) => i.id === 'cleared')?.checked).toBe(false);
    s = tickItem(s, condolence, 'protocol-wording').state;
    s = withTemplate(s, T.id);
    expect(checklistView(s, T).filter((i) => i.by === 'manual').map((i) => i.id)).toEqual(MANUAL_REQUIRED);
    expect(s.ticks['condolence']).toEqual(['protocol-wording']);
  });

  it('does not mutate the previous state', () => {
    const s0 = createChecklistState('1:main', T.id);
    const frozen = JSON.stringify(s0);
    tickItem(s0, T, 'cleared');
    edit(s0, 'x');
    expect(JSON.stringify(s0)).toBe(frozen);
  });
});

describe('serialisation', () => {
  it('round-trips ticks, template and manual choice (versioned), recomputing auto results', () => {
    let s = tickAll(edit(createChecklistState('7:composer', T.id), 'x'), MANUAL_REQUIRED);
    s = setManualTemplate(s, T.id);
    const json = serializeState(s);
    expect(JSON.parse(json)).toEqual({
      version: 1,
      draftKey: '7:composer',
      templateId: 'standard',
      manualTemplateId: 'standard',
      ticks: { standard: MANUAL_REQUIRED },
    });
    const restored = deserializeState(json)!;
    expect(restored.auto).toEqual({});
    expect(isComplete(restored, T)).toBe(false); // auto items unknown until recomputed
    expect(isComplete(edit(restored, 'x'), T)).toBe(true);
    expect(serializeState(restored)).toBe(json);
  });

  it('rejects corrupted data and unknown versions', () => {
    expect(deserializeState('{not json')).toBeUndefined();
    expect(fromStoredState({ version: 2, draftKey: 'a:b', templateId: 't', ticks: {} })).toBeUndefined();
    expect(fromStoredState({ version: 1, draftKey: 'a:b', templateId: 't', ticks: { t: [3] } })).toBeUndefined();
    expect(fromStoredState(null)).toBeUndefined();
  });
});

describe('store', () => {
  it('clears a draft after a successful post, and every draft of a closed tab', () => {
    let store = {};
    store = putState(store, createChecklistState('1:a', 'standard'));
    store = putState(store, createChecklistState('1:b', 'standard'));
    store = putState(store, createChecklistState('11:a', 'standard'));
    const afterPost = clearAfterPost(store, '1:a');
    expect(Object.keys(afterPost).sort()).toEqual(['11:a', '1:b']);
    expect(clearAfterPost(afterPost, 'missing')).toBe(afterPost);
    expect(Object.keys(clearTab(store, 1))).toEqual(['11:a']);
  });
});
