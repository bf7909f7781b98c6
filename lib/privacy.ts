/**
 * What leaves the device under the current settings, for the options page's
 * privacy section. Pure: derived from the effective settings only.
 *
 * Envoy checks drafts on the device, has no telemetry and loads no remote
 * code; the only draft text that can leave the device is text the user sends
 * to a translation service by pressing Translate.
 */
import { createProvider } from '@/lib/translation/providers';
import { CLOUD_PROVIDER_TYPES, type ProviderConfig, type Settings } from '@/lib/state/settings';

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
  const translation = settings.translationProviders.map((config, index): TranslationFlow => {
    try {
      const p = createProvider(config, { fetch: noFetch });
      const destination = p.destination();
      const leavesDevice = config.type !== 'chrome';
      const flow: TranslationFlow = { kind: 'translation', index, type: config.type, label: p.label, destination, leavesDevice, cloud: p.isCloud, used: true };
      if (p.isCloud && !settings.allowCloudTranslation) {
        flow.used = false;
        flow.reason = 'cloud-not-allowed';
      } else if (p.isCloud && !config.apiKey) {
        flow.used = false;
        flow.reason = 'not-configured';
      }
      return flow;
    } catch {
      return {
        kind: 'translation', index, type: config.type, label: config.label ?? config.type,
        destination: config.endpoint ?? '', leavesDevice: true, cloud: CLOUD_PROVIDER_TYPES.includes(config.type), used: false, reason: 'not-configured',
      };
    }
  });
  return {
    translation,
    settingsSync: true,
    draftsLeaveDevice: translation.some((f) => f.used && f.leavesDevice),
  };
}
