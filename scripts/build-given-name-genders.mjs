#!/usr/bin/env node
// Writes server/src/core/data/given-name-genders.json from the name lists of the npm package
// gender-detection-from-name (MIT licence, Davide Violante): English, Italian, Spanish, French and German
// given names. A name the lists disagree on (Andrea: female in English, male in Italian) is left out, so that
// its gender stays unknown. Run: node scripts/build-given-name-genders.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const languages = ['en', 'it', 'es', 'fr', 'de'];
const genders = new Map();
for (const language of languages) {
  for (const [name, gender] of require(`gender-detection-from-name/names/${language}`)) {
    if (!/^[a-z][a-z'-]+$/.test(name)) continue;
    const seen = genders.get(name) ?? new Set();
    seen.add(gender);
    genders.set(name, seen);
  }
}
const one = (gender) => [...genders].filter(([, seen]) => seen.size === 1 && seen.has(gender)).map(([name]) => name).sort();
const version = require('gender-detection-from-name/package.json').version;
const data = {
  comment: `Given names (lower case, separated by spaces) whose gender the open lists agree on, for resolving "he" and "she". Built by scripts/build-given-name-genders.mjs from gender-detection-from-name ${version} (MIT licence, Copyright (c) 2019 Davide Violante), languages ${languages.join(', ')}; names the languages disagree on are left out.`,
  female: one('female'),
  male: one('male'),
};
const out = path.join(root, 'server', 'src', 'core', 'data', 'given-name-genders.json');
// one space-separated string per gender: read many times faster than an array of 57,000 strings
fs.writeFileSync(out, `${JSON.stringify({ comment: data.comment, female: data.female.join(' '), male: data.male.join(' ') }, null, 2)}\n`);
console.log(`wrote ${path.relative(root, out)}: ${data.female.length} female, ${data.male.length} male`);
