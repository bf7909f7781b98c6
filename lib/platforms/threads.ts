import type { PlatformAdapter } from '@/lib/platforms/types';

/** Threads: a Meta Lexical contenteditable with aria-placeholder; emoji count as UTF-8 bytes. */
export const threads: PlatformAdapter = {
  id: 'threads',
  label: 'Threads',
  composers: [
    {
      selector: '[contenteditable="true"][role="textbox"][aria-placeholder]',
      editor: 'lexical',
      kind: 'post',
      submit: ['div[role="dialog"] div[role="button"]'],
      limit: 500,
      counting: 'threads',
    },
  ],
};
