import type { PlatformAdapter } from '@/lib/platforms/types';

/**
 * LinkedIn: the share box is Quill 1, rendered inside the open shadow root of
 * #interop-outlet; comments are Quill 1 or TipTap (A/B tested).
 */
export const linkedin: PlatformAdapter = {
  id: 'linkedin',
  label: 'LinkedIn',
  composers: [
    {
      selector: '.share-creation-state .ql-editor, [role="dialog"] .ql-editor, .share-box .ql-editor',
      editor: 'quill1',
      kind: 'post',
      submit: ['button.share-actions__primary-action'],
      limit: 3000,
      counting: 'utf16',
    },
    {
      selector: '.comments-comment-box .ql-editor, .comments-comment-texteditor .ql-editor',
      editor: 'quill1',
      kind: 'comment',
      submit: ['button.comments-comment-box__submit-button', 'form button[type="submit"]'],
      limit: 1250,
      counting: 'utf16',
    },
    {
      selector: 'div[data-view-name="comment-box"] .tiptap.ProseMirror[contenteditable="true"]',
      editor: 'prosemirror',
      kind: 'comment',
      submit: ['button[data-view-name="comment-post"]'],
      limit: 1250,
      counting: 'utf16',
    },
    {
      selector: '.ql-editor',
      editor: 'quill1',
      kind: 'post',
      submit: ['button.share-actions__primary-action'],
      limit: 3000,
      counting: 'utf16',
    },
  ],
};
