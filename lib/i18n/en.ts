/**
 * English UI strings: the reference catalogue. km.ts and fr.ts must define
 * every key (a unit test checks it). Placeholders are named, {like_this}, so
 * translators can move them: never build sentences by concatenation.
 */
export const en = {
  'app.name': 'Envoy',
  'app.tagline': 'Writing assistant for diplomats',
  'common.on': 'On',
  'common.off': 'Off',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.lockedByOrg': 'Set by your organisation',
  'common.loading': 'Loading…',
  'severity.error': 'Must fix',
  'severity.warning': 'Check',
  'severity.suggestion': 'Suggestion',
  'findings.count': { zero: 'No issues', one: '{count} issue', other: '{count} issues' },
  'popup.title': 'Envoy',
  'popup.searchLabel': 'Search guidelines',
  'popup.searchPlaceholder': 'Titles, names, markings…',
  'popup.noResults': 'No guideline matches “{query}”.',
  'popup.statusUnsupported': 'Envoy does not run on this page.',
  'popup.statusPlatform': 'Platform: {platform}',
  'popup.siteSwitch': 'Envoy on this site',
  'popup.openStudio': 'Open compose studio',
  'popup.openOptions': 'Settings',
  'popup.accountType': 'Account',
  'account.official': 'Official account',
  'account.personal': 'Personal account',
  'mode.heading': 'Modes',
  'mode.crisis': 'Crisis',
  'mode.mourning': 'National mourning',
  'mode.election': 'Election period',
  'options.title': 'Envoy settings',
  'options.language': 'Interface language',
  'options.language.auto': 'Same as the browser',
  'options.platforms': 'Platforms',
  'options.packs': 'Guideline packs',
  'options.importPack': 'Import guideline pack',
  'options.checklist': 'Checklist',
  'options.checklistMode': 'Before posting',
  'checklistMode.off': 'Off',
  'checklistMode.remind': 'Remind me',
  'checklistMode.hold': 'Hold the post until required items are ticked',
  'options.translation': 'Translation',
  'options.allowCloud': 'Allow cloud translation services',
  'options.privacy': 'Privacy',
  'options.policyNotice': 'Some organisation settings were ignored:',
  'studio.title': 'Compose studio',
  'studio.draftLabel': 'Draft',
  'studio.copyFor': 'Copy for {platform}',
  'studio.copied': 'Copied for {platform}.',
  'panel.label': 'Envoy findings',
  'panel.clean': 'No issues found.',
  'panel.why': 'Why?',
  'panel.sources': 'Sources',
  'panel.ignoreOnce': 'Ignore once',
  'panel.ignorePost': 'Ignore for this post',
  'panel.apply': 'Apply “{replacement}”',
  'panel.remove': 'Apply: remove “{match}”',
  'panel.readOnly': 'Fixes are unavailable in this editor; findings are shown read-only.',
  'counter.label': '{count} of {limit}',
  'counter.over': '{count} over the limit',
} as const;

export type MessageKey = keyof typeof en;
/** Plural messages pick a form with Intl.PluralRules; `zero` is used for 0 when present. */
export interface PluralForms {
  zero?: string;
  one?: string;
  few?: string;
  many?: string;
  other: string;
}
export type Catalogue = Record<MessageKey, string | PluralForms>;
