import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The bare demo plans: nothing reported yet. */
    baseUrl: string;
    /** The lived-in demo: the plans with a year of reporting written up to today, as `make run` shows them. */
    livedInUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const jar = `${root}/backend/target/quarkus-app/quarkus-run.jar`;
const work = `${root}/frontend/e2e-results`;

const products: ChildProcess[] = [];

async function ready(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/q/health/ready`)).ok;
  } catch {
    return false;
  }
}

type Instance = {
  /** Its data directory and its log, under e2e-results. */
  data: string;
  log: string;
  port: number;
  history: boolean;
  /** How long it may take to become ready. */
  deadlineMs: number;
};

/**
 * Starts one packaged product with its embedded PostgreSQL and the demo data in a fresh data directory, and waits
 * until it is ready.
 */
async function start({ data, log, port, history, deadlineMs }: Instance): Promise<string> {
  const baseUrl = `http://localhost:${port}`;
  rmSync(`${work}/${data}`, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const logPath = `${work}/${log}`;
  const output = openSync(logPath, 'w');
  const product = spawn('java', [`@${root}/deploy/jvm.options`, '-jar', jar], {
    env: {
      ...process.env,
      DTI_DATA_DIR: `${work}/${data}`,
      DTI_DEMO_LOAD: 'true',
      DTI_DEMO_HISTORY: String(history),
      QUARKUS_HTTP_PORT: String(port),
      // Metrics' management interface beside the product's port, so that a product already running elsewhere (on the
      // default 9000) is no obstacle. Not port 0: with a random management port the packaged product never finishes
      // starting in Quarkus's eyes, and then does not stop on SIGTERM.
      QUARKUS_MANAGEMENT_PORT: String(port + 1),
      // No reminders while the tests run: what a screen shows is what the API answered a moment before.
      QUARKUS_SCHEDULER_ENABLED: 'false',
    },
    stdio: ['ignore', output, output],
  });
  products.push(product);
  const deadline = Date.now() + deadlineMs;
  while (!(await ready(baseUrl))) {
    if (product.exitCode !== null || Date.now() > deadline) {
      throw new Error(`The product did not start; see ${logPath}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return baseUrl;
}

/**
 * Starts two packaged products (`make backend-package` after `npm run build`) side by side, each with its embedded
 * PostgreSQL and the demo data in a fresh data directory:
 * - `baseUrl`: the bare demo plans. The journeys walk the cycle on items nobody has reported yet.
 * - `livedInUrl`: the demo with its year of reporting written up to today (demo/DemoHistory), what `make run` shows;
 *   the first screens are tested on it.
 * E2E_BASE_URL and E2E_LIVED_IN_URL use products already running instead (for example `make run`'s for the second).
 * Ports: E2E_PORT (default 18495) and E2E_LIVED_IN_PORT (default ten above it), each with its management port after it.
 */
export async function setup(project: TestProject) {
  const givenBare = process.env.E2E_BASE_URL;
  const givenLivedIn = process.env.E2E_LIVED_IN_URL;
  if ((!givenBare || !givenLivedIn) && !existsSync(jar)) {
    throw new Error(
      `No packaged product at ${jar}: run "make frontend-build backend-package" first.`,
    );
  }
  const port = Number(process.env.E2E_PORT ?? '18495');
  const livedInPort = Number(process.env.E2E_LIVED_IN_PORT ?? port + 10);
  try {
    const [baseUrl, livedInUrl] = await Promise.all([
      givenBare ??
        start({ data: 'data', log: 'product.log', port, history: false, deadlineMs: 5 * 60_000 }),
      givenLivedIn ??
        // Ready once the history is written, which takes minutes on a busy machine.
        start({
          data: 'lived-in-data',
          log: 'lived-in.log',
          port: livedInPort,
          history: true,
          deadlineMs: 10 * 60_000,
        }),
    ]);
    project.provide('baseUrl', baseUrl.replace(/\/$/, ''));
    project.provide('livedInUrl', livedInUrl.replace(/\/$/, ''));
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function stop(running: ChildProcess) {
  if (running.exitCode !== null || running.signalCode !== null) {
    return;
  }
  const stopped = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGTERM');
  const timer = setTimeout(() => running.kill('SIGKILL'), 30_000);
  await stopped;
  clearTimeout(timer);
}

/** Stops the products; the shutdown of each stops its embedded PostgreSQL too. */
export async function teardown() {
  await Promise.all(products.splice(0).map(stop));
}
