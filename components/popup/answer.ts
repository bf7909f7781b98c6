import type { GuidelineResult } from '@/lib/search';
import type { UiLanguage } from '@/lib/vocabulary';

/**
 * What a lookup card leads with: the form to write (a state's or organisation's official name, a
 * dignitary's correct style, the approved term) in the UI language, and the forms to avoid
 * (former names). Guidelines have no single form to write: their message is the answer.
 */
export function cardAnswer(hit: GuidelineResult, lang: UiLanguage): { write?: string; avoid: string[]; copy: string } {
  const { entry } = hit;
  const named = entry.names?.[lang];
  let write: string | undefined;
  switch (entry.kind) {
    case 'glossary':
      write = entry.glossary?.forms[lang]?.[0] ?? named?.short ?? hit.title;
      break;
    case 'state':
    case 'organisation':
    case 'institution':
      write = named?.short ?? named?.formal ?? hit.title;
      break;
    case 'title':
      write = named?.short ?? hit.title;
      break;
    case 'guideline':
      write = undefined;
      break;
  }
  const avoid = [...new Set((entry.former ?? []).filter((f) => f.lang === lang && f.name !== write).map((f) => f.name))];
  return { write, avoid, copy: write ?? hit.title };
}
