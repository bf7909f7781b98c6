/**
 * Template selection.
 *
 * Rules, in order:
 * 1. A manual choice (the user switched template by hand) wins and sticks
 *    until the user resets it, as long as that template still exists.
 * 2. Otherwise every template whose triggers match is a candidate; a
 *    template matches when ANY of its triggers matches:
 *      - an engine checklist prompt names it,
 *      - one of its modes is active in settings (crisis / mourning / election),
 *      - the draft is a reply and it has `replyContext: true`,
 *      - the account type equals its `accountType`,
 *      - one of its terms occurs in the draft (see text.ts for matching).
 *    The candidate with the highest priority wins; ties go to the smaller id
 *    (plain string order), so the result never depends on input order.
 * 3. With no candidate: the default template (`standard`), else the first
 *    template without triggers in that same order, else the first template.
 *
 * The result carries the reason for display.
 */
import type { AccountType, ChecklistTemplate, TriggerMode } from './types';
import { DEFAULT_TEMPLATE_ID } from './templates';
import { prepareText, termMatches, type PreparedText } from './text';
import type { UiLanguage } from '@/lib/vocabulary';

/** The minimum the checklist needs from an engine checklist prompt. */
export interface ChecklistPromptLike {
  readonly ruleId: string;
  /** Id of a template the rule asks for (e.g. the engine detected a condolence). */
  readonly template?: string;
}

export interface SelectionContext {
  /** The draft's plain text. */
  readonly text: string;
  /** Modes active in settings / organisation policy. */
  readonly modes?: readonly TriggerMode[];
  readonly accountType?: AccountType;
  /** True when the composer is a reply to another post. */
  readonly isReply?: boolean;
  /** The engine's checklist prompts for this draft. */
  readonly prompts?: readonly ChecklistPromptLike[];
  /** The template the user picked by hand for this draft, if any. */
  readonly manualTemplateId?: string;
  /** Fallback template id (default 'standard'). */
  readonly defaultTemplateId?: string;
}

export type SelectionReason =
  | { readonly kind: 'manual' }
  | { readonly kind: 'prompt'; readonly ruleId: string }
  | { readonly kind: 'mode'; readonly mode: TriggerMode }
  | { readonly kind: 'reply' }
  | { readonly kind: 'account-type'; readonly accountType: AccountType }
  | { readonly kind: 'term'; readonly term: string }
  | { readonly kind: 'default' };

export interface TemplateSelection {
  readonly template: ChecklistTemplate;
  /** Why this template was chosen (the first of `matched`, or manual/default). */
  readonly reason: SelectionReason;
  /** Every trigger of the chosen template that matched (empty for manual/default). */
  readonly matched: readonly SelectionReason[];
  /** Set when a manual choice names a template that no longer exists (it was ignored). */
  readonly missingManualTemplateId?: string;
}

/** Templates in selection order: priority descending, then id ascending. */
export function orderTemplates(templates: readonly ChecklistTemplate[]): ChecklistTemplate[] {
  return [...templates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The triggers of `template` that match the context, in display order:
 * prompt, mode, reply, account type, terms (in the template's term order).
 */
export function matchTriggers(
  template: ChecklistTemplate,
  ctx: SelectionContext,
  prepared: PreparedText = prepareText(ctx.text),
): SelectionReason[] {
  const reasons: SelectionReason[] = [];
  for (const prompt of ctx.prompts ?? []) {
    if (prompt.template === template.id) reasons.push({ kind: 'prompt', ruleId: prompt.ruleId });
  }
  const triggers = template.triggers;
  if (triggers === undefined) return reasons;
  for (const mode of triggers.modes ?? []) {
    if (ctx.modes?.includes(mode)) reasons.push({ kind: 'mode', mode });
  }
  if (triggers.replyContext === true && ctx.isReply === true) reasons.push({ kind: 'reply' });
  if (triggers.accountType !== undefined && triggers.accountType === ctx.accountType) {
    reasons.push({ kind: 'account-type', accountType: triggers.accountType });
  }
  for (const term of triggers.terms) {
    if (termMatches(prepared, term)) reasons.push({ kind: 'term', term });
  }
  return reasons;
}

function hasTriggers(template: ChecklistTemplate): boolean {
  const t = template.triggers;
  if (t === undefined) return false;
  return t.terms.length > 0 || (t.modes?.length ?? 0) > 0 || t.accountType !== undefined || t.replyContext === true;
}

/** Chooses the template for a draft. Throws if `templates` is empty (a validated set never is). */
export function selectTemplate(templates: readonly ChecklistTemplate[], ctx: SelectionContext): TemplateSelection {
  if (templates.length === 0) throw new Error('selectTemplate: no checklist templates');
  const ordered = orderTemplates(templates);

  let missingManualTemplateId: string | undefined;
  if (ctx.manualTemplateId !== undefined) {
    const manual = ordered.find((t) => t.id === ctx.manualTemplateId);
    if (manual !== undefined) return { template: manual, reason: { kind: 'manual' }, matched: [] };
    missingManualTemplateId = ctx.manualTemplateId;
  }
  const extra = missingManualTemplateId === undefined ? {} : { missingManualTemplateId };

  const prepared = prepareText(ctx.text);
  for (const template of ordered) {
    const matched = matchTriggers(template, ctx, prepared);
    const first = matched[0];
    if (first !== undefined) return { template, reason: first, matched, ...extra };
  }

  const defaultId = ctx.defaultTemplateId ?? DEFAULT_TEMPLATE_ID;
  const fallback =
    ordered.find((t) => t.id === defaultId) ?? ordered.find((t) => !hasTriggers(t)) ?? (ordered[0] as ChecklistTemplate);
  return { template: fallback, reason: { kind: 'default' }, matched: [], ...extra };
}

const REASON_TEXT = {
  manual: { en: 'Chosen by you', km: 'ជ្រើសរើសដោយអ្នក', fr: 'Choisi par vous' },
  prompt: { en: 'Suggested by the guideline check', km: 'ស្នើដោយការត្រួតពិនិត្យតាមគោលការណ៍ណែនាំ', fr: 'Proposé par la vérification des lignes directrices' },
  mode: {
    crisis: { en: 'Crisis mode is on', km: 'របៀបវិបត្តិកំពុងបើក', fr: 'Le mode crise est activé' },
    mourning: { en: 'Mourning mode is on', km: 'របៀបកាន់ទុក្ខកំពុងបើក', fr: 'Le mode deuil est activé' },
    election: { en: 'Election mode is on', km: 'របៀបបោះឆ្នោតកំពុងបើក', fr: 'Le mode élections est activé' },
  },
  reply: { en: 'This is a reply', km: 'នេះជាការឆ្លើយតប', fr: 'Il s’agit d’une réponse' },
  account: { en: 'Personal account', km: 'គណនីផ្ទាល់ខ្លួន', fr: 'Compte personnel' },
  officialAccount: { en: 'Official account', km: 'គណនីផ្លូវការ', fr: 'Compte officiel' },
  term: { en: 'The draft contains', km: 'សេចក្ដីព្រាងមានពាក្យ', fr: 'Le brouillon contient' },
  default: { en: 'Default template', km: 'គំរូលំនាំដើម', fr: 'Modèle par défaut' },
} as const;

/** A short sentence explaining the reason, for the overlay. */
export function describeReason(reason: SelectionReason, lang: UiLanguage): string {
  switch (reason.kind) {
    case 'manual':
      return REASON_TEXT.manual[lang];
    case 'prompt':
      return REASON_TEXT.prompt[lang];
    case 'mode':
      return REASON_TEXT.mode[reason.mode][lang];
    case 'reply':
      return REASON_TEXT.reply[lang];
    case 'account-type':
      return (reason.accountType === 'personal' ? REASON_TEXT.account : REASON_TEXT.officialAccount)[lang];
    case 'term':
      return `${REASON_TEXT.term[lang]} “${reason.term}”`;
    case 'default':
      return REASON_TEXT.default[lang];
  }
}
