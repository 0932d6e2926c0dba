// After `vite build`: prints every JavaScript and CSS file of dist/ with its gzipped size, and fails when the
// JavaScript a first visit loads (the entry script and what index.html preloads: the sign-in and My work
// screens) is over the budget. Other screens are separate chunks, loaded when opened.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
const dist = new URL('../dist/', import.meta.url);
const html = readFileSync(new URL('index.html', dist), 'utf8');
// Files index.html loads: its scripts, module preloads and style sheets.
const initial = new Set(
  [...html.matchAll(/<(?:script|link)\s[^>]*(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]),
);

const kb = (bytes) => bytes / 1024;
const rows = readdirSync(new URL('assets/', dist))
  .filter((name) => /\.(js|css)$/.test(name))
  .map((name) => {
    const bytes = readFileSync(new URL(`assets/${name}`, dist));
    return {
      file: `assets/${name}`,
      raw: kb(bytes.length),
      gzip: kb(gzipSync(bytes, { level: 9 }).length),
    };
  })
  .sort((a, b) => b.gzip - a.gzip);

console.log('\nBundle (KB)                                          raw     gzip  loaded');
for (const row of rows) {
  const when = initial.has(row.file) ? 'first visit' : 'on demand';
  console.log(
    `${row.file.padEnd(48)} ${row.raw.toFixed(1).padStart(8)} ${row.gzip.toFixed(1).padStart(8)}  ${when}`,
  );
}
const initialGzip = rows
  .filter((row) => initial.has(row.file) && row.file.endsWith('.js'))
  .reduce((sum, row) => sum + row.gzip, 0);
console.log(
  `JavaScript of the first visit: ${initialGzip.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)\n`,
);
if (![...initial].some((file) => file.endsWith('.js'))) {
  console.error('No entry script found in dist/index.html.');
  process.exit(1);
}
if (initialGzip > BUDGET_KB) {
  console.error(
    `Over the budget by ${(initialGzip - BUDGET_KB).toFixed(1)} KB: load more screens on demand.`,
  );
  process.exit(1);
}
