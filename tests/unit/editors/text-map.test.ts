/**
 * Pure mapping logic of the shared DOM walker (lib/editors/text-map.ts) over DOM snapshots the real
 * editors produce (captured from the fixtures in Chromium). Writes are never tested here: only a
 * real browser runs the frameworks (tests/e2e/editors.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { customTextMap, frameworkTextMap, type TextMap } from '@/lib/editors/text-map';
import { editorFor } from '@/lib/editors';
import { readPlainText } from './read-plain-text';

function editable(html: string, style = 'white-space: pre-wrap'): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  el.setAttribute('style', style);
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
}

/** Every [s, e) maps to a DOM range whose text is the same slice (block separators aside). */
function expectRangesExact(map: TextMap, invisible = /\uFEFF/g): void {
  const { text } = map;
  for (let s = 0; s <= text.length; s++) {
    for (let e = s; e <= text.length; e++) {
      const range = map.range(s, e);
      expect(range, `[${s},${e})`).not.toBeNull();
      const domText = range!.toString().replace(/\n/g, '').replace(invisible, '');
      expect(domText, `[${s},${e}) of ${JSON.stringify(text)}`).toBe(text.slice(s, e).replace(/\n/g, ''));
    }
  }
}

/** pointAt and offsetAt are inverse at every offset. */
function expectRoundTrip(map: TextMap): void {
  for (let o = 0; o <= map.text.length; o++) {
    for (const bias of ['forward', 'backward'] as const) {
      const p = map.pointAt(o, bias);
      expect(p, `${bias} ${o}`).not.toBeNull();
      expect(map.offsetAt(p!.node, p!.offset), `${bias} ${o}`).toBe(o);
    }
  }
}

// Snapshots typed as "Line one⏎⏎Line three⇧⏎soft⇧⏎" in each fixture (see docs/composers.md §5).
const DRAFT_JS =
  '<div data-contents="true"><div data-block="true" data-offset-key="a-0-0"><div data-offset-key="a-0-0" class="public-DraftStyleDefault-block"><span data-offset-key="a-0-0"><span data-text="true">Line one</span></span></div></div>' +
  '<div data-block="true" data-offset-key="b-0-0"><div data-offset-key="b-0-0" class="public-DraftStyleDefault-block"><span data-offset-key="b-0-0"><br data-text="true"></span></div></div>' +
  '<div data-block="true" data-offset-key="c-0-0"><div data-offset-key="c-0-0" class="public-DraftStyleDefault-block"><span data-offset-key="c-0-0"><span data-text="true">Line three\nsoft\n\n</span></span></div></div></div>';
const LEXICAL =
  '<p dir="auto"><span data-lexical-text="true">Line one</span></p><p dir="auto"><br data-lexical-managed-linebreak="true"></p>' +
  '<p dir="auto"><span data-lexical-text="true">Line three</span><br><span data-lexical-text="true">soft</span><br><br data-lexical-managed-linebreak="true"></p>';
const QUILL = '<p>Line one</p><p><br></p><p>Line three</p><p>soft</p>';
const TIPTAP = '<p>Line one</p><p><br class="ProseMirror-trailingBreak"></p><p>Line three<br>soft<br><br class="ProseMirror-trailingBreak"></p>';

describe('framework editors: read() matches the framework model', () => {
  it.each([
    ['draft', DRAFT_JS, 'Line one\n\nLine three\nsoft\n'],
    ['lexical', LEXICAL, 'Line one\n\nLine three\nsoft\n'],
    ['quill1', QUILL, 'Line one\n\nLine three\nsoft'],
    ['prosemirror', TIPTAP, 'Line one\n\nLine three\nsoft\n'],
  ] as const)('%s', (kind, html, model) => {
    const root = editable(html);
    expect(editorFor(kind).read(root)).toBe(model);
    expect(readPlainText(root, kind)).toBe(model);
    const map = frameworkTextMap(root);
    expectRangesExact(map);
    expectRoundTrip(map);
  });

  it('empty editors read as empty and map offset 0', () => {
    for (const html of ['<p><br data-lexical-managed-linebreak="true"></p>', '<p><br></p>', '<p><br class="ProseMirror-trailingBreak"></p>',
      '<div data-contents="true"><div data-block="true"><div><span><br data-text="true"></span></div></div></div>']) {
      const map = frameworkTextMap(editable(html));
      expect(map.text).toBe('');
      expect(map.pointAt(0, 'forward')).not.toBeNull();
      expect(map.range(0, 0)).not.toBeNull();
      expect(map.range(0, 1)).toBeNull();
    }
  });

  it('keeps U+200B (Khmer word separator) but drops U+FEFF (Quill cursor blot), with offsets mapped', () => {
    const root = editable('<p>ព្រះរាជាណាចក្រ\u200Bកម្ពុជា</p><p>a<span class="ql-cursor">\uFEFF</span>b</p>');
    const map = frameworkTextMap(root);
    expect(map.text).toBe('ព្រះរាជាណាចក្រ\u200Bកម្ពុជា\nab');
    expectRangesExact(map);
    const b = map.text.indexOf('b');
    expect(map.range(b, b + 1)!.toString()).toBe('b');
  });

  it('reads emoji images as their alt text and ignores ProseMirror separators', () => {
    const root = editable('<p>Hi <img alt="😀" src="x.png"> there<img class="ProseMirror-separator" alt=""><br class="ProseMirror-trailingBreak"></p>');
    const map = frameworkTextMap(root);
    expect(map.text).toBe('Hi 😀 there');
    expect(map.range(3, 5)!.toString()).toBe(''); // the image itself is selected
    expect(map.range(6, 11)!.toString()).toBe('there');
  });

  it('handles inline formatting, links and nested lists', () => {
    const root = editable('<p>We met <b>Swazi<i>land</i></b> <a href="#">today</a>.</p><ul><li><p>one</p></li><li><p>two</p></li></ul>');
    const map = frameworkTextMap(root);
    expect(map.text).toBe('We met Swaziland today.\none\ntwo');
    expect(map.range(7, 16)!.toString()).toBe('Swaziland');
    expectRangesExact(map);
    expectRoundTrip(map);
  });
});

describe('custom contenteditable (Telegram style)', () => {
  it('pre-wrap: "\\n" in text is a line break; the caret-holding final "\\n" is not text', () => {
    const root = editable('Line one\n\nLine three\n\n');
    const map = customTextMap(root);
    expect(map.text).toBe('Line one\n\nLine three\n');
    expectRangesExact(map);
    expectRoundTrip(map);
  });

  it('browser-made <div>/<br> blocks read like the lines they show, and U+200B is dropped', () => {
    const root = editable('Line one<div><br></div><div>Line\u200B three</div><div>a<br>b<br></div>', '');
    const map = customTextMap(root);
    expect(map.text).toBe('Line one\n\nLine three\na\nb');
    expectRangesExact(map, /[\u200B\uFEFF]/g);
    expectRoundTrip(map);
  });

  it('without pre-wrap, source newlines are spaces', () => {
    const root = editable('a\nb', 'white-space: normal');
    expect(customTextMap(root).text).toBe('a b');
  });
});

describe('offsetAt (carets)', () => {
  it('element positions resolve to the line they show', () => {
    const root = editable(LEXICAL);
    const map = frameworkTextMap(root);
    const [p1, p2, p3] = [...root.children] as HTMLElement[];
    expect(map.offsetAt(root, 0)).toBe(0);
    expect(map.offsetAt(p1!, 1)).toBe(8); // end of "Line one"
    expect(map.offsetAt(p2!, 0)).toBe(9); // the empty line
    expect(map.offsetAt(p3!, 0)).toBe(10);
    expect(map.offsetAt(root, 3)).toBe(map.text.length);
    expect(map.offsetAt(document.body, 0)).toBeNull();
  });
});

describe('textarea module', () => {
  it('maps offsets straight onto .value', () => {
    const ta = document.createElement('textarea');
    ta.value = 'Line one\n\nសួស្តី';
    document.body.replaceChildren(ta);
    const mod = editorFor('textarea');
    expect(mod.read(ta)).toBe('Line one\n\nសួស្តី');
    expect(mod.toDomRange(ta, 2, 5)).toEqual({ start: 2, end: 5 });
    expect(mod.toDomRange(ta, 5, 2)).toBeNull();
    expect(mod.toDomRange(ta, 0, 99)).toBeNull();
  });
});
