/**
 * Where the checklist keeps its data (no imports: the content script uses
 * these names without pulling in the validation code).
 *
 * - storage.local `checklistOverrideLog`: the override log, an array of
 *   OverrideLogEntry (oldest first, capped). Never sent anywhere.
 * - storage.local `checklistTemplates`: the user's edited templates (only the
 *   ones that differ from the built-in set), merged over BUILT_IN_TEMPLATES.
 * - storage.session (storage.local where there is no session area)
 *   `checklistDraft:<tabId>:<composerKey>`: one draft's ticks, written by the
 *   background for the sending tab; removed after a successful post or when
 *   the tab closes.
 */
export const CHECKLIST_OVERRIDE_LOG_KEY = 'checklistOverrideLog';
export const CHECKLIST_TEMPLATES_KEY = 'checklistTemplates';
export const CHECKLIST_DRAFT_KEY_PREFIX = 'checklistDraft:';
