import { defineConfig } from 'wxt';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { ALL_PLATFORM_MATCHES, OPTIONAL_HOST_PATTERNS } from './lib/platforms/hosts';

/**
 * Public key of Envoy's signing key pair (base64 DER). It fixes the unpacked
 * extension id to `flpjphmmfddifhomkenoglmoblchdlla`, so enterprise policy
 * (3rdparty.extensions.<id>) and tests can address it. Only the public half is
 * in the repo; nothing secret is needed to load the extension.
 */
export const ENVOY_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApei+mwiZ914gZorbEGYA1FTadOgRZS3oqgsrs0NE3ElQaBkS7+J5NCPoc+eburXj54krcMAvjSREhy5VfQSjwo7yytNEN8QgCFLDlkhPffG3m7jiBJBY8E7tAPMakIBe4ILRdAdKlTMBfjpzDXwvIeaR0yzIX/uftCaP2cQc7JizLc3nxtLL7fLXw0QLLJ1gtM2y3qD7T8Rskoiog1VuFcDzt6vlVxN3Sv9BDtBKRthtTXHcmuDSIgAGE94fDDOgHzgYk1xvaaaXIHIeBkgZBblaXQX1/6VorOgUgrMc50omZGHZq1Kv02jjmkdH+izPRIobtBr9tqQDDYmbag1EKQIDAQAB';

/**
 * twitter-text's builds import core-js 2 polyfills for ES2015 (String.prototype.split, Symbol,
 * Array.prototype.sort…). Every browser Envoy supports has them natively, and the split polyfill
 * replaces the native method for all code of the page that loads it (alex, which splits a lot, ran
 * three times slower with it in Node): the background and the compose studio get empty modules.
 */
const dropCoreJsPolyfills: Plugin = {
  name: 'envoy-drop-core-js-polyfills',
  enforce: 'pre',
  resolveId: (id) => (id.startsWith('core-js/modules/') ? '\0no-polyfill' : null),
  load: (id) => (id === '\0no-polyfill' ? 'export {};' : null),
};

/** Web-accessible files: the Khmer font's woff2 files, nothing else (see web_accessible_resources). */
const WEB_ACCESSIBLE_FONTS = 'fonts/*.woff2';

export default defineConfig({
  // Explicit imports everywhere: code reads the same in tests, lib/ and entrypoints.
  imports: false,
  // `browser` from 'wxt/browser' becomes webextension-polyfill at run time.
  modules: ['@wxt-dev/webextension-polyfill'],
  // @vitejs/plugin-react 5 works with Vite 7 (plugin-react 6 needs Vite 8, which
  // stops WXT 0.20 from ASCII-escaping content scripts).
  vite: () => ({ plugins: [react(), dropCoreJsPolyfills] }),
  hooks: {
    // Content scripts registered at run time on user-added Mastodon instances
    // fetch their shadow-root CSS too; WXT lists only the static matches. The
    // entry keeps use_dynamic_url, so pages cannot probe for it.
    'build:manifestGenerated'(_wxt, manifest) {
      if (manifest.manifest_version !== 3) return;
      for (const entry of manifest.web_accessible_resources ?? []) {
        if (typeof entry === 'object' && entry.resources.includes('content-scripts/content.css')) {
          entry.matches = ['https://*/*'];
        }
      }
    },
  },
  webExt: {
    // `npm start` launches Chromium itself (scripts/start.mjs); `wxt` dev only builds.
    disabled: true,
  },
  manifest: ({ browser, manifestVersion }) => {
    const chromium = browser !== 'firefox' && browser !== 'safari';
    return {
      name: '__MSG_extName__',
      short_name: 'Envoy',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      // offscreen: Chrome's on-device Translator runs in an offscreen document (window-only API).
      permissions: ['storage', 'scripting', ...(chromium && manifestVersion === 3 ? ['offscreen'] : [])],
      host_permissions: [...ALL_PLATFORM_MATCHES],
      ...(manifestVersion === 3
        ? { optional_host_permissions: [...OPTIONAL_HOST_PATTERNS] }
        : // WXT drops optional_host_permissions for MV2 instead of converting it.
          { optional_permissions: [...OPTIONAL_HOST_PATTERNS] }),
      action: { default_title: 'Envoy' },
      // The in-page panel's Khmer font files (not their licence text), and only by the per-session
      // dynamic URL that runtime.getURL returns: a page cannot fetch chrome-extension://<id>/… to
      // detect Envoy, and a dynamic URL carries no id. Any https page, like WXT's panel stylesheet,
      // because user-added Mastodon instances get the panel too.
      web_accessible_resources:
        manifestVersion === 3
          ? [{ resources: [WEB_ACCESSIBLE_FONTS], matches: ['https://*/*'], use_dynamic_url: true }]
          : ([WEB_ACCESSIBLE_FONTS] as unknown as never),
      ...(chromium
        ? { key: ENVOY_MANIFEST_KEY, storage: { managed_schema: 'managed_schema.json' } }
        : {}),
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'envoy@envoy-extension',
                strict_min_version: '140.0',
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    };
  },
});
