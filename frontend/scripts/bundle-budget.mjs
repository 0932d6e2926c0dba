// After `vite build`: prints every JavaScript and CSS file of dist/ with its gzipped size, then the JavaScript
// each screen needs (the first visit's, plus the screen's own chunks when it is loaded on demand), and fails
// when the JavaScript a first visit loads (the entry script and what it imports: the sign-in and My work
// screens) is over the budget. With BUNDLE_REPORT=<file> it also writes the figures as JSON.
// The per-screen figures come from Vite's manifest (dist/.vite/manifest.json), removed afterwards so that
// it is not served with the app.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
const dist = new URL('../dist/', import.meta.url);
const manifestDir = new URL('.vite/', dist);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', manifestDir), 'utf8'));
rmSync(manifestDir, { recursive: true, force: true });

const kb = (bytes) => bytes / 1024;
const sizes = new Map(
  readdirSync(new URL('assets/', dist))
    .filter((name) => /\.(js|css)$/.test(name))
    .map((name) => {
      const bytes = readFileSync(new URL(`assets/${name}`, dist));
      return [
        `assets/${name}`,
        { raw: kb(bytes.length), gzip: kb(gzipSync(bytes, { level: 9 }).length) },
      ];
    }),
);

// The JavaScript files a chunk loads with it: itself and its static imports, transitively.
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}
const gzipOf = (files) => [...files].reduce((sum, file) => sum + (sizes.get(file)?.gzip ?? 0), 0);

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) {
  console.error('No entry chunk in the build manifest.');
  process.exit(1);
}
const initial = closure(entryKey);
const initialGzip = gzipOf(initial);

console.log('\nBundle (KB)                                          raw     gzip  loaded');
for (const [file, size] of [...sizes].sort((a, b) => b[1].gzip - a[1].gzip)) {
  const when = initial.has(file) ? 'first visit' : file.endsWith('.css') ? 'style' : 'on demand';
  console.log(
    `${file.padEnd(48)} ${size.raw.toFixed(1).padStart(8)} ${size.gzip.toFixed(1).padStart(8)}  ${when}`,
  );
}

// Each screen loaded on demand: its module, and the JavaScript it needs in all (first visit included).
const screens = [
  { screen: 'first visit (sign-in, My work)', gzipKb: initialGzip },
  ...Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry)
    .map(([key, chunk]) => {
      const own = new Set([...closure(key)].filter((file) => !initial.has(file)));
      return {
        screen: (chunk.src ?? key).replace(/^src\//, '').replace(/\.[jt]sx?$/, ''),
        gzipKb: initialGzip + gzipOf(own),
      };
    })
    .sort((a, b) => a.screen.localeCompare(b.screen)),
];
console.log('\nJavaScript per screen (KB gzipped, first visit included)');
for (const { screen, gzipKb } of screens) {
  console.log(`${screen.padEnd(64)} ${gzipKb.toFixed(1).padStart(8)}`);
}
console.log(
  `\nJavaScript of the first visit: ${initialGzip.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)\n`,
);
if (process.env.BUNDLE_REPORT) {
  writeFileSync(
    process.env.BUNDLE_REPORT,
    `${JSON.stringify(
      {
        budgetKb: BUDGET_KB,
        screens: screens.map((s) => ({ ...s, gzipKb: Math.round(s.gzipKb * 10) / 10 })),
      },
      null,
      2,
    )}\n`,
  );
}
if (initialGzip > BUDGET_KB) {
  console.error(
    `Over the budget by ${(initialGzip - BUDGET_KB).toFixed(1)} KB: load more screens on demand.`,
  );
  process.exit(1);
}
