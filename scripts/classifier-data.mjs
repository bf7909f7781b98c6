// Builds the official-text negatives of the classifiers' training data (data/official-texts/
// official-*.jsonl) from local snapshots of public collections: formal statements, government
// information and news in English, French and Khmer, which the tone model and the official-account
// model must leave alone.
// Run once by a maintainer: `node scripts/classifier-data.mjs <mirror-root> <kh_data_1000 dir>`,
// where <mirror-root> holds bare git clones named owner+repo/repo and the second argument is the
// unzipped data/kh_data_1000.zip of phylypo/segmentation-crf-khmer.
//
// The same collections give the evaluation's real texts (scripts/eval-extract.mjs), so this script
// takes other passages (other UN sessions, longer or linked paragraphs, other news articles) and
// drops every passage that shares a sentence with tests/eval/real.jsonl: the evaluation is never
// trained on. Deterministic (sorted files, fixed strides).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? '/work/.mirror';
const khDir = process.argv[3] ?? '/tmp/kmdata/kh_data_1000';
const git = (repo, ...args) => execFileSync('git', ['-C', join(root, repo, 'repo'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const show = (repo, path) => git(repo, 'show', `HEAD:${path}`);
const squash = (s) => s.replace(/\s+/g, ' ').trim();

// Every eval sentence (split at sentence ends), to keep eval passages out.
const evalSentences = new Set();
for (const line of readFileSync(new URL('../tests/eval/real.jsonl', import.meta.url), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  for (const s of JSON.parse(line).text.split(/(?<=[.!?។])\s+/)) if (s.length >= 30) evalSentences.add(squash(s));
}
const inEval = (text) => text.split(/(?<=[.!?។])\s+/).some((s) => evalSentences.has(squash(s)));

/** Post-sized pieces of a long paragraph: whole sentences up to `max` characters. */
function pieces(text, max) {
  const out = [];
  let cur = '';
  for (const s of text.split(/(?<=[.!?។])\s+/)) {
    if (cur && (cur + ' ' + s).length > max) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur} ${s}` : s;
  }
  if (cur) out.push(cur);
  return out;
}

const files = { en: [], fr: [], km: [] };
const seen = new Set();
function add(lang, text, source, licence) {
  text = squash(text);
  if (text.length < 60 || seen.has(text) || inEval(text)) return;
  seen.add(text);
  files[lang].push({ lang, label: 0, text, source, licence });
}

// English: UN General Debate Corpus, sessions 70–74 (the evaluation uses 75–77): two paragraphs
// from every third speech.
{
  const repo = 'jradius+un-general-debates';
  const list = git(repo, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter((f) => /Session 7[0-4] - \d{4}\/[A-Z]{2,3}_\d+_\d{4}\.txt$/.test(f)).sort();
  for (let i = 0; i < list.length; i += 3) {
    const paras = show(repo, list[i]).split(/\n+/).map(squash).filter((p) => p.length >= 120);
    for (const p of [paras[Math.floor(paras.length / 4)], paras[Math.floor(paras.length / 2)]]) if (p) for (const piece of pieces(p, 600).slice(0, 1)) add('en', piece, `UN General Debate Corpus v10, ${list[i].split('/').pop()} (doi:10.7910/DVN/0TJX8Y)`, 'CC0-1.0');
  }
}

// French: gouvernement.fr information pages, the paragraphs the evaluation leaves out (links
// removed, long ones cut at sentence ends).
{
  const repo = 'vpicavet+corogov';
  for (const file of ['info-coronavirus.md', 'strategie-de-deconfinement.md']) {
    for (const raw of show(repo, file).split(/\n\s*\n/).map(squash)) {
      if (/^[#|<{>]/.test(raw) || /^---|twitter:|robots:|\{[.#]/.test(raw)) continue;
      const text = raw.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/https?:\S+/g, '').replace(/\\/g, '').replace(/\*\*/g, '').replace(/^[-*] /, '');
      for (const piece of pieces(text, 500)) add('fr', piece, `gouvernement.fr, ${file.replace('.md', '')} (snapshot github.com/vpicavet/corogov)`, 'Licence Ouverte 2.0 (gouvernement.fr content); repository WTFPL');
    }
  }
}

// Khmer: news articles of kh_data_1000 about ministries, the government and public affairs (the
// evaluation's come from kh_data_500 and are dropped by the sentence check).
{
  const GOV = /ក្រសួង|រាជរដ្ឋាភិបាល|នាយករដ្ឋមន្ត្រី|ឯកអគ្គរាជទូត|ការបរទេស|ស្ថានទូត|រដ្ឋមន្ត្រី/;
  for (const f of readdirSync(khDir).filter((n) => n.endsWith('_orig.txt')).sort()) {
    const lines = readFileSync(join(khDir, f), 'utf8').split('\n').map(squash).filter((l) => l.length >= 60);
    if (!GOV.test(lines.join(' '))) continue;
    // Later paragraphs than the evaluation's first block.
    for (const p of new Set([lines[Math.min(lines.length - 1, 3)], lines[Math.min(lines.length - 1, 5)]])) if (p) add('km', pieces(p, 500)[0], `Khmer news article ${f} (github.com/phylypo/segmentation-crf-khmer, data/kh_data_1000.zip)`, 'no licence stated by the repository (public news articles collected for NLP research); short excerpts used as training data only');
  }
}

for (const [lang, rows] of Object.entries(files)) {
  writeFileSync(new URL(`../data/official-texts/official-${lang}.jsonl`, import.meta.url), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`official-${lang}.jsonl: ${rows.length} passages`);
}
