/**
 * Custom contenteditables (Telegram Web K/A, YouTube comments): the app derives its state from
 * the DOM on `input`. Order:
 * 1. execCommand: insertText per line and insertLineBreak between lines (what Shift+Enter does;
 *    one insertText with '\n' would make Chromium split blocks into <div>s), native undo;
 * 2. DOM edit of the selected range + an `input` event (no native undo; last resort).
 */
import type { EditorModule } from '@/lib/editors/types';
import { customTextMap } from '@/lib/editors/text-map';
import { richModule } from '@/lib/editors/rich';
import { execInsert, selectionFor } from '@/lib/editors/write';

export const contentEditableEditor: EditorModule = richModule('contenteditable', customTextMap, (env) => [
  {
    name: 'execCommand',
    async run() {
      await env.select();
      const doc = env.root.ownerDocument;
      const lines = env.text.split('\n');
      if (lines.length === 1) {
        execInsert(env.root, env.text);
        return;
      }
      // Delete the selection first so every line is an insertion at the caret.
      if (env.end > env.start && !doc.execCommand('delete', false)) throw new Error('execCommand refused');
      lines.forEach((line, i) => {
        if (i > 0 && !doc.execCommand('insertLineBreak', false)) throw new Error('execCommand refused');
        if (line && !doc.execCommand('insertText', false, line)) throw new Error('execCommand refused');
      });
    },
  },
  {
    name: 'dom',
    async run() {
      const range = await env.select();
      const doc = env.root.ownerDocument;
      range.deleteContents();
      const view = doc.defaultView ?? window;
      const pre = /^(pre|pre-wrap|pre-line|break-spaces)$/.test(view.getComputedStyle(env.root).whiteSpace);
      const fragment = doc.createDocumentFragment();
      let last: Node | null = null;
      env.text.split('\n').forEach((line, i) => {
        if (i > 0) fragment.append((last = pre ? doc.createTextNode('\n') : doc.createElement('br')));
        if (line) fragment.append((last = doc.createTextNode(line)));
      });
      range.insertNode(fragment);
      if (last) {
        const selection = selectionFor(env.root);
        const after = doc.createRange();
        after.setStartAfter(last);
        after.collapse(true);
        selection?.removeAllRanges();
        selection?.addRange(after);
      }
      env.root.dispatchEvent(
        new view.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: env.text }),
      );
    },
  },
]);
