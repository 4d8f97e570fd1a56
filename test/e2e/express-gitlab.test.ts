// The GitLab component deploying an Express Mode service under gitlab-ci-local: created on the first pipeline,
// updated on the next, and the service's URL in the dotenv report a later job reads.
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { awsEnv } from '../support/moto-ecs.js';
import { BUNDLE, BUNDLE_NODE, cleanEnv } from '../support/run-bundle.js';
import { startEcsStandin, type EcsStandin } from '../standin/index.js';
import { INFRASTRUCTURE, SLOW_CANARY, createExpressService, expressInputs } from '../support/express-e2e.js';
import { signalDescendant } from '../support/signal-descendant.js';
import { GITLAB_CI_LOCAL, NODE_24, gitlabCiLocalMissing } from '../support/test-tools.js';

const COMPONENT = fileURLToPath(new URL('../../templates/deploy.yml', import.meta.url));
const skip = gitlabCiLocalMissing();
const CANARY = { canaryPercent: 5, canaryBakeTimeInMinutes: 0.02, bakeTimeInMinutes: 0.02 };
/** The dotenv report a pipeline's deploy job left for later jobs. */
const dotenvOf = (dir: string): string => readFileSync(join(dir, '.gitlab-ci-local', 'artifacts', 'deploy', '.gitlab-ci-reports', 'dotenv', 'ecs-deliver.env'), 'utf8');

describe.skipIf(skip)('an Express service through the GitLab component', () => {
  let root = '';
  let bin = '';
  let standin: EcsStandin;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ecs-deliver-gitlab-express-'));
    bin = join(root, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'ecs-deliver'), `#!/bin/sh\nexec "${BUNDLE_NODE}" "${BUNDLE}" "$@"\n`);
    chmodSync(join(bin, 'ecs-deliver'), 0o755);
    standin = await startEcsStandin({ express: { canary: CANARY } });
    standin.seedCluster('default');
  });
  afterAll(async () => {
    await standin?.close();
    if (root !== '') rmSync(root, { recursive: true, force: true });
  });

  /** `files`: more files of the repository, by path; `onStart`: sees gitlab-ci-local as it starts. */
  async function pipeline(
    name: string,
    inputs: Record<string, unknown>,
    options: { files?: Record<string, string>; onStart?(child: ChildProcessByStdio<null, Readable, Readable>): void } = {},
  ): Promise<{ code: number | null; log: string; dir: string }> {
    const dir = join(root, name);
    mkdirSync(join(dir, 'templates'), { recursive: true });
    copyFileSync(COMPONENT, join(dir, 'templates', 'deploy.yml'));
    for (const [path, text] of Object.entries(options.files ?? {})) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const announce = { stage: '.post', needs: ['deploy'], script: ['echo "announce: $ECS_DELIVERED_DEPLOYMENT_STATUS at $ECS_DELIVERED_ENDPOINT"'] };
    writeFileSync(join(dir, '.gitlab-ci.yml'), stringify({ include: [{ local: 'templates/deploy.yml', inputs }], announce }));
    const git = (args: string[]) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn('git', args, { cwd: dir, stdio: 'ignore', env: { ...cleanEnv(), HOME: dir } });
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args.join(' ')} exited ${code}`))));
      });
    await git(['init', '-q', '.']);
    await git(['add', '-A']);
    await git(['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'pipeline']);
    const variables = { ...awsEnv(standin.url), AWS_ENDPOINT_URL_ECS: standin.url };
    return new Promise((resolve, reject) => {
      const child = spawn(
        NODE_24,
        [GITLAB_CI_LOCAL, '--force-shell-executor', ...Object.entries(variables).flatMap(([key, value]) => ['--variable', `${key}=${value}`])],
        { cwd: dir, env: { ...cleanEnv(), HOME: dir, PATH: `${bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
      child.on('error', reject);
      options.onStart?.(child);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, log, dir });
      });
    });
  }

  const inputsFor = (image: string, service = 'web'): Record<string, unknown> => ({
    service,
    ...expressInputs(service),
    'express-infrastructure-role-arn': INFRASTRUCTURE,
    image,
    'verify-image': 'false',
    'poll-interval': '1s',
    'wait-timeout': '60s',
  });

  test('created, updated, then left alone on the same inputs; the dotenv report carries the endpoint to a later job', async () => {
    const created = await pipeline('create', inputsFor('nginx:1.25'));
    expect(created.code, created.log).toBe(0);
    const updated = await pipeline('update', inputsFor('nginx:1.26'));
    expect(updated.code, updated.log).toBe(0);

    const report = dotenvOf(updated.dir);
    const endpoint = /^ECS_DELIVERED_ENDPOINT=(.*)$/m.exec(report)?.[1] ?? '';
    expect(endpoint).toMatch(/^https:\/\/web-[0-9a-f]{8}\.ecs\.us-east-1\.on\.aws$/);
    expect(report).toContain('ECS_DELIVERED_SERVICE_ARN=arn:aws:ecs:us-east-1:123456789012:service/default/web\n');
    expect(updated.log).toContain(`announce: COMPLETED at ${endpoint}`);
    expect(standin.calls['CreateExpressGatewayService']).toBe(1);
    expect(standin.calls['UpdateExpressGatewayService']).toBe(1);

    // The same inputs again: nothing registered, no update.
    const again = await pipeline('again', inputsFor('nginx:1.26'));
    expect(again.code, again.log).toBe(0);
    const repeated = dotenvOf(again.dir);
    expect(repeated).toContain('ECS_DELIVERED_REGISTERED=false\n');
    expect(repeated).toContain(`ECS_DELIVERED_ENDPOINT=${endpoint}\n`);
    expect(standin.calls['UpdateExpressGatewayService']).toBe(1);
    expect(standin.calls['RegisterTaskDefinition']).toBe(2);
  }, 300_000);
  test('a failing image ends ROLLED_BACK once ECS rolled back, with the reason in the log and the dotenv report', async () => {
    await createExpressService(standin, 'shop');
    standin.failImage('nginx:broken');

    const run = await pipeline('broken', inputsFor('nginx:broken', 'shop'));

    expect(run.code, run.log).not.toBe(0);
    expect(run.log).toMatch(/the CANARY deployment of shop:2 failed: .*ECS rolled back to shop:1/);
    expect(run.log).toMatch(/CannotPullContainerError/);
    expect(dotenvOf(run.dir)).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=ROLLED_BACK\n');
    expect(standin.serviceDeployments('shop')[0]?.['status']).toBe('ROLLBACK_SUCCESSFUL');
  }, 300_000);

  test('SIGTERM to the job with rollback-on-cancel: the canary rolled back through StopServiceDeployment', async () => {
    standin.setExpressReadings({ canary: SLOW_CANARY });
    try {
      await createExpressService(standin, 'cart', { wait: false });
      const stopsBefore = standin.calls['StopServiceDeployment'] ?? 0;
      let signalled = false;

      const run = await pipeline('cancelled', { ...inputsFor('nginx:1.26', 'cart'), 'rollback-on-cancel': true }, {
        onStart: (child) => {
          let seen = '';
          child.stdout.on('data', (chunk: Buffer) => {
            seen += chunk.toString();
            if (!signalled && /Production traffic on the new revision \(cart:2\): 5%/.test(seen)) signalled = signalDescendant(child.pid ?? 0, BUNDLE, 'SIGTERM');
          });
        },
      });

      expect(signalled, run.log).toBe(true);
      expect(run.code, run.log).not.toBe(0);
      expect(run.log).toContain('SIGTERM received: stopping.');
      expect(dotenvOf(run.dir)).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=CANCELLED\n');
      expect(standin.calls['StopServiceDeployment']).toBe(stopsBefore + 1);
      expect(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']).toContain(standin.serviceDeployments('cart')[0]?.['status']);
    } finally {
      standin.setExpressReadings({ canary: CANARY });
    }
  }, 300_000);

  test('a services-file with an Express service and a rolling one: each deployed its own way, the endpoint in the results artifact', async () => {
    await createExpressService(standin, 'blog');
    standin.seedTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'api', image: 'nginx:1.24', memory: 256 }] });
    standin.seedService({ serviceName: 'api', taskDefinition: 'api:1', desiredCount: 1 });
    const file = ['services:', '  - service: blog', '    family: blog', '    container-name: Main', '    image: nginx:1.26', '  - service: api', '    family: api', '    image: nginx:1.26'];

    const run = await pipeline('mixed', { 'services-file': 'deploy/services.yml', 'verify-image': 'false', 'poll-interval': '1s' }, { files: { 'deploy/services.yml': file.join('\n') } });

    expect(run.code, run.log).toBe(0);
    const results = JSON.parse(readFileSync(join(run.dir, '.gitlab-ci-local', 'artifacts', 'deploy', 'ecs-deliver-results.json'), 'utf8')) as Record<string, string>[];
    expect(results.map((result) => [result['service'], result['deployment-status']])).toEqual([
      ['blog', 'COMPLETED'],
      ['api', 'COMPLETED'],
    ]);
    expect(results[0]?.['endpoint']).toMatch(/^https:\/\/blog-[0-9a-f]{8}\.ecs\.us-east-1\.on\.aws$/);
    expect(results[1]?.['endpoint']).toBe('');
    expect(String(standin.service('api')['taskDefinition'])).toMatch(/api:2$/);
  }, 300_000);
});
