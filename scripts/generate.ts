// Writes action.yml, templates/deploy.yml, the README tables and docs/bench.md's figures (from docs/bench.json).
// `--check` writes nothing and exits 1 when a committed file differs from what it would write.
// Run from the repository root: npx ncc build scripts/generate.ts -o .tmp/gen && node .tmp/gen/index.js
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generatedFiles } from './generated-files.js';

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const [path, content] of generatedFiles((path) => readFileSync(path, 'utf8'))) {
  if (readIfPresent(path) === content) continue;
  stale.push(path);
  if (check) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
if (check && stale.length > 0) {
  process.stderr.write(`out of date: ${stale.join(', ')}; run npm run generate\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(stale.length === 0 ? 'generated files are up to date\n' : `wrote ${stale.join(', ')}\n`);
}
