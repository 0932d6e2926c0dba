// After `vite build`: prints every JavaScript and CSS file of dist/ with its gzipped size, then the JavaScript
// each screen needs (the first visit's, plus the screen's own chunks when it is loaded on demand), and fails
// when the JavaScript a first visit loads (the entry script and what it imports: the app's frame and the
// sign-in screen; every other screen loads on demand) is over the budget, or when the dashboard's chart (loaded only when a chart is shown) is over its own.
// With BUNDLE_REPORT=<file> it also writes the figures as JSON. The figures are gzip at level 9, the copies nginx
// serves; what the backend sends a browser (brotli or gzip, compressed per request) is measured by
// e2e/weight.e2e.ts.
// The per-screen figures come from Vite's manifest (dist/.vite/manifest.json), removed afterwards so that
// it is not served with the app.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
// The dashboard's chart library, on top of the dashboard: it is loaded when a chart is shown, never before.
const CHART_BUDGET_KB = 110;
const chartModule = 'src/features/dashboard/components/dti-chart.tsx';
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
  { screen: 'first visit (sign-in)', gzipKb: initialGzip },
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
const chart = screens.find((s) => s.screen === 'features/dashboard/components/dti-chart');
const dashboard = screens.find((s) => s.screen === 'features/dashboard/components/dashboard');
const chartGzip = chart && dashboard ? chart.gzipKb - dashboard.gzipKb : 0;
console.log(
  `The dashboard's chart, on top of the dashboard: ${chartGzip.toFixed(1)} KB gzipped (budget ${CHART_BUDGET_KB} KB)\n`,
);
if (process.env.BUNDLE_REPORT) {
  writeFileSync(
    process.env.BUNDLE_REPORT,
    `${JSON.stringify(
      {
        budgetKb: BUDGET_KB,
        chartBudgetKb: CHART_BUDGET_KB,
        chartGzipKb: Math.round(chartGzip * 10) / 10,
        screens: screens.map((s) => ({ ...s, gzipKb: Math.round(s.gzipKb * 10) / 10 })),
      },
      null,
      2,
    )}\n`,
  );
}
if (!manifest[chartModule]?.isDynamicEntry) {
  console.error(
    `${chartModule} is no longer loaded on demand: the chart library would load with the app.`,
  );
  process.exit(1);
}
if (chartGzip > CHART_BUDGET_KB) {
  console.error(`The chart is over its budget by ${(chartGzip - CHART_BUDGET_KB).toFixed(1)} KB.`);
  process.exit(1);
}
if (initialGzip > BUDGET_KB) {
  console.error(
    `Over the budget by ${(initialGzip - BUDGET_KB).toFixed(1)} KB: load more screens on demand.`,
  );
  process.exit(1);
}
