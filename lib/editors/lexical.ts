/**
 * Lexical (Facebook, Instagram, Threads, WhatsApp). Order:
 * 1. bridge: `__lexicalEditor.update()` in the MAIN world (exact model edit, own undo step);
 * 2. synthetic `beforeinput` insertText with targetRanges after the selection tick (Lexical
 *    handles it as a controlled insertion, newlines included);
 * 3. synthetic paste (single-line only: multi-line becomes paragraphs, text-equal but heavier);
 * 4. execCommand('insertText') (single-line only: newlines are lost).
 */
import type { EditorModule } from '@/lib/editors/types';
import { frameworkTextMap } from '@/lib/editors/text-map';
import { richModule } from '@/lib/editors/rich';
import { bridgeMethod, dispatchBeforeInput, dispatchPaste, execInsert, focusRoot } from '@/lib/editors/write';

export const lexicalEditor: EditorModule = richModule('lexical', frameworkTextMap, (env) => [
  bridgeMethod(env.ctx, { start: env.start, end: env.end, text: env.text, before: () => frameworkTextMap(env.root).text }, () =>
    focusRoot(env.root),
  ),
  {
    name: 'beforeinput',
    async run() {
      const range = await env.select();
      dispatchBeforeInput(env.root, range, env.text);
    },
  },
  {
    name: 'paste',
    applicable: env.text !== '' && !env.text.includes('\n'),
    async run() {
      await env.select();
      dispatchPaste(env.root, env.text);
    },
  },
  {
    name: 'execCommand',
    applicable: !env.text.includes('\n'),
    async run() {
      await env.select();
      execInsert(env.root, env.text);
    },
  },
]);
