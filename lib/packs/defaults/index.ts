/**
 * Built-in guideline packs. The JSON files are the source of truth; this index
 * only bundles them. The packs are exported as plain JSON (`unknown`) because
 * the loader validates them and runs their embedded tests before use
 * (lib/packs/validate.ts, `loadPack`). The `tables` and most `sources` of
 * `core.names` are generated (`npm run data:entities`).
 */
import security from './core.security.json';
import neutrality from './core.neutrality.json';
import capacity from './core.capacity.json';
import respect from './core.respect.json';
import names from './core.names.json';
import address from './core.address.json';
import crisis from './core.crisis.json';
import a11y from './core.a11y.json';
import engagement from './core.engagement.json';

export const DEFAULT_PACKS: unknown[] = [security, neutrality, capacity, respect, names, address, crisis, a11y, engagement];

export const DEFAULT_PACK_IDS: readonly string[] = [
  'core.security',
  'core.neutrality',
  'core.capacity',
  'core.respect',
  'core.names',
  'core.address',
  'core.crisis',
  'core.a11y',
  'core.engagement',
];
