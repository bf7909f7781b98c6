import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// WXT's plugin does not reset the fake browser between tests; do it ourselves.
beforeEach(() => {
  fakeBrowser.reset();
});

// Extension pages register every UI catalogue at start (components/mount.tsx); so do tests.
import '@/lib/i18n/all';
