// `npm test`: typecheck, lint, Vitest (unit + API projects), build, the first-page size
// budget, Playwright, in that order, stopping at the first failure. Ends with one line that
// adds up the Vitest, budget and Playwright results: `N passed, N failed`.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bin, findChromium, npmRun, root, run } from './lib.mjs';

// Where the JSON reporters write; playwright.config.ts uses the same path.
const VITEST_REPORT = path.join(root, 'test-results', 'vitest.json');
const PLAYWRIGHT_REPORT = path.join(root, 'test-results', 'playwright.json');

const totals = { passed: 0, failed: 0 };

const steps = [
  { name: 'typecheck', command: npmRun('typecheck') },
  { name: 'lint', command: npmRun('lint') },
  {
    name: 'vitest',
    command: [...bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`],
    report: VITEST_REPORT,
    count: countVitest,
  },
  { name: 'build', command: [...bin('vite'), 'build', '--logLevel', 'warn'] },
  // Reads the build: fails when the first page's JavaScript (gzip -9) is over budget. One test.
  { name: 'first-page size', command: [process.execPath, path.join(root, 'scripts', 'first-page-size.mjs'), path.join(root, 'dist')], countExit: true },
  { name: 'playwright', command: [...bin('@playwright/test', 'playwright'), 'test'], report: PLAYWRIGHT_REPORT, count: countPlaywright },
];

// Ctrl-C reaches the running step too (same process group): let it finish
// dying, then stop here instead of starting the next step.
let interrupted = false;
process.on('SIGINT', () => (interrupted = true));
process.on('SIGTERM', () => (interrupted = true));

const chromium = findChromium();
if (chromium.error) finish(`npm test: ${chromium.error}`, 1);

for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const startedAt = Date.now();
  if (step.report) rmSync(step.report, { force: true });
  const code = await run(step.command, { env: { ...process.env, CHROMIUM_PATH: chromium.path } });
  if (step.count) addCounts(step);
  if (step.countExit) totals[code === 0 ? 'passed' : 'failed'] += 1;
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  if (interrupted) finish(`npm test: interrupted during ${step.name}`, 130);
  if (code !== 0) finish(`npm test: ${step.name} failed (exit code ${code}) after ${seconds}s`, code);
  console.log(`✔ ${step.name} (${seconds}s)`);
}
finish('npm test: all steps passed', 0);

function addCounts(step) {
  let report;
  try {
    report = JSON.parse(readFileSync(step.report, 'utf8'));
  } catch {
    // No report means the tool died before running tests: count that as a failure.
    totals.failed += 1;
    return;
  }
  const { passed, failed } = step.count(report);
  totals.passed += passed;
  totals.failed += failed;
}

function countVitest(report) {
  // A file that fails to load has no failed tests but fails the run: count it.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'),
  ).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
}

function countPlaywright(report) {
  const { expected = 0, flaky = 0, unexpected = 0 } = report.stats ?? {};
  // Top-level errors (a spec that does not load, a server that does not start) fail the run with no test failing.
  return { passed: expected + flaky, failed: unexpected + (report.errors?.length ?? 0) };
}

function finish(message, code) {
  console.log(`\n${message}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}
