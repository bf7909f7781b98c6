/**
 * <textarea> / <input> (Mastodon, Instagram comments): offsets are `.value` offsets.
 * 1. setSelectionRange + execCommand('insertText'): trusted input events and native undo;
 * 2. native prototype `value` setter + `input` event (React's value tracker sees the change;
 *    no native undo).
 */
import type { EditorModule, OffsetRange } from '@/lib/editors/types';
import { deepActiveElement, execInsert, verifiedWrite } from '@/lib/editors/write';

type Field = HTMLTextAreaElement | HTMLInputElement;

const asField = (root: HTMLElement): Field => root as Field;

function setNativeValue(field: Field, value: string): void {
  const view = field.ownerDocument.defaultView ?? window;
  const proto = field.tagName === 'TEXTAREA' ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (!setter) throw new Error('no native value setter');
  setter.call(field, value);
}

function focusField(field: Field): void {
  if (deepActiveElement(field.ownerDocument) !== field) field.focus({ preventScroll: true });
}

export const textareaEditor: EditorModule = {
  kind: 'textarea',
  read: (root) => asField(root).value,
  toDomRange(root, start, end): OffsetRange | null {
    const length = asField(root).value.length;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) return null;
    return { start, end };
  },
  caret(root) {
    const field = asField(root);
    if (deepActiveElement(field.ownerDocument) !== field) return null;
    return field.selectionDirection === 'backward' ? field.selectionStart : field.selectionEnd;
  },
  replace(ctx, start, end, text) {
    const field = asField(ctx.root);
    return verifiedWrite({
      ctx,
      start,
      end,
      text,
      read: () => field.value,
      caret: () => (deepActiveElement(field.ownerDocument) === field ? field.selectionEnd : null),
      async setCaret(offset) {
        focusField(field);
        field.setSelectionRange(offset, offset);
      },
      methods: [
        {
          name: 'execCommand',
          run() {
            focusField(field);
            field.setSelectionRange(start, end);
            execInsert(field, text);
          },
        },
        {
          name: 'nativeSetter',
          run() {
            const value = field.value;
            focusField(field);
            setNativeValue(field, value.slice(0, start) + text + value.slice(end));
            field.setSelectionRange(start + text.length, start + text.length);
            const view = field.ownerDocument.defaultView ?? window;
            field.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
          },
        },
      ],
    });
  },
};
