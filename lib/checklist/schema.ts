/**
 * Checklist template schema.
 *
 * Templates are data: built in (templates.ts), editable in options and
 * overridable by organisation policy. Everything that comes from storage,
 * options or a policy file goes through `validateTemplate` /
 * `validateTemplateSet`, which return plain-language errors naming the
 * template, the item and the field.
 */
import { z } from 'zod';

import {
  ACCOUNT_TYPES,
  AUTO_CHECK_IDS,
  TRIGGER_MODES,
  type AutoSpec,
  type ChecklistItem,
  type ChecklistTemplate,
  type LocalizedText,
  type TemplateTriggers,
} from './types';

export {
  ACCOUNT_TYPES,
  AUTO_CHECK_IDS,
  TRIGGER_MODES,
  UI_LANGUAGES,
  autoSpecOf,
  localize,
  type AccountType,
  type AutoCheckId,
  type AutoSpec,
  type ChecklistItem,
  type ChecklistTemplate,
  type LocalizedText,
  type TemplateTriggers,
  type TriggerMode,
  type UiLanguage,
} from './types';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const idSchema = z.string().min(1).max(64).regex(ID_PATTERN);
const nonBlank = z.string().trim().min(1).max(500);

export const localizedTextSchema = z.strictObject({
  en: nonBlank,
  km: nonBlank,
  fr: nonBlank.optional(),
});

export const autoCheckIdSchema = z.enum(AUTO_CHECK_IDS);

export const autoSpecSchema = z.union([
  autoCheckIdSchema,
  z.strictObject({
    id: autoCheckIdSchema,
    params: z.record(z.string(), z.unknown()).optional(),
  }),
]);

export const checklistItemSchema = z.strictObject({
  id: idSchema,
  text: localizedTextSchema,
  required: z.boolean(),
  auto: autoSpecSchema.optional(),
});

export const triggersSchema = z.strictObject({
  /** en/km/fr words; Latin matched case-insensitively on word boundaries, Khmer as substrings. */
  terms: z.array(z.string().trim().min(1).max(100)).max(200),
  modes: z.array(z.enum(TRIGGER_MODES)).optional(),
  accountType: z.enum(ACCOUNT_TYPES).optional(),
  replyContext: z.boolean().optional(),
});

export const checklistTemplateSchema = z
  .strictObject({
    id: idSchema,
    title: localizedTextSchema,
    items: z.array(checklistItemSchema).min(1).max(20),
    triggers: triggersSchema.optional(),
    priority: z.number().int().min(-1000).max(1000),
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    template.items.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'id'],
          message: `duplicate-item:${item.id}`,
        });
      }
      seen.add(item.id);
    });
  });

export const checklistTemplateSetSchema = z
  .array(checklistTemplateSchema)
  .min(1)
  .superRefine((templates, ctx) => {
    const seen = new Set<string>();
    templates.forEach((template, index) => {
      if (seen.has(template.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate-template:${template.id}` });
      }
      seen.add(template.id);
    });
  });

// The hand-written types in types.ts and the schemas describe the same shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapesAgree: [
  Same<z.infer<typeof localizedTextSchema>, LocalizedText>,
  Same<z.infer<typeof autoSpecSchema>, AutoSpec>,
  Same<z.infer<typeof checklistItemSchema>, ChecklistItem>,
  Same<z.infer<typeof triggersSchema>, TemplateTriggers>,
  Same<z.infer<typeof checklistTemplateSchema>, ChecklistTemplate>,
] = [true, true, true, true, true];
void shapesAgree;

// ---------------------------------------------------------------------------
// Validation with plain-language errors
// ---------------------------------------------------------------------------

export interface TemplateValidationError {
  /** The template's id when it could be read, otherwise undefined. */
  readonly templateId?: string;
  /** Position of the template in a set (0-based), when validating a set. */
  readonly templateIndex?: number;
  /** The item's id when the problem is inside an item and the id could be read. */
  readonly itemId?: string;
  /** Position of the item (0-based), when the problem is inside an item. */
  readonly itemIndex?: number;
  /** Dotted path of the field inside the template or item, e.g. "text.km". */
  readonly field: string;
  /** A sentence for people editing templates, naming template, item and field. */
  readonly message: string;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly TemplateValidationError[] };

const FIELD_LABELS: Record<string, string> = {
  id: 'id',
  title: 'title',
  'title.en': 'English title',
  'title.km': 'Khmer title',
  'title.fr': 'French title',
  items: 'list of items',
  text: 'text',
  'text.en': 'English text',
  'text.km': 'Khmer text',
  'text.fr': 'French text',
  required: '"required" setting',
  auto: 'automatic check',
  'auto.id': 'automatic check',
  'auto.params': 'automatic check parameters',
  triggers: 'triggers',
  'triggers.terms': 'trigger words',
  'triggers.modes': 'trigger modes',
  'triggers.accountType': 'trigger account type',
  'triggers.replyContext': 'trigger reply setting',
  priority: 'priority',
};

function labelFor(field: string): string {
  if (field === '') return 'template';
  const generic = field.replace(/\.\d+(?=\.|$)/g, '');
  const label = FIELD_LABELS[generic] ?? `field "${field}"`;
  const index = /^triggers\.(terms|modes)\.(\d+)$/.exec(field);
  if (index) return `${label} (entry ${Number(index[2]) + 1})`;
  return label;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function readId(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object') {
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string' && id.trim() !== '') return id;
  }
  return undefined;
}

function problemFor(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is missing';
      return `should be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}`;
    case 'too_small':
      if (issue.origin === 'string') return 'is empty';
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `is too long (at most ${String(issue.maximum)} characters)`;
      if (issue.origin === 'array') return `has too many entries (at most ${String(issue.maximum)})`;
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return 'must use only lower-case letters, digits and single hyphens (for example "official-visit")';
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => `"${String(v)}"`).join(', ')}`;
    case 'invalid_union':
      return `is not a known automatic check (use one of: ${AUTO_CHECK_IDS.join(', ')})`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return issue.message;
  }
}

function toPlainErrors(issues: readonly z.core.$ZodIssue[], input: unknown, isSet: boolean): TemplateValidationError[] {
  const errors: TemplateValidationError[] = [];
  for (const issue of issues) {
    const path = [...issue.path];
    let templateIndex: number | undefined;
    let templateValue: unknown = input;
    if (isSet) {
      if (typeof path[0] === 'number') {
        templateIndex = path.shift() as number;
        templateValue = valueAt(input, [templateIndex]);
      } else {
        // Issue on the set itself (e.g. empty set or not an array).
        const problem = Array.isArray(input) ? 'needs at least one template' : 'should be a list of templates';
        errors.push({ field: '', message: `The template list ${problem}.` });
        continue;
      }
    }
    const templateId = readId(templateValue);
    let itemIndex: number | undefined;
    let itemId: string | undefined;
    if (path[0] === 'items' && typeof path[1] === 'number') {
      itemIndex = path[1];
      itemId = readId(valueAt(templateValue, ['items', itemIndex]));
      path.splice(0, 2);
    }
    const field = path.map(String).join('.');
    const value = valueAt(templateValue, itemIndex === undefined ? path : ['items', itemIndex, ...path]);

    const templateName =
      templateId !== undefined
        ? `Template "${templateId}"`
        : templateIndex !== undefined
          ? `Template #${templateIndex + 1}`
          : 'Template';
    const itemName =
      itemIndex === undefined ? '' : itemId !== undefined ? `, item "${itemId}"` : `, item #${itemIndex + 1}`;

    let message: string;
    if (issue.code === 'custom' && issue.message.startsWith('duplicate-item:')) {
      message = `${templateName}${itemName}: another item in this template already uses the id "${itemId ?? ''}"; item ids must be unique.`;
    } else if (issue.code === 'custom' && issue.message.startsWith('duplicate-template:')) {
      message = `${templateName}: another template already uses this id; template ids must be unique.`;
    } else if (issue.code === 'unrecognized_keys') {
      const where = itemName === '' && field === '' ? '' : ` ${labelFor(field)}`;
      message = `${templateName}${itemName}:${where === ' template' ? '' : where} ${problemFor(issue, value)}.`;
    } else {
      message = `${templateName}${itemName}: the ${labelFor(field)} ${problemFor(issue, value)}.`;
    }
    errors.push({
      ...(templateId !== undefined ? { templateId } : {}),
      ...(templateIndex !== undefined ? { templateIndex } : {}),
      ...(itemId !== undefined ? { itemId } : {}),
      ...(itemIndex !== undefined ? { itemIndex } : {}),
      field,
      message: message.replace(/\s+/g, ' ').replace(' :', ':'),
    });
  }
  return errors;
}

/**
 * Duplicate ids found directly on the raw input. Zod skips refinements while
 * other fields are invalid; checking the raw input reports duplicates in the
 * same pass as every other problem.
 */
function duplicateIssues(input: unknown, isSet: boolean): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  const templates = isSet ? (Array.isArray(input) ? input : []) : [input];
  const templateIds = new Set<string>();
  templates.forEach((template, templateIndex) => {
    const prefix = isSet ? [templateIndex] : [];
    const id = readId(template);
    if (id !== undefined) {
      if (isSet && templateIds.has(id)) {
        issues.push({ code: 'custom', input: id, path: [...prefix, 'id'], message: `duplicate-template:${id}` } as z.core.$ZodIssue);
      }
      templateIds.add(id);
    }
    const items = valueAt(template, ['items']);
    if (!Array.isArray(items)) return;
    const itemIds = new Set<string>();
    items.forEach((item, itemIndex) => {
      const itemId = readId(item);
      if (itemId === undefined) return;
      if (itemIds.has(itemId)) {
        issues.push({
          code: 'custom',
          input: itemId,
          path: [...prefix, 'items', itemIndex, 'id'],
          message: `duplicate-item:${itemId}`,
        } as z.core.$ZodIssue);
      }
      itemIds.add(itemId);
    });
  });
  return issues;
}

function allIssues(zodIssues: readonly z.core.$ZodIssue[], input: unknown, isSet: boolean): z.core.$ZodIssue[] {
  const isDuplicate = (i: z.core.$ZodIssue): boolean =>
    i.code === 'custom' && /^duplicate-(item|template):/.test(i.message);
  return [...zodIssues.filter((i) => !isDuplicate(i)), ...duplicateIssues(input, isSet)];
}

/** Validates one template (e.g. edited in options). */
export function validateTemplate(input: unknown): ValidationResult<ChecklistTemplate> {
  const parsed = checklistTemplateSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: toPlainErrors(allIssues(parsed.error.issues, input, false), input, false) };
}

/** Validates a list of templates (options, organisation policy); template ids must be unique. */
export function validateTemplateSet(input: unknown): ValidationResult<ChecklistTemplate[]> {
  const parsed = checklistTemplateSetSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: toPlainErrors(allIssues(parsed.error.issues, input, true), input, true) };
}
