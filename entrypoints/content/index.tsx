import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { connectBridge } from '@/extension/bridge-client';
import { handleMessages } from '@/extension/messaging';
import { pageSettingsStore } from '@/extension/page-settings';
import { ADAPTERS } from '@/lib/platforms';
import { ALL_PLATFORM_MATCHES, platformForHost } from '@/lib/platforms/hosts';
import { createDraftChecker } from '@/entrypoints/content/checker';
import { PANEL_FEATURES } from '@/entrypoints/content/features';
import { followUiLanguage } from '@/entrypoints/content/ui-strings';
import { browserAreaStorage } from '@/extension/storage';
import { IMPORTED_PACKS_KEY } from '@/lib/state/imported-packs';
import { watchComposers } from '@/entrypoints/content/watcher';

export default defineContentScript({
  matches: ALL_PLATFORM_MATCHES,
  // document_start so the editor-bridge handshake happens before page scripts run.
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  // WXT would otherwise window.postMessage a "content-script-started" notice whose type carries
  // the extension id, which any page script can read (fingerprinting). Its other notice, a
  // CustomEvent on document, fires synchronously at document_start, before any page script.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const bridge = connectBridge();
    // Hosts outside the built-in list reach here only through the dynamically
    // registered script for user-added Mastodon instances.
    const platform = platformForHost(location.hostname) ?? 'mastodon';
    const adapter = ADAPTERS[platform];

    if (document.readyState === 'loading') {
      await new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
    }
    // Without translation API keys: they stay in the background.
    const settings = pageSettingsStore();
    await settings.ready;
    followUiLanguage(settings);
    const checker = createDraftChecker();
    // Policy packs arrive with settings; imported packs live in storage.local.
    const onGuidelinesChanged = (callback: () => void) => browserAreaStorage('local').watch(IMPORTED_PACKS_KEY, callback);
    const watcher = watchComposers(ctx, adapter, settings, checker, bridge, onGuidelinesChanged, PANEL_FEATURES);

    handleMessages({
      'envoy:tab-status': () => {
        const findings = watcher.active()?.api.state.getState().findings ?? [];
        const count = (s: string) => findings.filter((f) => f.severity === s).length;
        return {
          platform,
          hostname: location.hostname,
          enabled: watcher.enabled(),
          composerFound: watcher.active() !== undefined,
          counts: { error: count('error'), warning: count('warning'), suggestion: count('suggestion') },
        };
      },
    });
  },
});
