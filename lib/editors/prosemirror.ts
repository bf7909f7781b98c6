/**
 * ProseMirror / TipTap (Bluesky, LinkedIn "v2" comments). Order:
 * 1. bridge: TipTap's `el.editor` command chain with plain-text offsets mapped to positions;
 * 2. execCommand('insertText') on the DOM selection (ProseMirror reads the change; multi-line ok);
 * 3. synthetic paste after the tick (single-line, or no blank lines: the default parser collapses them).
 */
import type { EditorModule } from '@/lib/editors/types';
import { frameworkTextMap } from '@/lib/editors/text-map';
import { richModule } from '@/lib/editors/rich';
import { bridgeMethod, dispatchPaste, execInsert } from '@/lib/editors/write';

export const prosemirrorEditor: EditorModule = richModule('prosemirror', frameworkTextMap, (env) => [
  bridgeMethod(env.ctx, { start: env.start, end: env.end, text: env.text, before: () => frameworkTextMap(env.root).text }),
  {
    name: 'execCommand',
    async run() {
      await env.select();
      execInsert(env.root, env.text);
    },
  },
  {
    name: 'paste',
    applicable: env.text !== '' && !env.text.includes('\n\n'),
    async run() {
      await env.select();
      dispatchPaste(env.root, env.text);
    },
  },
]);
