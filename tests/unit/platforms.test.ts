import { describe, expect, it } from 'vitest';
import { ADAPTERS, composedAncestors, findComposer } from '@/lib/platforms';
import { ALL_PLATFORM_MATCHES, PLATFORM_IDS, platformForHost } from '@/lib/platforms/hosts';

const pathOf = composedAncestors;

describe('platform adapters', () => {
  it('has one adapter per platform id, each with a composer spec and limit', () => {
    for (const id of PLATFORM_IDS) {
      expect(ADAPTERS[id].id).toBe(id);
      expect(ADAPTERS[id].composers.length).toBeGreaterThan(0);
      for (const spec of ADAPTERS[id].composers) expect(spec.limit).toBeGreaterThan(0);
    }
  });

  it('maps hosts to platforms', () => {
    expect(platformForHost('x.com')).toBe('x');
    expect(platformForHost('WWW.LINKEDIN.COM')).toBe('linkedin');
    expect(platformForHost('www.threads.net')).toBe('threads');
    expect(platformForHost('example.org')).toBeUndefined();
    expect(ALL_PLATFORM_MATCHES.every((m) => m.startsWith('https://'))).toBe(true);
  });

  it('finds X composers from the focus target', () => {
    document.body.innerHTML = `<div data-testid="tweetTextarea_0RichTextInputContainer"><div class="DraftEditor-root">
      <div contenteditable="true" role="textbox" data-testid="tweetTextarea_0"><div data-contents="true"><div data-block="true"><span data-text="true">Hi</span></div></div></div></div></div>`;
    const span = document.querySelector('[data-text]')!;
    const match = findComposer(ADAPTERS.x, pathOf(span));
    expect(match?.element.getAttribute('data-testid')).toBe('tweetTextarea_0');
    expect(match?.spec.editor).toBe('draft');
  });

  it('finds LinkedIn Quill inside a shadow root', () => {
    document.body.innerHTML = '<div id="interop-outlet"></div>';
    const root = document.getElementById('interop-outlet')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div class="share-creation-state"><div class="ql-container"><div class="ql-editor" contenteditable="true"><p>x</p></div></div></div>';
    const match = findComposer(ADAPTERS.linkedin, pathOf(root.querySelector('p')!));
    expect(match?.spec.editor).toBe('quill1');
    expect(match?.spec.kind).toBe('post');
  });

  it('skips Telegram’s hidden mirror input and search comboboxes', () => {
    document.body.innerHTML = `<div class="chat-input">
      <div class="input-message-input input-field-input-fake" contenteditable="true" id="fake"></div>
      <div class="input-message-input" contenteditable="true" id="real"></div></div>
      <div contenteditable="true" role="combobox" data-lexical-editor="true" id="search"></div>`;
    expect(findComposer(ADAPTERS.telegram, pathOf(document.getElementById('fake')!))).toBeNull();
    expect(findComposer(ADAPTERS.telegram, pathOf(document.getElementById('real')!))?.element.id).toBe('real');
    expect(findComposer(ADAPTERS.reddit, pathOf(document.getElementById('search')!))).toBeNull();
  });

  it('tells Facebook posts (dialog) from comments', () => {
    document.body.innerHTML = `<div role="dialog"><div contenteditable="true" role="textbox" data-lexical-editor="true" id="post"></div></div>
      <div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Comment as Envoy" id="comment"></div>`;
    expect(findComposer(ADAPTERS.facebook, pathOf(document.getElementById('post')!))?.spec.kind).toBe('post');
    expect(findComposer(ADAPTERS.facebook, pathOf(document.getElementById('comment')!))?.spec.kind).toBe('comment');
  });
});
