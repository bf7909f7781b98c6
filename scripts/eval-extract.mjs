// Rebuilds tests/eval/real.jsonl (real official texts nobody on the team wrote) from local
// snapshots of the public source repositories listed in tests/eval/README.md. Run once by a
// maintainer: `node scripts/eval-extract.mjs <mirror-root>` where <mirror-root> holds bare git
// clones named owner+repo/repo. The selection is deterministic (sorted files, fixed strides),
// so the same snapshots give the same corpus. Labels live in tests/eval/labels-real.json.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? '/work/.mirror';
const git = (repo, ...args) =>
  execFileSync('git', ['-C', join(root, repo, 'repo'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const show = (repo, path) => git(repo, 'show', `HEAD:${path}`);
const squash = (s) => s.replace(/\s+/g, ' ').trim();

const out = [];
const seen = new Set();
function add(p) {
  const key = squash(p.text);
  if (seen.has(key)) return;
  seen.add(key);
  out.push({ ...p, text: key });
}

// 1. UN General Debate Corpus (English), sessions 75-77: two paragraphs per speech, post-sized.
{
  const repo = 'jradius+un-general-debates';
  const files = git(repo, 'ls-tree', '-r', '--name-only', 'HEAD')
    .split('\n')
    .filter((f) => /Session 7[5-7] - \d{4}\/[A-Z]{2,3}_\d+_\d{4}\.txt$/.test(f))
    .sort();
  for (let i = 0; i < files.length; i += 4) {
    const f = files[i];
    const name = f.split('/').pop().replace('.txt', '');
    const paras = show(repo, f).split(/\n+/).map(squash).filter((p) => p.length >= 160 && p.length <= 700);
    const picks = [paras[Math.floor(paras.length / 3)], paras[Math.floor((2 * paras.length) / 3)]].filter(Boolean);
    picks.forEach((text, k) =>
      add({
        id: `ungd-${name}-${k}`, lang: 'en', kind: 'real', text,
        source: `UN General Debate Corpus v10, ${name}.txt (doi:10.7910/DVN/0TJX8Y)`, licence: 'CC0-1.0',
      }),
    );
  }
}

// 2. Universal Declaration of Human Rights, official French and Khmer texts (OHCHR), one article or
//    paragraph per passage.
for (const lang of ['fr', 'km']) {
  const repo = 'patrickschur+language-detection';
  const paras = show(repo, `resources/${lang}/${lang}.txt`).split(/\n\s*\n|\n(?=Article|មាត្រា)/).map(squash);
  paras
    .filter((p) => p.length >= 60 && p.length <= 900)
    .forEach((text, k) =>
      add({
        id: `udhr-${lang}-${k}`, lang, kind: 'real', text,
        source: `Universal Declaration of Human Rights, ${lang === 'fr' ? 'French' : 'Khmer'} text (OHCHR, via unicode.org/udhr; file resources/${lang}/${lang}.txt of github.com/patrickschur/language-detection)`,
        licence: 'OHCHR: UDHR translations may be freely reproduced; repository MIT',
      }),
    );
}

// 3. French government information pages (gouvernement.fr, COVID-19), paragraphs without links.
{
  const repo = 'vpicavet+corogov';
  for (const file of ['info-coronavirus.md', 'strategie-de-deconfinement.md']) {
    const paras = show(repo, file).split(/\n\s*\n/).map(squash);
    let k = 0;
    for (const raw of paras) {
      if (/^[#\-|[!:<{>*]/.test(raw) || /http|\]\(|\{/.test(raw)) continue;
      const text = raw.replace(/\\/g, '').replace(/\*\*/g, '');
      if (text.length < 120 || text.length > 700) continue;
      add({
        id: `govfr-${file.replace('.md', '')}-${k++}`, lang: 'fr', kind: 'real', text,
        source: `gouvernement.fr, ${file.replace('.md', '')} (snapshot github.com/vpicavet/corogov)`,
        licence: 'Licence Ouverte 2.0 (gouvernement.fr content); repository WTFPL',
      });
    }
  }
}

// 4. Khmer news articles (phylypo/segmentation-crf-khmer, kh_data_500): paragraphs of articles about
//    ministries, the government or diplomacy.
{
  const dir = process.argv[3] ?? '/tmp/i10km/kh_data_500';
  if (existsSync(dir)) {
    const files = execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('_orig.txt')).sort();
    const GOV = /ក្រសួង|រាជរដ្ឋាភិបាល|នាយករដ្ឋមន្ត្រី|ឯកអគ្គរាជទូត|ការបរទេស|ស្ថានទូត|រដ្ឋមន្ត្រី/;
    for (const f of files) {
      const lines = readFileSync(join(dir, f), 'utf8').split('\n').map(squash);
      if (!GOV.test(lines.join(' '))) continue;
      const body = lines.slice(1).filter((p) => p.length >= 80);
      // Post-sized: join consecutive lines up to ~600 characters, keep the first block.
      let block = '';
      for (const p of body) {
        if ((block + ' ' + p).length > 600) break;
        block = block ? `${block} ${p}` : p;
      }
      if (block.length < 80) continue;
      add({
        id: `kmnews-${f.replace('_orig.txt', '')}`, lang: 'km', kind: 'real', text: block,
        source: `Khmer news article ${f} (github.com/phylypo/segmentation-crf-khmer, data/kh_data_500.zip)`,
        licence: 'no licence stated by the repository (public news articles collected for NLP research); short excerpts used as test data only',
      });
    }
  }
}

writeFileSync(new URL('../tests/eval/real.jsonl', import.meta.url), out.map((p) => JSON.stringify(p)).join('\n') + '\n');
const by = {};
for (const p of out) by[p.lang] = (by[p.lang] ?? 0) + 1;
console.log(`${out.length} real passages`, by);
