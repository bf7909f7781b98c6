/**
 * Orchestrator: translate a draft (or a selection of it) with the configured providers in order,
 * keeping protected spans verbatim, forcing and checking glossary terms, and composing
 * bilingual posts.
 */
import { detectLanguage, type BrowserLanguageDetector, type Detection } from './detect';
import { checkGlossary, glossarySpans, type Glossary, type GlossaryIssue } from './glossary';
import { sameLanguage } from './languages';
import { findProtectedSpans, mask, restore, translateAroundSpans, type ProtectedSpan } from './protect';
import { TranslationError, isTranslationError, type LanguagePair, type TranslationErrorKind, type TranslationProvider } from './types';
import { splitOuterWhitespace, trailingWhitespace } from './whitespace';
import { yieldToEventLoop } from './yield';

export type WarningCode =
  | 'cloud-skipped'
  | 'cloud-declined'
  | 'unsupported-skipped'
  | 'provider-failed'
  | 'download-required'
  | 'spans-fallback'
  | 'detection-unreliable'
  | 'same-language'
  | 'unreviewed-terms'
  | 'empty';

/** Warnings never contain draft text (only provider names, language codes, error kinds). */
export interface TranslationWarning {
  code: WarningCode;
  message: string;
  providerId?: string;
  kind?: TranslationErrorKind;
}

export interface TranslateDraftInput {
  /** The whole draft. */
  text: string;
  /** Translate only this range of `text` (UTF-16 offsets). */
  selection?: { start: number; end: number };
  /** Source language; detected when omitted. */
  from?: string;
  to: string;
  /** Enabled providers, in the configured order. */
  providers: readonly TranslationProvider[];
  /** `allowCloudTranslation` policy / setting. Cloud providers are skipped unless this is true. */
  allowCloud: boolean;
  glossary?: Glossary;
  /** Force only reviewed glossary terms. */
  reviewedTermsOnly?: boolean;
  /** Names kept verbatim. */
  entities?: readonly string[];
  /** Keep hashtags verbatim (default true). */
  keepHashtags?: boolean;
  /** For detection. */
  userLanguages?: readonly string[];
  browserDetector?: BrowserLanguageDetector;
  /**
   * Asked right before text is sent to a cloud provider (after the UI showed the destination);
   * return false to skip that provider.
   */
  confirmCloud?: (p: { providerId: string; label: string; destination: string }) => boolean | Promise<boolean>;
  signal?: AbortSignal;
}

export interface TranslateDraftResult {
  /** The translation of the selection (or of the whole draft). */
  text: string;
  /** Range of the draft that was translated. */
  range: { start: number; end: number };
  from: string;
  to: string;
  providerId: string;
  providerLabel: string;
  /** Host the text was sent to. */
  destination: string;
  isCloud: boolean;
  /** How spans were protected: placeholders, markup, or piece-wise fallback. */
  method: 'none' | 'placeholder' | 'markup' | 'pieces';
  glossaryIssues: GlossaryIssue[];
  warnings: TranslationWarning[];
  detection?: Detection;
  spans: ProtectedSpan[];
}

/** Thrown when no provider could translate; carries the per-provider warnings. */
export class TranslationFailure extends TranslationError {
  readonly warnings: TranslationWarning[];
  constructor(kind: TranslationErrorKind, message: string, warnings: TranslationWarning[]) {
    super(kind, { message });
    this.name = 'TranslationFailure';
    this.warnings = warnings;
  }
}

export { planTranslation, type RouteStep } from './plan';

/** Runs one provider with span protection, falling back to piece-wise translation when spans break. */
async function runProvider(
  p: TranslationProvider,
  text: string,
  spans: ProtectedSpan[],
  pair: LanguagePair,
  signal: AbortSignal | undefined,
  warnings: TranslationWarning[],
): Promise<{ text: string; method: TranslateDraftResult['method'] }> {
  const req = (t: string, format: 'text' | 'html') => ({ text: t, from: pair.from, to: pair.to, format, ...(signal ? { signal } : {}) });
  if (spans.length === 0) return { text: await p.translate(req(text, 'text')), method: 'none' };
  const masked = mask(text, spans, p.markup);
  await yieldToEventLoop();
  const out = await p.translate(req(masked.masked, p.markup ? 'html' : 'text'));
  await yieldToEventLoop();
  const r = restore(out, masked);
  if (r.ok) return { text: r.text, method: p.markup ? 'markup' : 'placeholder' };
  warnings.push({
    code: 'spans-fallback',
    providerId: p.id,
    message: `${p.label} dropped or duplicated ${r.missing.length + r.duplicated.length + r.unexpected.length} protected item(s); translated the text between them separately.`,
  });
  const pieces = await translateAroundSpans(text, spans, (piece) => p.translate(req(piece, 'text')));
  return { text: pieces, method: 'pieces' };
}

/** Term id → reviewed, so checking every forced span is linear. */
function reviewedById(glossary: Glossary | undefined): Map<string, boolean> {
  const byId = new Map<string, boolean>();
  for (const t of glossary?.terms ?? []) if (!byId.has(t.id)) byId.set(t.id, t.reviewed); // first wins, as find() did
  return byId;
}

export async function translateDraft(input: TranslateDraftInput): Promise<TranslateDraftResult> {
  const warnings: TranslationWarning[] = [];
  const sel = input.selection;
  const start = sel ? Math.max(0, Math.min(sel.start, sel.end, input.text.length)) : 0;
  const end = sel ? Math.min(input.text.length, Math.max(sel.start, sel.end)) : input.text.length;
  const segment = input.text.slice(start, end);
  const { lead, core, trail } = splitOuterWhitespace(segment);

  let detection: Detection | undefined;
  let from = input.from;
  if (!from) {
    detection = await detectLanguage(core, {
      ...(input.userLanguages ? { userLanguages: input.userLanguages } : {}),
      ...(input.browserDetector ? { browser: input.browserDetector } : {}),
    });
    if (!detection.lang) {
      throw new TranslationFailure('unsupported-pair', 'The language of the text could not be detected; please choose it.', warnings);
    }
    from = detection.lang;
    if (!detection.reliable) {
      warnings.push({ code: 'detection-unreliable', message: `Source language guessed as "${from}"; please check it.` });
    }
  }
  const pair = { from, to: input.to };
  const base = { range: { start, end }, from, to: input.to, ...(detection ? { detection } : {}) };

  if (!/[\p{L}\p{N}]/u.test(core)) {
    warnings.push({ code: 'empty', message: 'Nothing to translate.' });
    return { ...base, text: segment, providerId: '', providerLabel: '', destination: '', isCloud: false, method: 'none', glossaryIssues: [], warnings, spans: [] };
  }
  if (sameLanguage(from, input.to)) {
    warnings.push({ code: 'same-language', message: 'The text is already in the target language.' });
    return { ...base, text: segment, providerId: '', providerLabel: '', destination: '', isCloud: false, method: 'none', glossaryIssues: [], warnings, spans: [] };
  }

  // Between steps the background lets other messages run (issue 13: ≤ ~100 ms per stretch).
  await yieldToEventLoop();
  const extra = input.glossary ? glossarySpans(core, input.glossary, from, input.to, { reviewedOnly: input.reviewedTermsOnly ?? false }) : [];
  await yieldToEventLoop();
  const spans = findProtectedSpans(core, {
    extra,
    to: input.to,
    ...(input.entities ? { entities: input.entities } : {}),
    ...(input.keepHashtags === false ? { kinds: { hashtag: false } } : {}),
  });
  const reviewed = reviewedById(input.glossary);
  const unreviewedForced = spans.some((s) => s.kind === 'glossary' && reviewed.get(s.termId ?? '') === false);

  let lastError: TranslationError | undefined;
  let tried = 0;
  for (const p of input.providers) {
    if (input.signal?.aborted) throw new TranslationError('cancelled');
    if (p.isCloud && !input.allowCloud) {
      warnings.push({ code: 'cloud-skipped', providerId: p.id, message: `${p.label} skipped: cloud translation is not allowed.` });
      continue;
    }
    let supported: boolean | 'unknown';
    try {
      supported = await p.supports(pair);
    } catch {
      supported = 'unknown';
    }
    if (supported === false) {
      warnings.push({ code: 'unsupported-skipped', providerId: p.id, message: `${p.label} does not support ${from} → ${input.to}.` });
      continue;
    }
    if (p.isCloud && input.confirmCloud) {
      const ok = await input.confirmCloud({ providerId: p.id, label: p.label, destination: p.destination() });
      if (!ok) {
        warnings.push({ code: 'cloud-declined', providerId: p.id, message: `${p.label} skipped: not confirmed.` });
        continue;
      }
    }
    tried++;
    try {
      const out = await runProvider(p, core, spans, pair, input.signal, warnings);
      await yieldToEventLoop();
      const translated = lead + out.text.trim() + trail;
      const glossaryIssues = input.glossary ? checkGlossary(core, out.text, from, input.to, input.glossary) : [];
      if (glossaryIssues.some((i) => !i.reviewed) || unreviewedForced) {
        warnings.push({ code: 'unreviewed-terms', message: 'Some glossary terms used are not yet reviewed by the ministry.' });
      }
      return {
        ...base,
        text: translated,
        providerId: p.id,
        providerLabel: p.label,
        destination: p.destination(),
        isCloud: p.isCloud,
        method: out.method,
        glossaryIssues,
        warnings,
        spans,
      };
    } catch (e) {
      const err = isTranslationError(e) ? e : new TranslationError('bad-response', { providerId: p.id, providerLabel: p.label });
      if (err.kind === 'cancelled') throw err;
      lastError = err;
      warnings.push({
        code: err.code === 'download-required' ? 'download-required' : 'provider-failed',
        providerId: p.id,
        kind: err.kind,
        message: err.message,
      });
    }
  }

  if (tried === 0) {
    const cloudBlocked = warnings.some((w) => w.code === 'cloud-skipped' || w.code === 'cloud-declined');
    throw new TranslationFailure(
      cloudBlocked ? 'not-allowed' : 'unsupported-pair',
      cloudBlocked
        ? `No allowed translation service supports ${from} → ${input.to}. A cloud service would be needed.`
        : `No configured translation service supports ${from} → ${input.to}.`,
      warnings,
    );
  }
  throw new TranslationFailure(lastError?.kind ?? 'unreachable', lastError?.message ?? 'Translation failed.', warnings);
}

// ---------------------------------------------------------------------------------------------
// Bilingual posts

export interface ComposeOptions {
  /** `below`: keep the original and write the translation under it; `replace`: swap it. */
  mode: 'below' | 'replace';
  /** Between original and translation in `below` mode. Default: a blank line. */
  separator?: string;
}

export const DEFAULT_SEPARATOR = '\n\n';

/** Writes a translation into the draft for a translated range (whole draft or a selection). */
export function applyTranslation(draft: string, range: { start: number; end: number }, translation: string, opts: ComposeOptions): string {
  const before = draft.slice(0, range.start);
  const original = draft.slice(range.start, range.end);
  const after = draft.slice(range.end);
  if (opts.mode === 'replace') return before + translation + after;
  const sep = opts.separator ?? DEFAULT_SEPARATOR;
  const trailing = trailingWhitespace(original);
  return before + original.slice(0, original.length - trailing.length) + sep + translation.trim() + trailing + after;
}

/** Bilingual post: original then translation ("Insert below"), or the translation alone ("Replace draft"). */
export function composeBilingual(original: string, translation: string, opts: ComposeOptions): string {
  return applyTranslation(original, { start: 0, end: original.length }, translation, opts);
}
