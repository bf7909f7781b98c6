import type { PlatformAdapter } from '@/lib/platforms/types';

/** X (Twitter): Draft.js composers; thread items are tweetTextarea_1…N. */
export const x: PlatformAdapter = {
  id: 'x',
  label: 'X',
  composers: [
    {
      selector: '[data-testid^="tweetTextarea_"][contenteditable="true"], [data-testid^="tweetTextarea_"] [contenteditable="true"]',
      editor: 'draft',
      kind: 'post',
      submit: ['button[data-testid="tweetButtonInline"]', 'button[data-testid="tweetButton"]'],
      modEnterSubmits: true,
      limit: 280,
      counting: 'twitter',
    },
  ],
};
