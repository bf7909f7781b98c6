import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installTrustedEventShim } from './trusted-events';

// Envoy's in-page actions run only on trusted input (components/trusted.ts); see trusted-events.ts.
installTrustedEventShim();

// WXT's plugin does not reset the fake browser between tests; do it ourselves.
beforeEach(() => {
  fakeBrowser.reset();
});

// Extension pages register every UI catalogue at start (components/mount.tsx); so do tests.
import '@/lib/i18n/all';
