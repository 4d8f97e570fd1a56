// README snippets that test/e2e/documented-commands.test.ts does not run, each as written with its host's own
// tool: the stand-in try-out (npm run standin, then the deploy) and the local-action snippet on a fresh clone.
// The GitLab pipelines run under gitlab-ci-local in readme-gitlab-pipelines.test.ts.
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TRY_WITHOUT_AWS, codeBlocks, type CodeBlock } from '../support/documented-commands.js';
import { cleanEnv } from '../support/run-bundle.js';
import { freePort } from '../support/servers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

const blocks = (): CodeBlock[] => codeBlocks(README);

interface Run {
  code: number | null;
  log: string;
}

function bash(script: string, cwd: string, env: Record<string, string>, timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, log });
    });
  });
}

const quietEnv = (): Record<string, string> => ({ ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false' });

describe('README: try it without AWS', () => {
  const [block] = blocks().filter((candidate) => candidate.heading === TRY_WITHOUT_AWS && candidate.language === 'sh');
  let standin: ReturnType<typeof spawn> | undefined;

  afterAll(() => {
    if (standin?.pid !== undefined) process.kill(-standin.pid, 'SIGTERM');
  });

  test('npm run standin, then the deploy in a second terminal, as written: the rollout completes', async () => {
    expect(block, 'a sh block under "Try it without AWS"').toBeDefined();
    const port = String(await freePort());
    const lines = (block?.text ?? '').replaceAll('4566', port).split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const [first, ...rest] = lines;
    expect(first).toBe(`npm run standin -- --port ${port}`);
    // Terminal 1: started as its own process group, so the stand-in npm starts ends with it.
    const started = spawn('bash', ['-c', first ?? ''], { cwd: ROOT, env: quietEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    standin = started;
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

    // Terminal 2.
    const run = await bash(rest.join('\n'), ROOT, quietEnv());
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('output deployment-status=COMPLETED');
    expect(run.log).toContain('output registered=true');
  }, 180_000);
});

describe('README: the local-action snippet on a fresh clone', () => {
  let clone = '';

  beforeAll(() => {
    // The tracked files as they are now, without .tmp/ or any other working file; the packages come from this checkout.
    clone = mkdtempSync(join(tmpdir(), 'ecs-deliver-clone-'));
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter((path) => path !== '');
    for (const path of tracked) {
      mkdirSync(dirname(join(clone, path)), { recursive: true });
      try {
        copyFileSync(join(ROOT, path), join(clone, path));
      } catch {
        // A file deleted in the working tree is not part of the clone.
      }
    }
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
  });
  afterAll(() => {
    if (clone !== '') rmSync(clone, { recursive: true, force: true });
  });

  test('runs as written, .tmp/ included, and the action makes its dry run', async () => {
    const block = blocks().find((candidate) => candidate.language === 'sh' && candidate.text.includes('npx local-action run'));
    expect(block, 'the README shows the local-action snippet').toBeDefined();
    const run = await bash(block?.text ?? '', clone, quietEnv(), 150_000);
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('Dry run: nothing was changed.');
    expect(run.log).toContain('Action Outputs');
  }, 180_000);
});
