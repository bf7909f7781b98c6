/** Rule type → compiler. One module per type. */
import type { RuleType } from '@/lib/packs/schema';
import type { RuleCompiler } from '../internal';
import { compileTerm } from './term';
import { compileSubstitute } from './substitute';
import { compileConsistency } from './consistency';
import { compileConditional } from './conditional';
import { compileCount } from './count';
import { compilePattern } from './pattern';
import { compileHashtag } from './hashtag';
import { compileAddressForm } from './address-form';
import { compileChecklist } from './checklist';
import { compileOfficialName } from './official-name';

export const RULE_COMPILERS: { [T in RuleType]: RuleCompiler<T> } = {
  term: compileTerm,
  substitute: compileSubstitute,
  consistency: compileConsistency,
  conditional: compileConditional,
  count: compileCount,
  pattern: compilePattern,
  hashtag: compileHashtag,
  'address-form': compileAddressForm,
  checklist: compileChecklist,
  'official-name': compileOfficialName,
};
