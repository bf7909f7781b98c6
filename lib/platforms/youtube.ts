import type { PlatformAdapter } from '@/lib/platforms/types';

/** YouTube comments: Polymer contenteditable #contenteditable-root. */
export const youtube: PlatformAdapter = {
  id: 'youtube',
  label: 'YouTube',
  composers: [
    {
      selector: '#contenteditable-root[contenteditable="true"]',
      editor: 'contenteditable',
      kind: 'comment',
      submit: ['#submit-button button'],
      limit: 10000,
      counting: 'utf16',
    },
  ],
};
