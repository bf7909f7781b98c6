import type { PlatformAdapter } from '@/lib/platforms/types';

/** Instagram: Lexical caption in the "Create new post" dialog; comments are a React textarea. */
export const instagram: PlatformAdapter = {
  id: 'instagram',
  label: 'Instagram',
  composers: [
    {
      selector: 'div[role="dialog"] [contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
      editor: 'lexical',
      kind: 'caption',
      submit: ['div[role="dialog"] div[role="button"][tabindex="0"]'],
      limit: 2200,
      counting: 'utf16',
    },
    {
      selector: 'textarea[aria-label^="Add a comment"], form textarea[placeholder^="Add a comment"]',
      editor: 'textarea',
      kind: 'comment',
      submit: ['form [role="button"]', 'form button[type="submit"]'],
      enterSubmits: true,
      limit: 2200,
      counting: 'utf16',
    },
  ],
};
