// README snippets that test/e2e/documented-commands.test.ts does not run, each as written with its host's own
// tool on a fresh clone, as a new user types them: the first screen's dry run without AWS credentials, the
// stand-in try-out (npm run standin, then the deploy) and the local-action snippet.
// The GitLab pipelines run under gitlab-ci-local in readme-gitlab-pipelines.test.ts.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TRY_WITHOUT_AWS, codeBlocks, type CodeBlock } from '../support/documented-commands.js';
import { freshClone, runScript, userEnv, type ScriptRun } from '../support/fresh-clone.js';
import { freePort } from '../support/servers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

const blocks = (): CodeBlock[] => codeBlocks(README);

let clone = '';
beforeAll(() => {
  clone = freshClone(ROOT);
});
afterAll(() => {
  if (clone !== '') rmSync(clone, { recursive: true, force: true });
});

describe('README: the first screen, on a fresh clone without AWS credentials', () => {
  test('the dry run prints the plan and changes nothing', async () => {
    const [block] = blocks();
    expect(block?.language).toBe('sh');
    // The part that prints the plan, after the clone this test stands in for; the tests (npm ci && npm test) are CI's.
    const lines = (block?.text ?? '').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(lines[0]).toMatch(/^git clone https:\/\/github\.com\/ecs-deliver\/ecs-deliver && cd ecs-deliver$/);
    const plan = lines.slice(1, lines.findIndex((line) => line.startsWith('npm ci')));
    expect(plan).toEqual([expect.stringMatching(/^node dist\/index\.js .*--dry-run$/)]);
    // No ~/.aws either: HOME is a directory of its own.
    const home = join(clone, '.tmp', 'home');
    mkdirSync(home, { recursive: true });

    const run = await runScript(plan.join('\n'), clone, { ...userEnv(), HOME: home });

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('No AWS credentials found: the dry run renders without comparing with ECS.');
    expect(run.log).toMatch(/"memory": 300,[\s\S]*"containerPort": 8080/);
    expect(run.log).toContain('Would register a new revision of web.');
    expect(run.log).toContain('Dry run: nothing was changed.');
  });
});

describe('README: try it without AWS, on a fresh clone', () => {
  const [block] = blocks().filter((candidate) => candidate.heading === TRY_WITHOUT_AWS && candidate.language === 'sh');
  const standins: ReturnType<typeof spawn>[] = [];

  afterAll(() => {
    for (const standin of standins) if (standin.pid !== undefined && standin.exitCode === null) process.kill(-standin.pid, 'SIGTERM');
  });

  /** Terminal 1: `standinCommand` (on a free port), started as its own process group so the stand-in npm starts ends with it. */
  async function startStandin(standinCommand: string, port: string): Promise<void> {
    const started = spawn('bash', ['-c', standinCommand], { cwd: clone, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    standins.push(started);
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the stand-in printed no URL: ${out}`)), 90_000);
      started.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /^(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      started.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      started.on('close', (code) => reject(new Error(`npm run standin exited ${code}: ${out}`)));
    });
    expect(url).toBe(`http://127.0.0.1:${port}`);
  }

  /** The block's commands on a free port: the stand-in's (`instead` when given), then those of the second terminal. */
  async function tryOut(instead?: string): Promise<ScriptRun> {
    expect(block, 'a sh block under "Try it without AWS"').toBeDefined();
    const port = String(await freePort());
    const lines = (block?.text ?? '').replaceAll('4566', port).split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const [first, ...rest] = lines;
    expect(first).toBe(`npm run standin -- --port ${port}`);
    await startStandin(instead?.replaceAll('4566', port) ?? first ?? '', port);
    return runScript(rest.join('\n'), clone, userEnv());
  }

  test('npm run standin, then the deploy in a second terminal, as written: the rollout completes', async () => {
    const run = await tryOut();
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('output deployment-status=COMPLETED');
    expect(run.log).toContain('output registered=true');
    // The secret key a try-out sets is masked wherever it appears: one that is also a word would mask that word.
    expect(run.log).toContain('container web: image nginx:latest → nginx:1.27');
    expect(run.log).not.toContain('***');
  }, 180_000);

  test('with the circuit-breaker scenario the text names, the deployment fails and is rolled back', async () => {
    const section = README.slice(README.indexOf(`## ${TRY_WITHOUT_AWS}`));
    const command = /`(npm run standin -- --port 4566 --scenario circuit-breaker)` makes the deployment fail and roll back/.exec(section)?.[1];
    expect(command, 'the README names the circuit-breaker scenario').toBeDefined();
    const run = await tryOut(command);
    expect(run.code, run.log).toBe(1);
    expect(run.log).toMatch(/^error: deployment ecs-svc\/\S+ \(web:2\) failed: ECS deployment circuit breaker/m);
    expect(run.log).toContain('output deployment-status=ROLLED_BACK');
  }, 180_000);
});

describe('README: the local-action snippet on a fresh clone', () => {
  test('runs as written, .tmp/ included, and the action makes its dry run', async () => {
    const block = blocks().find((candidate) => candidate.language === 'sh' && candidate.text.includes('npx local-action run'));
    expect(block, 'the README shows the local-action snippet').toBeDefined();
    const run = await runScript(block?.text ?? '', clone, userEnv(), 150_000);
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('Dry run: nothing was changed.');
    expect(run.log).toContain('Action Outputs');
  }, 180_000);
});
