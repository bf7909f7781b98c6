/**
 * Draft.js (X/Twitter). Writes with a synthetic paste of text/plain after the selection tick
 * (docs/composers.md §0.3): works in empty and non-empty editors and for multi-line text, and Draft
 * pushes it as one undo step with the caret after the insertion. Deleting (empty replacement)
 * uses a synthetic cut: Draft's cut handler removes the selected fragment from its model itself.
 * execCommand('insertText') is a last resort only for single-line text into a non-empty editor
 * (it crashes an empty editor and drops paragraphs: draft-js#36/#616). No bridge write: the
 * paste path needs no MAIN world (Firefox included).
 */
import type { EditorModule } from '@/lib/editors/types';
import { frameworkTextMap } from '@/lib/editors/text-map';
import { richModule } from '@/lib/editors/rich';
import { dispatchCut, dispatchPaste, execInsert } from '@/lib/editors/write';

export const draftEditor: EditorModule = richModule('draft', frameworkTextMap, (env) => [
  {
    name: 'paste',
    applicable: env.text !== '',
    async run() {
      await env.select();
      dispatchPaste(env.root, env.text);
    },
  },
  {
    name: 'cut',
    applicable: env.text === '',
    async run() {
      await env.select();
      dispatchCut(env.root);
    },
  },
  {
    name: 'execCommand',
    applicable: env.text !== '' && !env.text.includes('\n') && env.before !== '',
    async run() {
      await env.select();
      execInsert(env.root, env.text);
    },
  },
]);
