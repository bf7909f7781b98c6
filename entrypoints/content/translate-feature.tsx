/**
 * Panel feature: translate the draft (or the selection) and write a bilingual post.
 *
 * The content script stays small: no translation library here. It reads the draft and the
 * selection, asks the background (`envoy:translate-plan`, `envoy:translate`, validated replies)
 * and writes the result through SessionApi.replaceRange (the editor modules).
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { PanelFeature, SessionApi } from '@/entrypoints/content/session-api';
import { sendToBackground } from '@/extension/messaging';
import { TranslatePanel, type DraftSnapshot } from '@/components/translation/TranslatePanel';
import type { DraftEdit } from '@/components/translation/compose';
import { backgroundTranslateClient } from '@/extension/translate-client';
import { customTextMap, frameworkTextMap, type TextMap } from '@/lib/editors/text-map';
import { selectionFor } from '@/lib/editors/write';
import type { EditorKind } from '@/lib/editors/types';

/** Same walker as the editor module of each kind (lib/editors/*.ts), so offsets agree with read(). */
function textMapFor(kind: EditorKind): ((root: HTMLElement) => TextMap) | undefined {
  if (kind === 'textarea') return undefined;
  return kind === 'contenteditable' ? customTextMap : frameworkTextMap;
}

interface RememberedSelection {
  start: number;
  end: number;
  text: string;
}

/**
 * The last selection the user made inside the composer. Clicking into Envoy's panel may move the
 * document selection away; a selection elsewhere does not forget it, a caret in the composer does.
 */
const remembered = new WeakMap<SessionApi, RememberedSelection | undefined>();

function trackSelection(api: SessionApi): () => void {
  const root = api.element;
  const mapOf = textMapFor(api.spec.editor);
  if (!mapOf) return () => undefined; // textarea: selectionStart/End are read when needed
  const update = () => {
    const selection = selectionFor(root);
    if (!selection || selection.rangeCount === 0 || !selection.anchorNode || !selection.focusNode) return;
    const inside = (n: Node) => n === root || root.contains(n);
    if (!inside(selection.anchorNode) || !inside(selection.focusNode)) return;
    if (selection.isCollapsed) {
      remembered.set(api, undefined);
      return;
    }
    try {
      const map = mapOf(root);
      const a = map.offsetAt(selection.anchorNode, selection.anchorOffset);
      const f = map.offsetAt(selection.focusNode, selection.focusOffset);
      if (a === null || f === null || a === f) {
        remembered.set(api, undefined);
        return;
      }
      const start = Math.min(a, f);
      const end = Math.max(a, f);
      remembered.set(api, { start, end, text: map.text.slice(start, end) });
    } catch {
      remembered.set(api, undefined);
    }
  };
  const doc = root.ownerDocument;
  doc.addEventListener('selectionchange', update);
  return () => doc.removeEventListener('selectionchange', update);
}

/** The draft and the user's selection in it (plain-text offsets), when it still matches. */
export function readDraftWithSelection(api: SessionApi): DraftSnapshot {
  const text = api.readText();
  const el = api.element;
  let sel: { start: number; end: number } | undefined;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    const start = el.selectionStart ?? 0;
    const end = el.selectionEnd ?? 0;
    if (end > start) sel = { start, end };
  } else {
    const r = remembered.get(api);
    if (r && text.slice(r.start, r.end) === r.text) sel = { start: r.start, end: r.end };
  }
  // A selection of white space only is no selection.
  if (sel && !/\S/u.test(text.slice(sel.start, sel.end))) sel = undefined;
  return { text, selection: sel };
}

function TranslateSection({ api }: { api: SessionApi }) {
  const targetLanguage = useStore(api.settings, (v) => v.effective.targetLanguage);
  const separator = useStore(api.settings, (v) => v.effective.bilingualSeparator);
  const handlers = useMemo(
    () => ({
      readDraft: () => readDraftWithSelection(api),
      // Through the editor module (framework model, undo, caret); it refuses a stale range and
      // re-runs the checks and the platform count on the bilingual text.
      write: (edit: DraftEdit) => api.replaceRange(edit.start, edit.end, edit.text, edit.original),
      openStudio: () => void sendToBackground({ type: 'envoy:open-studio' }).catch(() => undefined),
      copy: (text: string) => navigator.clipboard.writeText(text),
    }),
    [api],
  );
  return (
    <TranslatePanel
      client={backgroundTranslateClient}
      readDraft={handlers.readDraft}
      write={handlers.write}
      defaultTarget={targetLanguage}
      separator={separator}
      onOpenStudio={handlers.openStudio}
      copy={handlers.copy}
    />
  );
}

export const translateFeature: PanelFeature = {
  id: 'translate',
  Section: TranslateSection,
  attach: trackSelection,
};
