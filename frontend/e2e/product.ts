import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const jar = `${root}/backend/target/quarkus-app/quarkus-run.jar`;
const work = `${root}/frontend/e2e-results`;

let product: ChildProcess | undefined;

async function ready(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/q/health/ready`)).ok;
  } catch {
    return false;
  }
}

/**
 * Starts the packaged product (`make backend-package` after `npm run build`) with its embedded PostgreSQL
 * and the demo data in a fresh data directory, or uses the one at E2E_BASE_URL (for example `make run`'s).
 */
export async function setup(project: TestProject) {
  const given = process.env.E2E_BASE_URL;
  if (given) {
    project.provide('baseUrl', given.replace(/\/$/, ''));
    return;
  }
  if (!existsSync(jar)) {
    throw new Error(
      `No packaged product at ${jar}: run "make frontend-build backend-package" first.`,
    );
  }
  const port = process.env.E2E_PORT ?? '18495';
  const baseUrl = `http://localhost:${port}`;
  rmSync(`${work}/data`, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const log = openSync(`${work}/product.log`, 'w');
  product = spawn('java', [`@${root}/deploy/jvm.options`, '-jar', jar], {
    env: {
      ...process.env,
      DTI_DATA_DIR: `${work}/data`,
      DTI_DEMO_LOAD: 'true',
      // The bare demo plans: these journeys walk the cycle on items nobody has reported yet. The year of history that
      // `make run` writes (README) has its own test in the backend (demo/DemoHistoryTest).
      DTI_DEMO_HISTORY: 'false',
      QUARKUS_HTTP_PORT: port,
      // Metrics' management interface beside the product's port, so that a product already running elsewhere (on the
      // default 9000) is no obstacle. Not port 0: with a random management port the packaged product never finishes
      // starting in Quarkus's eyes, and then does not stop on SIGTERM.
      QUARKUS_MANAGEMENT_PORT: String(Number(port) + 1),
      QUARKUS_SCHEDULER_ENABLED: 'false',
    },
    stdio: ['ignore', log, log],
  });
  const deadline = Date.now() + 150_000;
  while (!(await ready(baseUrl))) {
    if (product.exitCode !== null || Date.now() > deadline) {
      throw new Error(`The product did not start; see ${work}/product.log`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  project.provide('baseUrl', baseUrl);
}

/** Stops the product; its shutdown stops the embedded PostgreSQL too. */
export async function teardown() {
  const running = product;
  if (!running || running.exitCode !== null) {
    return;
  }
  const stopped = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGTERM');
  const timer = setTimeout(() => running.kill('SIGKILL'), 30_000);
  await stopped;
  clearTimeout(timer);
}
