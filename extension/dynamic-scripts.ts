import { browser } from 'wxt/browser';
import { instanceMatchPattern, instanceScriptId, normaliseInstanceOrigin } from '@/lib/platforms/instances';
import type { SettingsStore } from '@/lib/state/settings-store';

/**
 * Keeps Envoy's content scripts registered on the user's extra Mastodon
 * instances (granted through optional host permissions), in step with
 * settings. An instance whose permission was not granted is skipped.
 */
export async function syncInstanceScripts(origins: readonly string[]): Promise<string[]> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return [];
  const wanted: string[] = [];
  for (const raw of origins) {
    const origin = normaliseInstanceOrigin(raw);
    if (!origin) continue;
    const granted = await browser.permissions.contains({ origins: [instanceMatchPattern(origin)] }).catch(() => false);
    if (granted) wanted.push(origin);
  }
  const registered = await scripting.getRegisteredContentScripts();
  const ours = registered.filter((s) => s.id.startsWith('envoy-mastodon-'));
  const wantedIds = new Set(wanted.flatMap((o) => [instanceScriptId(o, 'isolated'), instanceScriptId(o, 'main')]));
  const stale = ours.filter((s) => !wantedIds.has(s.id)).map((s) => s.id);
  if (stale.length) await scripting.unregisterContentScripts({ ids: stale });
  const existing = new Set(ours.map((s) => s.id));
  const manifest = browser.runtime.getManifest() as { manifest_version: number };
  const fresh = wanted.flatMap((origin) => {
    const matches = [instanceMatchPattern(origin)];
    const isolated = {
      id: instanceScriptId(origin, 'isolated'),
      matches,
      js: ['content-scripts/content.js'],
      runAt: 'document_start' as const,
      persistAcrossSessions: true,
    };
    const main =
      manifest.manifest_version === 3
        ? [{ id: instanceScriptId(origin, 'main'), matches, js: ['content-scripts/editor-bridge.js'], runAt: 'document_start' as const, world: 'MAIN' as const, persistAcrossSessions: true }]
        : [];
    return [isolated, ...main].filter((s) => !existing.has(s.id));
  });
  if (fresh.length) await scripting.registerContentScripts(fresh as never);
  return wanted;
}

export function followInstanceSettings(settings: SettingsStore): void {
  let last = '';
  const run = () => {
    const origins = settings.getState().effective.mastodonInstances;
    const key = origins.join('\n');
    if (key === last) return;
    last = key;
    syncInstanceScripts(origins).catch((error: unknown) => console.warn('[Envoy] could not register instance scripts', error));
  };
  void settings.ready.then(run);
  settings.subscribe(run);
  browser.permissions.onAdded?.addListener(() => {
    last = '';
    run();
  });
  browser.permissions.onRemoved?.addListener(() => {
    last = '';
    run();
  });
}
