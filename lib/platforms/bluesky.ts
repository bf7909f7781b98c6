import type { PlatformAdapter } from '@/lib/platforms/types';

/** Bluesky: TipTap (ProseMirror); 300 graphemes after link shortening. */
export const bluesky: PlatformAdapter = {
  id: 'bluesky',
  label: 'Bluesky',
  composers: [
    {
      selector: '.ProseMirror[contenteditable="true"][role="textbox"]',
      editor: 'prosemirror',
      kind: 'post',
      submit: ['button[data-testid="composerPublishBtn"]'],
      modEnterSubmits: true,
      limit: 300,
      counting: 'bluesky',
    },
  ],
};
