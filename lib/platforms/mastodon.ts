import type { PlatformAdapter } from '@/lib/platforms/types';

/**
 * Mastodon web UI (any instance): a React textarea. 500 is the default
 * max_characters; instances can raise it.
 */
export const mastodon: PlatformAdapter = {
  id: 'mastodon',
  label: 'Mastodon',
  composers: [
    {
      selector: 'form.compose-form textarea.autosuggest-textarea__textarea, form.compose-form textarea',
      editor: 'textarea',
      kind: 'post',
      submit: ['.compose-form__publish button[type="submit"]', 'form.compose-form button[type="submit"]'],
      modEnterSubmits: true,
      limit: 500,
      counting: 'mastodon',
    },
  ],
};
