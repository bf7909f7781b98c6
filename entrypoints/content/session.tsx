import { Component, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { EnvoyRoot } from '@/components/i18n';
import { Panel } from '@/components/panel/Panel';
import { TruncatedNotice } from '@/components/panel/TruncatedNotice';
import type { PanelFinding, PanelFix } from '@/components/panel/types';
import { TARGET_ATTRIBUTE, type ProbeResult } from '@/lib/bridge/protocol';
import { editorFor } from '@/lib/editors';
import { resolveUiLanguage } from '@/lib/i18n';
import type { ComposerMatch, PlatformAdapter } from '@/lib/platforms';
import type { SettingsStore } from '@/lib/state/settings-store';
import type { DraftChecker } from '@/entrypoints/content/checker';
import type { PanelFeature, SessionApi, SessionState } from '@/entrypoints/content/session-api';
import { resolveSubmitButtons } from '@/entrypoints/content/submit-guard';
import { registerPanelKhmerFont } from '@/entrypoints/content/khmer-font';
import { placePanel, union, type Box } from '@/lib/panel-placement';
import { PANEL_MEMORY_KEY, panelMemoryStore, parsePanelMemory, type PanelMemoryStore } from '@/components/panel/panel-memory';
import { browserAreaStorage } from '@/extension/storage';
import type { BridgeClient } from '@/extension/bridge-client';

export const UI_NAME = 'diplomacy-assistant';

export interface ComposerSession {
  api: SessionApi;
  element: HTMLElement;
  stop(): void;
}

interface SessionDeps {
  ctx: ContentScriptContext;
  bridge: BridgeClient;
  adapter: PlatformAdapter;
  match: ComposerMatch;
  settings: SettingsStore;
  checker: DraftChecker;
  features: readonly PanelFeature[];
  /** Subscribes to changes of the active packs (imported or by policy); returns an unsubscribe. */
  onGuidelinesChanged(callback: () => void): () => void;
}

/** Short enough for keystroke-to-highlight well under 100 ms, long enough to skip most keystrokes while typing fast. */
const CHECK_DEBOUNCE_MS = 40;
const PANEL_WIDTH = 340;

const warned = new Set<string>();
/** Logs a problem once per page, however often it recurs. */
function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(message);
}

function newId(): string {
  return Math.random().toString(36).slice(2, 12);
}

/** Below this the panel is not worth shrinking further: it may then cover the least it can. */
const MIN_PANEL_HEIGHT = 96;
const GAP = 8;

/**
 * Places the panel (or its minimised badge: the anchor's own size) next to the composer without
 * covering it or the platform's own buttons. Where no free band is tall enough for the whole panel
 * (a composer at the bottom of a chat window), the panel is made shorter (it scrolls) to fit the
 * largest free band, rather than cover the Send button.
 */
function position(anchor: HTMLElement, composer: HTMLElement, spec: ComposerMatch['spec']) {
  const toBox = (r: DOMRect): Box => ({ left: r.left, top: r.top, width: r.width, height: r.height });
  const keepClear = [composer, ...resolveSubmitButtons(composer, spec)]
    .map((el) => toBox(el.getBoundingClientRect()))
    .filter((b) => b.width > 0 && b.height > 0);
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  const width = anchor.offsetWidth || PANEL_WIDTH;
  if (keepClear.length > 0) {
    const area = union(keepClear);
    const sideways = area.left + area.width + GAP + width <= viewport.width - GAP || area.left - GAP - width >= GAP;
    const room = Math.max(
      area.top - 2 * GAP, // above
      viewport.height - (area.top + area.height) - 2 * GAP, // below
      sideways ? viewport.height - 2 * GAP : 0,
    );
    anchor.style.setProperty('--envoy-panel-max-height', `${Math.round(Math.max(room, MIN_PANEL_HEIGHT))}px`);
  }
  const { left, top } = placePanel({
    keepClear,
    panel: { width, height: anchor.offsetHeight || 120 },
    viewport,
    gap: GAP,
  });
  anchor.style.left = `${Math.round(left)}px`;
  anchor.style.top = `${Math.round(top)}px`;
}

/** "Ignore once": this occurrence (its key); "Ignore for this post": the rule, for this draft. */
function createIgnores() {
  const once = new Set<string>();
  const rules = new Set<string>();
  return {
    shown: (f: PanelFinding) => !once.has(f.key) && !rules.has(f.ruleId),
    add(finding: PanelFinding, scope: 'once' | 'post') {
      if (scope === 'once') once.add(finding.key);
      else rules.add(finding.ruleId);
    },
    /** An emptied composer (posted or cleared) starts a new post: ignores were "for this post". */
    clear() {
      once.clear();
      rules.clear();
    },
  };
}
type Ignores = ReturnType<typeof createIgnores>;

function createSessionState(spec: ComposerMatch['spec'], remembered: { collapsed: boolean; showIntro: boolean }) {
  return createStore<SessionState>()(() => ({
    text: '',
    findings: [],
    checklistPrompts: [],
    counter: { count: 0, limit: spec.limit },
    collapsed: remembered.collapsed,
    showIntro: remembered.showIntro,
    canWrite: true,
    truncated: false,
    uncheckedChars: 0,
  }));
}
type SessionStore = ReturnType<typeof createSessionState>;

/** Reads the draft and checks it; `schedule` debounces. Only the latest request's answer is shown. */
function createRechecker(
  deps: Pick<SessionDeps, 'ctx' | 'adapter' | 'match' | 'checker'>,
  id: string,
  state: SessionStore,
  ignores: Ignores,
) {
  const { ctx, adapter, checker, match } = deps;
  const { element, spec } = match;
  const editor = editorFor(spec.editor);
  // Responses can arrive out of order; only the latest request's answer is shown.
  let sequence = 0;
  const recheck = () => {
    let text: string;
    try {
      text = editor.read(element);
    } catch (error) {
      // An editor DOM we cannot read: keep the page working and the panel read-only.
      warnOnce(`read:${spec.editor}`, `[Envoy] could not read the ${spec.editor} draft: ${String(error)}`);
      state.setState({ canWrite: false });
      return;
    }
    if (text.trim() === '') ignores.clear();
    const mine = ++sequence;
    checker
      .check({ composerId: id, platform: adapter.id, counting: spec.counting, text })
      .then((result) => {
        if (mine !== sequence) return;
        state.setState({
          text,
          findings: result.findings.filter(ignores.shown),
          checklistPrompts: result.checklistPrompts,
          counter: { count: result.count, limit: spec.limit },
          truncated: result.truncated,
          uncheckedChars: result.uncheckedChars ?? 0,
        });
      })
      .catch((error: unknown) => {
        // Extension reloaded or background restarting: keep the last findings; the page is not disturbed.
        if (ctx.isValid) console.debug('[Envoy] check failed', error);
      });
  };

  let timer: number | undefined;
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(recheck, CHECK_DEBOUNCE_MS);
  };
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
  };
  return { recheck, schedule, cancel };
}

/** The panel's shadow-root UI, placed next to the composer. */
async function mountPanelUi(ctx: ContentScriptContext, adapter: PlatformAdapter, match: ComposerMatch, id: string) {
  const { element, spec } = match;
  void registerPanelKhmerFont();
  const ui: ShadowRootContentScriptUi<Root> = await createShadowRootUi(ctx, {
    name: UI_NAME,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container, _shadow, host) {
      host.setAttribute('data-platform', adapter.id);
      host.setAttribute('data-editor', spec.editor);
      host.setAttribute('data-composer-kind', spec.kind);
      host.setAttribute('data-composer-id', id);
      const anchor = document.createElement('div');
      anchor.className = 'envoy-anchor';
      container.append(anchor);
      position(anchor, element, spec);
      return createRoot(anchor);
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
  return ui;
}

/** What panel features (checklist, translation) and the panel itself act through. */
function createSessionApi(
  deps: SessionDeps,
  id: string,
  ui: ShadowRootContentScriptUi<Root>,
  state: SessionStore,
  recheck: () => void,
): SessionApi {
  const { ctx, adapter, match, settings, bridge } = deps;
  const { element, spec } = match;
  const editor = editorFor(spec.editor);
  const api: SessionApi = {
    id,
    ctx,
    adapter,
    spec,
    element,
    host: ui.shadowHost,
    settings,
    state,
    readText: () => editor.read(element),
    async replaceRange(start, end, text, original) {
      // The bridge only once its handshake succeeded (never on Firefox MV2), else writes wait for its timeout.
      const viaBridge = (await bridge.ready) ? bridge : undefined;
      const result = await editor.replace({ root: element, bridge: viaBridge, targetId: id, original }, start, end, text);
      if (!result.ok) {
        warnOnce(`write:${spec.editor}:${result.reason.split(':')[0]}`, `[Envoy] ${spec.editor} editor refused a change: ${result.reason}`);
        // A stale fix (the draft changed since the check) is not the editor's fault.
        if (!result.reason.startsWith('stale')) state.setState({ canWrite: false });
      }
      // Bridge writes fire no input event: check the new text now.
      recheck();
      return result.ok;
    },
    refresh: recheck,
  };
  return api;
}

/**
 * Follows the composer and the page: input and DOM changes schedule a check, scrolling, resizing
 * and each check's result move the panel, settings and pack changes re-check. Returns the cleanups.
 */
function watchComposer(
  deps: Pick<SessionDeps, 'match' | 'settings' | 'onGuidelinesChanged'>,
  ui: ShadowRootContentScriptUi<Root>,
  { recheck, schedule }: { recheck(): void; schedule(): void },
  state: SessionStore,
): Array<() => void> {
  const { match, settings, onGuidelinesChanged } = deps;
  const { element, spec } = match;
  const reposition = () => {
    const anchor = ui.uiContainer.querySelector<HTMLElement>('.envoy-anchor');
    if (anchor && element.isConnected) position(anchor, element, spec);
  };
  const cleanups: Array<() => void> = [];
  const on = (target: EventTarget, type: string, fn: EventListener, opts?: AddEventListenerOptions) => {
    target.addEventListener(type, fn, opts);
    cleanups.push(() => target.removeEventListener(type, fn, opts));
  };
  on(element, 'input', schedule);
  // Framework undo/redo (Lexical, Quill, TipTap handle historyUndo themselves), paste handlers and
  // programmatic edits change the draft without an input event. One observer on this composer
  // only (never the page) that merely schedules the debounced check.
  const draftObserver = new MutationObserver(schedule);
  draftObserver.observe(element, { childList: true, characterData: true, subtree: true });
  cleanups.push(() => draftObserver.disconnect());
  on(window, 'scroll', reposition, { capture: true, passive: true });
  on(window, 'resize', reposition, { passive: true });
  // A platform button may appear without anything resizing (WhatsApp shows Send only once there is
  // text): the panel is placed again after each check's result has rendered, not on every keystroke.
  let placing = false;
  cleanups.push(
    state.subscribe(() => {
      if (placing) return;
      placing = true;
      requestAnimationFrame(() => {
        placing = false;
        reposition();
      });
    }),
  );
  const resizeObserver = new ResizeObserver(reposition);
  resizeObserver.observe(element);
  // The panel's own height changes with its findings.
  const panelAnchor = ui.uiContainer.querySelector<HTMLElement>('.envoy-anchor');
  if (panelAnchor) resizeObserver.observe(panelAnchor);
  cleanups.push(() => resizeObserver.disconnect());

  const showAccount = () => ui.shadowHost.setAttribute('data-account', settings.getState().effective.accountType);
  showAccount();
  cleanups.push(
    settings.subscribe(() => {
      showAccount();
      recheck();
    }),
  );
  cleanups.push(onGuidelinesChanged(recheck));
  return cleanups;
}

/**
 * Which framework objects the MAIN-world bridge can reach on this composer
 * (none on Firefox, where there is no MAIN-world script).
 */
function probeBridge(bridge: BridgeClient, id: string, host: HTMLElement): void {
  void bridge
    .request<ProbeResult>({ op: 'probe', target: id })
    .then((probe) => {
      const apis = Object.entries(probe).filter(([, v]) => v).map(([k]) => k);
      host.setAttribute('data-bridge', apis.join(' ') || 'none');
    })
    .catch(() => host.setAttribute('data-bridge', 'unavailable'));
}

/** Starts each panel feature; one that fails to start is logged and left out. Returns their cleanups. */
function attachFeatures(features: readonly PanelFeature[], api: SessionApi): Array<() => void> {
  const cleanups: Array<() => void> = [];
  for (const feature of features) {
    try {
      const cleanup = feature.attach?.(api);
      if (cleanup) cleanups.push(cleanup);
    } catch (error) {
      console.warn(`[Envoy] panel feature "${feature.id}" failed to start`, error);
    }
  }
  return cleanups;
}

export async function startSession(deps: SessionDeps): Promise<ComposerSession> {
  const { ctx, adapter, match, bridge, features } = deps;
  const { element } = match;
  const id = newId();
  element.setAttribute(TARGET_ATTRIBUTE, id);
  const ignores = createIgnores();
  // Minimised on this site before? First run? (storage.local; a failed read shows the full panel.)
  const localArea = browserAreaStorage('local');
  const memory = panelMemoryStore(localArea);
  const hostname = location.hostname;
  const remembered = await memory.load(hostname).catch(() => ({ collapsed: false, showIntro: false }));
  const state = createSessionState(match.spec, remembered);
  const checks = createRechecker(deps, id, state, ignores);
  const ui = await mountPanelUi(ctx, adapter, match, id);
  const api = createSessionApi(deps, id, ui, state, checks.recheck);

  const ignore = (finding: PanelFinding, scope: 'once' | 'post') => {
    ignores.add(finding, scope);
    state.setState({ findings: state.getState().findings.filter(ignores.shown) });
  };
  const apply = (_finding: PanelFinding, fix: PanelFix) => {
    const original = state.getState().text.slice(fix.range.start, fix.range.end);
    void api.replaceRange(fix.range.start, fix.range.end, fix.replacement, original);
  };
  ui.mounted?.render(<SessionView api={api} features={features} memory={memory} hostname={hostname} onApply={apply} onIgnore={ignore} />);

  const cleanups = watchComposer(deps, ui, checks, state);
  // The first-run note dismissed in one composer (or tab) goes away in the others.
  cleanups.push(localArea.watch(PANEL_MEMORY_KEY, (value) => state.setState({ showIntro: !parsePanelMemory(value).introDismissed })));
  probeBridge(bridge, id, ui.shadowHost);
  cleanups.push(...attachFeatures(features, api));

  checks.recheck();

  return {
    api,
    element,
    stop() {
      checks.cancel();
      for (const cleanup of cleanups.splice(0)) {
        try {
          cleanup();
        } catch (error) {
          console.warn('[Envoy] cleanup failed', error);
        }
      }
      ui.remove();
      if (element.getAttribute(TARGET_ATTRIBUTE) === id) element.removeAttribute(TARGET_ATTRIBUTE);
    },
  };
}

function SessionView({
  api,
  features,
  memory,
  hostname,
  onApply,
  onIgnore,
}: {
  api: SessionApi;
  features: readonly PanelFeature[];
  memory: PanelMemoryStore;
  hostname: string;
  onApply(finding: PanelFinding, fix: PanelFix): void;
  onIgnore(finding: PanelFinding, scope: 'once' | 'post'): void;
}) {
  const { findings, counter, collapsed, showIntro, canWrite, truncated, uncheckedChars } = useStore(api.state);
  const uiLanguage = useStore(api.settings, (v) => v.effective.uiLanguage);
  const lang = resolveUiLanguage(uiLanguage, navigator.language);
  return (
    <EnvoyRoot lang={lang}>
      <Panel
        findings={findings}
        counter={counter}
        canFix={canWrite}
        collapsed={collapsed}
        onToggle={() => {
          // Only the user's own toggle is remembered for the site (not a feature opening the panel).
          api.state.setState({ collapsed: !collapsed });
          void memory.setCollapsed(hostname, !collapsed);
        }}
        showIntro={showIntro}
        onDismissIntro={() => {
          api.state.setState({ showIntro: false });
          void memory.dismissIntro();
        }}
        onApply={onApply}
        onIgnoreOnce={(f) => onIgnore(f, 'once')}
        onIgnorePost={(f) => onIgnore(f, 'post')}
      >
        <TruncatedNotice truncated={truncated} uncheckedChars={uncheckedChars} />
        {features.map(({ id, Section }) => (Section ? <FeatureBoundary key={id} id={id} render={() => <Section api={api} />} /> : null))}
      </Panel>
    </EnvoyRoot>
  );
}

/** A failing feature hides itself instead of taking the panel (or the page) down. */
class FeatureBoundary extends Component<{ id: string; render(): ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.warn(`[Envoy] panel feature "${this.props.id}" failed`, error);
  }
  override render() {
    return this.state.failed ? null : this.props.render();
  }
}
