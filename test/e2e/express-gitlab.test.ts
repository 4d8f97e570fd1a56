// The GitLab component deploying an Express Mode service under gitlab-ci-local: created on the first pipeline,
// updated on the next, and the service's URL in the dotenv report a later job reads.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { awsEnv } from '../support/moto-ecs.js';
import { BUNDLE, BUNDLE_NODE, cleanEnv } from '../support/run-bundle.js';
import { startEcsStandin, type EcsStandin } from '../standin/index.js';
import { GITLAB_CI_LOCAL, NODE_24, gitlabCiLocalMissing } from '../support/test-tools.js';

const COMPONENT = fileURLToPath(new URL('../../templates/deploy.yml', import.meta.url));
const skip = gitlabCiLocalMissing();
const INFRASTRUCTURE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices';

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
    standin = await startEcsStandin({ express: { canary: { canaryPercent: 5, canaryBakeTimeInMinutes: 0.02, bakeTimeInMinutes: 0.02 } } });
    standin.seedCluster('default');
  });
  afterAll(async () => {
    await standin?.close();
    if (root !== '') rmSync(root, { recursive: true, force: true });
  });

  async function pipeline(name: string, inputs: Record<string, unknown>): Promise<{ code: number | null; log: string; dir: string }> {
    const dir = join(root, name);
    mkdirSync(join(dir, 'templates'), { recursive: true });
    copyFileSync(COMPONENT, join(dir, 'templates', 'deploy.yml'));
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
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, log, dir });
      });
    });
  }

  const inputsFor = (image: string): Record<string, unknown> => ({
    service: 'web',
    family: 'web',
    'container-name': 'Main',
    'container-port': '8080',
    'requires-compatibilities': 'FARGATE',
    'network-mode': 'awsvpc',
    'task-cpu': '256',
    'task-memory': '512',
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

    const report = readFileSync(join(updated.dir, '.gitlab-ci-local', 'artifacts', 'deploy', '.gitlab-ci-reports', 'dotenv', 'ecs-deliver.env'), 'utf8');
    const endpoint = /^ECS_DELIVERED_ENDPOINT=(.*)$/m.exec(report)?.[1] ?? '';
    expect(endpoint).toMatch(/^https:\/\/web-[0-9a-f]{8}\.ecs\.us-east-1\.on\.aws$/);
    expect(report).toContain('ECS_DELIVERED_SERVICE_ARN=arn:aws:ecs:us-east-1:123456789012:service/default/web\n');
    expect(updated.log).toContain(`announce: COMPLETED at ${endpoint}`);
    expect(standin.calls['CreateExpressGatewayService']).toBe(1);
    expect(standin.calls['UpdateExpressGatewayService']).toBe(1);

    // The same inputs again: nothing registered, no update.
    const again = await pipeline('again', inputsFor('nginx:1.26'));
    expect(again.code, again.log).toBe(0);
    const repeated = readFileSync(join(again.dir, '.gitlab-ci-local', 'artifacts', 'deploy', '.gitlab-ci-reports', 'dotenv', 'ecs-deliver.env'), 'utf8');
    expect(repeated).toContain('ECS_DELIVERED_REGISTERED=false\n');
    expect(repeated).toContain(`ECS_DELIVERED_ENDPOINT=${endpoint}\n`);
    expect(standin.calls['UpdateExpressGatewayService']).toBe(1);
    expect(standin.calls['RegisterTaskDefinition']).toBe(2);
  }, 300_000);
});
