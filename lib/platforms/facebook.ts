import type { PlatformAdapter } from '@/lib/platforms/types';

/** Facebook: Lexical for posts and comments; labels are localized, so match structure first. */
export const facebook: PlatformAdapter = {
  id: 'facebook',
  label: 'Facebook',
  composers: [
    {
      selector: 'div[role="dialog"] [contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
      editor: 'lexical',
      kind: 'post',
      submit: ['div[role="button"][aria-label="Post"]', 'div[role="button"][aria-label="Publier"]'],
      limit: 63206,
      counting: 'utf16',
    },
    {
      selector: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
      editor: 'lexical',
      kind: 'comment',
      submit: ['div[role="button"][aria-label="Comment"]', 'div[role="button"][aria-label="Reply"]'],
      enterSubmits: true,
      limit: 8000,
      counting: 'utf16',
    },
  ],
};
