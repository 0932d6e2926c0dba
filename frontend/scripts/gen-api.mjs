// Generates src/api/schema.d.ts from the OpenAPI contract.
//   node scripts/gen-api.mjs           write the file
//   node scripts/gen-api.mjs --check   fail if the committed file differs from a fresh one
// OPENAPI_FILE overrides the contract location (relative to the frontend folder).
import { access, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const contract = resolve(root, process.env.OPENAPI_FILE ?? '../openapi/openapi.yaml');
const target = join(root, 'src/api/schema.d.ts');
const check = process.argv.includes('--check');

async function generate() {
  // Same header and output as the openapi-typescript CLI, so either can be used.
  return COMMENT_HEADER + astToString(await openapiTS(pathToFileURL(contract)));
}

async function main() {
  await access(contract).catch(() => {
    throw new Error(
      `OpenAPI contract not found: ${contract} (set OPENAPI_FILE to use another file)`,
    );
  });
  const fresh = await generate();
  if (!check) {
    await writeFile(target, fresh);
    console.log(`generated ${target} from ${contract}`);
    return;
  }
  const scratch = join(await mkdtemp(join(tmpdir(), 'api-schema-')), 'schema.d.ts');
  await writeFile(scratch, fresh);
  const committed = await readFile(target, 'utf8').catch(() => '');
  if ((await readFile(scratch, 'utf8')) !== committed) {
    console.error('generated API types are not up to date; run make gen');
    console.error(`(fresh output for comparison: ${scratch})`);
    process.exit(1);
  }
  console.log('generated API types are up to date');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
