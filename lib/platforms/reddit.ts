import type { PlatformAdapter } from '@/lib/platforms/types';

/** Reddit: Lexical inside shreddit-composer (slotted light DOM); old Reddit textareas. */
export const reddit: PlatformAdapter = {
  id: 'reddit',
  label: 'Reddit',
  composers: [
    {
      selector: 'shreddit-composer [contenteditable="true"][role="textbox"]',
      editor: 'lexical',
      kind: 'comment',
      submit: ['shreddit-composer > button[slot="submit-button"][type="submit"]'],
      limit: 10000,
      counting: 'utf16',
    },
    {
      selector: '[contenteditable="true"][data-lexical-editor="true"]',
      editor: 'lexical',
      kind: 'post',
      submit: ['#submit-post-button', 'button[type="submit"]'],
      limit: 40000,
      counting: 'utf16',
    },
    {
      selector: '.usertext-edit textarea[name="text"]',
      editor: 'textarea',
      kind: 'comment',
      submit: ['.usertext-edit button.save', '.usertext-edit button[type="submit"]'],
      limit: 10000,
      counting: 'utf16',
    },
  ],
};
