import type { PlatformAdapter } from '@/lib/platforms/types';

/** WhatsApp Web: Lexical in the conversation footer; Enter sends. */
export const whatsapp: PlatformAdapter = {
  id: 'whatsapp',
  label: 'WhatsApp',
  composers: [
    {
      selector: '#main footer [contenteditable="true"][role="textbox"]',
      editor: 'lexical',
      kind: 'message',
      submit: ['button[aria-label="Send"]', 'span[data-icon="send"]'],
      enterSubmits: true,
      limit: 65536,
      counting: 'utf16',
    },
  ],
};
