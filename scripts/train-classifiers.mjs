// `npm run train:classifiers`: retrains every model of the default packs (scripts/train-classifier.ts),
// each from its own data folders (data/README.md), and writes it into its rule.
import { execFileSync } from 'node:child_process';

const MODELS = [
  ['lib/packs/defaults/core.engagement.json', 'engagement.tone-model', 'data/official-texts', 'data/engagement-tone'],
  // Official texts are what an official account should post; a personal account speaking like them is the problem.
  ['lib/packs/defaults/core.capacity.json', 'capacity.official-account-model', 'data/official-texts', 'data/capacity-official'],
  ['lib/packs/defaults/core.capacity.json', 'capacity.personal-account-model', 'data/capacity-personal'],
  // Personal data and institutional contacts share their shape (numbers, names): a stricter threshold.
  ['lib/packs/defaults/core.security.json', 'privacy.personal-data-model', '--false-alarms', '0.0015', 'data/official-texts', 'data/privacy'],
];
for (const [pack, rule, ...dirs] of MODELS) {
  execFileSync('npx', ['tsx', 'scripts/train-classifier.ts', pack, rule, ...dirs], { stdio: 'inherit' });
}
