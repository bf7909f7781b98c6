/** The named units of the submit guard, alone: which key submits, and the success watch. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSuccessWatch, keySubmitSource } from '@/entrypoints/content/submit-guard';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('keySubmitSource', () => {
  it('Enter submits only where the platform sends on Enter; Ctrl/Cmd+Enter where it has the shortcut', () => {
    const chat = { enterSubmits: true, modEnterSubmits: false };
    const feed = { enterSubmits: false, modEnterSubmits: true };
    expect(keySubmitSource(key('Enter'), chat)).toBe('enter');
    expect(keySubmitSource(key('Enter'), feed)).toBeNull();
    expect(keySubmitSource(key('Enter', { ctrlKey: true }), feed)).toBe('shortcut');
    expect(keySubmitSource(key('Enter', { metaKey: true }), feed)).toBe('shortcut');
    expect(keySubmitSource(key('Enter', { shiftKey: true }), chat)).toBeNull();
    expect(keySubmitSource(key('Enter', { ctrlKey: true, altKey: true }), feed)).toBeNull();
    expect(keySubmitSource(key('a'), chat)).toBeNull();
  });
});

describe('createSuccessWatch', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('reports success when the composer empties after the submit', () => {
    vi.useFakeTimers();
    const el = document.createElement('div');
    document.body.append(el);
    let text = 'Hello';
    const onSuccess = vi.fn();
    const watch = createSuccessWatch(el, () => text, onSuccess, 10_000);
    watch.start('Hello');
    expect(watch.running).toBe(true);
    vi.advanceTimersByTime(250);
    expect(onSuccess).not.toHaveBeenCalled();
    text = '';
    watch.checkNow();
    expect(onSuccess).toHaveBeenCalledWith(false);
    expect(watch.running).toBe(false);
  });

  it('ends without success when the user edits on, or the window passes', () => {
    vi.useFakeTimers();
    const el = document.createElement('div');
    document.body.append(el);
    let text = 'Hello';
    const onSuccess = vi.fn();
    const watch = createSuccessWatch(el, () => text, onSuccess, 1_000);
    watch.start('Hello');
    text = 'Hello again';
    vi.advanceTimersByTime(150);
    expect(watch.running).toBe(false);
    text = 'Hello';
    watch.start('Hello');
    vi.advanceTimersByTime(1_200);
    expect(watch.running).toBe(false);
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('counts the composer going away as the post going out', () => {
    vi.useFakeTimers();
    const el = document.createElement('div');
    document.body.append(el);
    const onSuccess = vi.fn();
    const watch = createSuccessWatch(el, () => 'Hello', onSuccess, 10_000);
    watch.start('Hello');
    el.remove();
    vi.advanceTimersByTime(150);
    expect(onSuccess).toHaveBeenCalledWith(true);
  });
});
