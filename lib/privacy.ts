/**
 * What leaves the device under the current settings, for the options page's
 * privacy section. Pure: derived from the effective settings only.
 *
 * Envoy checks drafts on the device, has no telemetry and loads no remote
 * code; the only draft text that can leave the device is text the user sends
 * to a translation service by pressing Translate.
 */
import type { ProviderConfig, Settings } from '@/lib/state/settings';
import { planProviders } from '@/lib/translation/plan';
import { createProvider } from '@/lib/translation/registry';

export interface TranslationFlow {
  kind: 'translation';
  /** Index in the configured provider list (order of preference). */
  index: number;
  type: ProviderConfig['type'];
  label: string;
  /** Host the draft text is sent to, or "this device" for the on-device translator. */
  destination: string;
  /** The text leaves the device at all. */
  leavesDevice: boolean;
  /** A third-party cloud service (DeepL, Google, Microsoft, libretranslate.com). */
  cloud: boolean;
  /** Would be used now: false for cloud services while cloud translation is switched off, or a service that is not fully configured. */
  used: boolean;
  reason?: 'cloud-not-allowed' | 'not-configured';
  /** Sent over plain http:// to a server on this machine (allowed for local servers only). */
  plainHttp?: true;
}

export interface PrivacyReport {
  translation: TranslationFlow[];
  /** Settings (never drafts) are kept in the browser's synced storage: they travel with the browser account when browser sync is on. */
  settingsSync: true;
  /** No draft text leaves the device unless a translation flow is `used` and the user presses Translate. */
  draftsLeaveDevice: boolean;
}

const noFetch = () => Promise.reject(new Error('privacy report: no network'));

export function describeDataFlows(settings: Pick<Settings, 'translationProviders' | 'allowCloudTranslation'>): PrivacyReport {
  const routes = planProviders(settings.translationProviders, settings.allowCloudTranslation, (config) => createProvider(config, { fetch: noFetch }));
  const translation = routes.map(
    (r): TranslationFlow => ({
      kind: 'translation',
      index: r.index,
      type: r.type as ProviderConfig['type'],
      label: r.label,
      destination: r.destination,
      leavesDevice: r.leavesDevice,
      cloud: r.cloud,
      used: r.status === 'ready',
      ...(r.status === 'ready' ? {} : { reason: r.status }),
      ...(r.plainHttp ? { plainHttp: true as const } : {}),
    }),
  );
  return {
    translation,
    settingsSync: true,
    draftsLeaveDevice: translation.some((f) => f.used && f.leavesDevice),
  };
}
