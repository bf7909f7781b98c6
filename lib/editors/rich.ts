/**
 * Building blocks shared by the contenteditable editor modules (everything but textarea):
 * reading, range mapping and caret handling all go through one TextMap (lib/editors/text-map.ts).
 */
import type { EditorKind, EditorModule, ReplaceContext, WriteResult } from '@/lib/editors/types';
import type { TextMap } from '@/lib/editors/text-map';
import { selectionFor, selectDomRange, setCaretPoint, verifiedWrite, type WriteMethod } from '@/lib/editors/write';

export interface WriteEnv {
  ctx: ReplaceContext;
  root: HTMLElement;
  start: number;
  end: number;
  text: string;
  /** The draft when the write started (read()). */
  before: string;
  /** Selects [start, end) in the DOM and waits for the framework to see it. */
  select(): Promise<Range>;
}

export function richModule(
  kind: EditorKind,
  mapOf: (root: HTMLElement) => TextMap,
  methods: (env: WriteEnv) => WriteMethod[],
): EditorModule {
  const read = (root: HTMLElement) => mapOf(root).text;
  const caret = (root: HTMLElement): number | null => {
    const selection = selectionFor(root);
    if (!selection || selection.rangeCount === 0 || !selection.focusNode) return null;
    if (selection.focusNode !== root && !root.contains(selection.focusNode)) return null;
    return mapOf(root).offsetAt(selection.focusNode, selection.focusOffset);
  };
  return {
    kind,
    read,
    toDomRange: (root, start, end) => mapOf(root).range(start, end),
    caret,
    async replace(ctx, start, end, text): Promise<WriteResult> {
      const { root } = ctx;
      let before = '';
      try {
        before = read(root);
      } catch {
        // verifiedWrite reports the read failure
      }
      const env: WriteEnv = {
        ctx,
        root,
        start,
        end,
        text,
        before,
        async select() {
          const range = mapOf(root).range(start, end);
          if (!range) throw new Error('range not found in the DOM');
          await selectDomRange(root, range);
          return range;
        },
      };
      return verifiedWrite({
        ctx,
        start,
        end,
        text,
        read: () => read(root),
        methods: methods(env),
        caret: () => caret(root),
        async setCaret(offset) {
          const point = mapOf(root).pointAt(offset, 'forward');
          if (point) await setCaretPoint(root, point);
        },
      });
    },
  };
}
