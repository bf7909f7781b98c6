import { createRoot, type Root } from 'react-dom/client';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { EnvoyRoot } from '@/components/i18n';
import { khmerFontFaceCss } from '@/components/fonts';
import { Panel } from '@/components/panel/Panel';
import type { PanelCounter, PanelFinding, PanelFix } from '@/components/panel/types';
import { TARGET_ATTRIBUTE } from '@/lib/bridge/protocol';
import { readPlainText } from '@/lib/editors/plain-text';
import { resolveUiLanguage } from '@/lib/i18n';
import type { ComposerMatch, PlatformAdapter } from '@/lib/platforms';
import type { SettingsStore } from '@/lib/state/settings-store';
import type { DraftChecker } from '@/entrypoints/content/checker';
import type { BridgeClient } from '@/extension/bridge-client';
import type { ProbeResult } from '@/lib/bridge/protocol';

export const UI_NAME = 'diplomacy-assistant';

interface SessionState {
  findings: PanelFinding[];
  counter: PanelCounter;
  collapsed: boolean;
  text: string;
}

export interface ComposerSession {
  element: HTMLElement;
  id: string;
  state: StoreApi<SessionState>;
  /** Re-reads the draft and re-checks it now. */
  refresh(): void;
  stop(): void;
}

interface SessionDeps {
  ctx: ContentScriptContext;
  bridge: BridgeClient;
  adapter: PlatformAdapter;
  match: ComposerMatch;
  settings: SettingsStore;
  checker: DraftChecker;
  /** Subscribes to changes of the active packs (imported or by policy); returns an unsubscribe. */
  onGuidelinesChanged(callback: () => void): () => void;
}

/** Short enough for keystroke-to-highlight well under 100 ms, long enough to skip most keystrokes while typing fast. */
const CHECK_DEBOUNCE_MS = 40;

function newId(): string {
  return Math.random().toString(36).slice(2, 12);
}

/** Places the panel next to the composer without covering it or the platform's buttons. */
function position(anchor: HTMLElement, composer: HTMLElement) {
  const rect = composer.getBoundingClientRect();
  const width = 340;
  const gap = 8;
  const roomRight = window.innerWidth - rect.right;
  let left: number;
  let top: number;
  if (roomRight >= width + gap) {
    left = rect.right + gap;
    top = rect.top;
  } else {
    left = Math.max(gap, Math.min(rect.left, window.innerWidth - width - gap));
    top = rect.bottom + gap + 40; // below the composer's own toolbar row
    if (top + 120 > window.innerHeight) top = Math.max(gap, rect.top - 160);
  }
  anchor.style.left = `${Math.round(left)}px`;
  anchor.style.top = `${Math.round(top)}px`;
}

export async function startSession(deps: SessionDeps): Promise<ComposerSession> {
  const { ctx, adapter, match, settings, checker, bridge, onGuidelinesChanged } = deps;
  const { element, spec } = match;
  const id = newId();
  element.setAttribute(TARGET_ATTRIBUTE, id);
  const ignoredForPost = new Set<string>();

  const state = createStore<SessionState>()(() => ({
    findings: [],
    counter: { count: 0, limit: spec.limit },
    collapsed: false,
    text: '',
  }));

  // Responses can arrive out of order; only the latest request's answer is shown.
  let sequence = 0;
  const recheck = () => {
    const text = readPlainText(element, spec.editor);
    const mine = ++sequence;
    checker
      .check({ composerId: id, platform: adapter.id, counting: spec.counting, text })
      .then((result) => {
        if (mine !== sequence) return;
        const findings = result.findings.filter((f) => !ignoredForPost.has(f.key));
        state.setState({ text, findings, counter: { count: result.count, limit: spec.limit } });
      })
      .catch((error: unknown) => {
        // Extension reloaded or background busy: keep the last findings, say nothing to the page.
        if (ctx.isValid) console.debug('[Envoy] check failed', error);
      });
  };

  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(recheck, CHECK_DEBOUNCE_MS);
  };

  let root: Root | undefined;
  const ui: ShadowRootContentScriptUi<Root> = await createShadowRootUi(ctx, {
    name: UI_NAME,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container, shadow, host) {
      host.setAttribute('data-platform', adapter.id);
      host.setAttribute('data-editor', spec.editor);
      host.setAttribute('data-composer-kind', spec.kind);
      host.setAttribute('data-composer-id', id);
      const fonts = document.createElement('style');
      fonts.textContent = khmerFontFaceCss((p) => browser.runtime.getURL(p as never));
      shadow.prepend(fonts);
      const anchor = document.createElement('div');
      anchor.className = 'envoy-anchor';
      container.append(anchor);
      position(anchor, element);
      root = createRoot(anchor);
      root.render(<SessionView state={state} settings={settings} onApply={() => {}} ignore={(f) => { ignoredForPost.add(f.key); recheck(); }} />);
      return root;
    },
    onRemove(r) {
      r?.unmount();
    },
  });
  ui.mount();

  const reposition = () => {
    const anchor = ui.uiContainer.querySelector<HTMLElement>('.envoy-anchor');
    if (anchor && element.isConnected) position(anchor, element);
  };
  const listeners: Array<() => void> = [];
  const on = (target: EventTarget, type: string, fn: EventListener, opts?: AddEventListenerOptions) => {
    target.addEventListener(type, fn, opts);
    listeners.push(() => target.removeEventListener(type, fn, opts));
  };
  on(element, 'input', schedule);
  on(window, 'scroll', reposition, { capture: true, passive: true });
  on(window, 'resize', reposition, { passive: true });
  const resizeObserver = new ResizeObserver(reposition);
  resizeObserver.observe(element);
  const showAccount = () => ui.shadowHost.setAttribute('data-account', settings.getState().effective.accountType);
  showAccount();
  const unsubscribeSettings = settings.subscribe(() => {
    showAccount();
    recheck();
  });
  const unsubscribeGuidelines = onGuidelinesChanged(recheck);

  // Which framework objects the MAIN-world bridge can reach on this composer
  // (none on Firefox, where there is no MAIN-world script).
  void bridge
    .request<ProbeResult>({ op: 'probe', target: id })
    .then((probe) => {
      const apis = Object.entries(probe).filter(([, v]) => v).map(([k]) => k);
      ui.shadowHost.setAttribute('data-bridge', apis.join(' ') || 'none');
    })
    .catch(() => ui.shadowHost.setAttribute('data-bridge', 'unavailable'));

  recheck();

  return {
    element,
    id,
    state,
    refresh: recheck,
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      listeners.forEach((off) => off());
      resizeObserver.disconnect();
      unsubscribeSettings();
      unsubscribeGuidelines();
      ui.remove();
      if (element.getAttribute(TARGET_ATTRIBUTE) === id) element.removeAttribute(TARGET_ATTRIBUTE);
    },
  };
}

function SessionView({
  state,
  settings,
  onApply,
  ignore,
}: {
  state: StoreApi<SessionState>;
  settings: SettingsStore;
  onApply(finding: PanelFinding, fix: PanelFix): void;
  ignore(finding: PanelFinding): void;
}) {
  const { findings, counter, collapsed } = useStore(state);
  const uiLanguage = useStore(settings, (v) => v.effective.uiLanguage);
  const lang = resolveUiLanguage(uiLanguage, navigator.language);
  return (
    <EnvoyRoot lang={lang}>
      <Panel
        findings={findings}
        counter={counter}
        canFix={false}
        collapsed={collapsed}
        onToggle={() => state.setState({ collapsed: !collapsed })}
        onApply={onApply}
        onIgnoreOnce={ignore}
        onIgnorePost={ignore}
      />
    </EnvoyRoot>
  );
}
