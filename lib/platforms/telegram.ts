import type { PlatformAdapter } from '@/lib/platforms/types';

/** Telegram Web K and A: custom contenteditables; Enter sends; skip the hidden height mirrors. */
export const telegram: PlatformAdapter = {
  id: 'telegram',
  label: 'Telegram',
  composers: [
    {
      selector: '.input-message-input[contenteditable="true"]',
      editor: 'contenteditable',
      kind: 'message',
      submit: ['.btn-send-container button.btn-send', 'button.btn-send'],
      enterSubmits: true,
      limit: 4096,
      counting: 'utf16',
    },
    {
      selector: '#editable-message-text[contenteditable="true"]',
      editor: 'contenteditable',
      kind: 'message',
      submit: ['button.Button.send', 'button[aria-label="Send Message"]'],
      enterSubmits: true,
      limit: 4096,
      counting: 'utf16',
    },
  ],
  exclude: ['.input-field-input-fake', '[aria-hidden="true"]'],
};
