/**
 * Edits a fraction of an estate's source files in place (a comment line added
 * at the end) for the "1% changed" figure; returns a function that restores
 * every edited file. Which files is seeded, so runs change the same ones.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRandom } from '../estate/random.mjs';

const SOURCE = /\.(cs|ts|js|sql)$/;

export function changeFiles(root, fraction, seed) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE.test(entry.name)) files.push(full);
    }
  };
  walk(root);
  const random = createRandom(seed);
  const wanted = Math.max(1, Math.round(files.length * fraction));
  const chosen = new Set();
  while (chosen.size < wanted) chosen.add(files[Math.floor(random.next() * files.length)]);
  const originals = new Map();
  for (const file of chosen) {
    const text = readFileSync(file, 'utf8');
    originals.set(file, text);
    writeFileSync(file, `${text}${file.endsWith('.sql') ? '--' : '//'} edited for the benchmark\n`);
  }
  return () => {
    for (const [file, text] of originals) writeFileSync(file, text);
  };
}
