import { browser } from 'wxt/browser';
import type { SettingsStore } from '@/lib/state/settings-store';
import { hasOrigin, providerOrigin } from '@/extension/permissions';

/**
 * The host permission of a configured translation server, asked for on an extension page
 * (access.html): a content script cannot show the browser's prompt, and the prompt needs a click.
 * Only the origin of a provider in the effective settings can be asked for, so a page cannot use
 * this to make Envoy request arbitrary hosts. Resolves when the user decided (the permission was
 * added, or the window was closed).
 */
export async function requestHostAccess(settings: SettingsStore, origin: string): Promise<boolean> {
  const configured = settings.getState().effective.translationProviders.map((p) => providerOrigin(p));
  if (!configured.includes(origin)) return false;
  if (await hasOrigin(origin)) return true;
  const url = `${browser.runtime.getURL('/access.html')}?origin=${encodeURIComponent(origin)}`;
  const win = await browser.windows.create({ url, type: 'popup', width: 520, height: 340 });
  return new Promise<boolean>((resolve) => {
    const finish = (granted: boolean) => {
      browser.permissions.onAdded.removeListener(onAdded);
      browser.windows.onRemoved.removeListener(onRemoved);
      resolve(granted);
    };
    const onAdded = (added: { origins?: string[] }) => {
      if (added.origins?.includes(origin)) finish(true);
    };
    const onRemoved = (windowId: number) => {
      if (windowId === win?.id) void hasOrigin(origin).then(finish);
    };
    browser.permissions.onAdded.addListener(onAdded);
    browser.windows.onRemoved.addListener(onRemoved);
  });
}
