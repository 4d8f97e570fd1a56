// `npm run demo` as the README's "Try it without AWS" shows it, on a fresh clone: it builds the bundle there (not in
// this checkout's dist/, which other suites run), plays its four scenes against the stand-in and says how each
// ended. The test checks what the README says the demo shows.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TRY_WITHOUT_AWS } from '../support/documented-commands.js';
import { freshClone, runScript, userEnv, type ScriptRun } from '../support/fresh-clone.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The README section, up to the next section. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  const end = README.indexOf('\n## ', start + 1);
  return start === -1 ? '' : README.slice(start, end === -1 ? undefined : end);
}

/** The line's position in the log; -1 when it is not there. */
function at(log: string, line: string | RegExp): number {
  return typeof line === 'string' ? log.indexOf(line) : (line.exec(log)?.index ?? -1);
}

describe('README: npm run demo, on a fresh clone', () => {
  let clone = '';
  let run: ScriptRun;

  beforeAll(async () => {
    clone = freshClone(ROOT);
    const text = section(TRY_WITHOUT_AWS);
    expect(text, 'the README shows the demo command').toContain('`npm run demo` plays four scenes against the stand-in');
    run = await runScript('npm run demo', clone, userEnv(), 280_000);
  }, 300_000);
  afterAll(() => {
    if (clone !== '') rmSync(clone, { recursive: true, force: true });
  });

  test('ends with exit 0 and says every scene ended as it should', () => {
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('ecs-deliver demo against a local ECS stand-in at http://127.0.0.1:');
    expect(run.log).toMatch(/^Demo done: .+the migration ran before its rollout \(exit 0\).+$/m);
    expect(run.log).not.toContain('Demo did not go as expected');
  });

  test('a deploy: web:2 rolls out and the run ends 0', () => {
    expect(run.log).toContain('→ exit code 0 (expected 0); web runs web:2 (expected web:2).');
  });

  test('a deployment the circuit breaker fails and ECS rolls back: the run ends 1 and says why', () => {
    const failure = at(run.log, /^error: deployment ecs-svc\/\S+ \(web:3\) failed: ECS deployment circuit breaker/m);
    expect(failure, run.log).toBeGreaterThan(-1);
    expect(run.log.indexOf('OutOfMemoryError', failure)).toBeGreaterThan(failure);
    expect(run.log).toContain('→ exit code 1 (expected 1); web runs web:2 (expected web:2).');
  });

  test('a migration printing its output before the rollout, then one that fails and leaves the service as it was', () => {
    const migrated = at(run.log, 'api | migrating 0007_add_orders_status ... ok');
    expect(migrated, run.log).toBeGreaterThan(-1);
    expect(run.log.indexOf('Updating service api to api:2', migrated)).toBeGreaterThan(migrated);
    expect(run.log).toContain('→ exit code 0 (expected 0); api runs api:2 (expected api:2).');
    expect(run.log).toContain('api | ERROR: cannot drop column "legacy_id": other objects depend on it');
    expect(run.log).toContain('→ exit code 1 (expected 1); api runs api:2 (expected api:2).');
  });

  test('a blue/green deployment, stage by stage', () => {
    const stages = ['Stage TEST_TRAFFIC_SHIFT', 'Stage PRODUCTION_TRAFFIC_SHIFT', 'Stage BAKE_TIME'].map((stage) => at(run.log, stage));
    expect(stages.every((position) => position > -1), run.log).toBe(true);
    expect(stages).toEqual([...stages].sort((a, b) => a - b));
    expect(run.log).toContain('→ exit code 0 (expected 0); checkout runs checkout:2 (expected checkout:2); service deployment SUCCESSFUL.');
  });

  test('names what it shows as it is: the demo has no secret, so nothing is masked', () => {
    expect(run.log).toContain('Service web in demo: web:1, 3/3 running.');
    expect(run.log).not.toContain('***');
  });
});
