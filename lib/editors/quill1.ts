/**
 * Quill 1 (LinkedIn share box, in #interop-outlet's shadow root). Order:
 * 1. bridge: `.ql-container.__quill.updateContents()` with source 'user' between history cutoffs;
 * 2. execCommand('insertText') on the DOM selection (Quill picks the mutation up; multi-line ok).
 * Never a synthetic paste: Quill 1 waits for a native paste into .ql-clipboard and loses the text.
 */
import type { EditorModule } from '@/lib/editors/types';
import { frameworkTextMap } from '@/lib/editors/text-map';
import { richModule } from '@/lib/editors/rich';
import { bridgeMethod, execInsert } from '@/lib/editors/write';

export const quill1Editor: EditorModule = richModule('quill1', frameworkTextMap, (env) => [
  bridgeMethod(env.ctx, { start: env.start, end: env.end, text: env.text, before: () => frameworkTextMap(env.root).text }),
  {
    name: 'execCommand',
    async run() {
      await env.select();
      execInsert(env.root, env.text);
    },
  },
]);
