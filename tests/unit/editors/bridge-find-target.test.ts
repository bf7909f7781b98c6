/** The MAIN-world bridge finds the marked composer in the document and in nested open shadow roots. */
import { afterEach, describe, expect, it } from 'vitest';
import { findTarget, handleMessage } from '@/lib/bridge/main-world';

/** `depth` hosts, each inside the previous one's shadow root; returns the innermost root. */
function nest(depth: number, mode: ShadowRootMode = 'open'): ShadowRoot {
  let parent: Element | ShadowRoot = document.body;
  let root: ShadowRoot | undefined;
  for (let i = 0; i < depth; i++) {
    const host = document.createElement(`x-level-${i}`);
    parent.append(host);
    root = host.attachShadow({ mode });
    parent = root;
  }
  return root!;
}

function composer(into: Element | ShadowRoot, id: string): HTMLElement {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  el.setAttribute('data-envoy-composer', id);
  into.append(el);
  return el;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('findTarget', () => {
  it('finds a composer in the document, in a shadow root, and in a shadow root inside another', () => {
    const top = composer(document.body, 'top-1');
    const one = composer(nest(1), 'one-1');
    const three = composer(nest(3), 'three-1');
    expect(findTarget(document, 'top-1')).toBe(top);
    expect(findTarget(document, 'one-1')).toBe(one);
    expect(findTarget(document, 'three-1')).toBe(three);
  });

  it('finds it next to light-DOM siblings of the hosts (the walk continues past roots without it)', () => {
    nest(2);
    const other = document.createElement('section');
    document.body.append(other);
    const shadow = other.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    shadow.append(inner);
    const target = composer(inner.attachShadow({ mode: 'open' }), 'late-1');
    expect(findTarget(document, 'late-1')).toBe(target);
  });

  it('does not reach into closed shadow roots, and answers null for an unknown id', () => {
    composer(nest(2, 'closed'), 'closed-1');
    expect(findTarget(document, 'closed-1')).toBeNull();
    expect(findTarget(document, 'nope')).toBeNull();
  });

  it('serves bridge requests for a composer two shadow roots deep', () => {
    composer(nest(2), 'deep-1');
    expect(handleMessage(document, { id: 7, op: 'probe', target: 'deep-1' })).toEqual({
      id: 7,
      ok: true,
      result: { lexical: false, draft: false, quill1: false, tiptap: false },
    });
    expect(handleMessage(document, { id: 8, op: 'probe', target: 'gone-1' })).toEqual({ id: 8, ok: false, error: 'composer not found' });
  });
});
