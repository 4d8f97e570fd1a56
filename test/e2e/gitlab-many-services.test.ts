// The GitLab component taking services-file under gitlab-ci-local: the job deploys every service of the file to the
// ECS stand-in, its dotenv report holds only the summary outputs, and the full results are the job's artifact.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const SERVICES_FILE = `
defaults:
  cluster: prod
  verify-image: false
services:
  - service: web
    family: web
    image: example/web:2
  - service: api
    family: api
    image: example/api:2
`;

function run(dir: string, bin: string, variables: Record<string, string>): Promise<{ code: number | null; log: string }> {
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
      resolve({ code, log });
    });
  });
}

function git(dir: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: dir, stdio: 'ignore', env: { ...cleanEnv(), HOME: dir } });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args.join(' ')} exited ${code}`))));
  });
}

describe.skipIf(skip)('the GitLab component with services-file', () => {
  let root = '';
  let standin: EcsStandin;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ecs-deliver-gitlab-many-'));
    standin = await startEcsStandin({ timing: { rolloutMs: 1000 } });
  });
  afterAll(async () => {
    await standin?.close();
    if (root !== '') rmSync(root, { recursive: true, force: true });
  });

  test('deploys every service of the file; the dotenv report stays small and the results are an artifact', async () => {
    for (const service of ['web', 'api']) {
      standin.seedCluster('prod');
      standin.seedTaskDefinition({ family: service, containerDefinitions: [{ name: service, image: `example/${service}:1`, memory: 256 }] });
      standin.seedService({ cluster: 'prod', serviceName: service, taskDefinition: `${service}:1`, desiredCount: 1 });
    }
    const bin = join(root, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'ecs-deliver'), `#!/bin/sh\nexec "${BUNDLE_NODE}" "${BUNDLE}" "$@"\n`);
    chmodSync(join(bin, 'ecs-deliver'), 0o755);
    const dir = join(root, 'project');
    mkdirSync(join(dir, 'templates'), { recursive: true });
    mkdirSync(join(dir, 'deploy'));
    copyFileSync(COMPONENT, join(dir, 'templates', 'deploy.yml'));
    writeFileSync(join(dir, 'deploy', 'services.yml'), SERVICES_FILE);
    writeFileSync(
      join(dir, '.gitlab-ci.yml'),
      stringify({
        include: [{ local: 'templates/deploy.yml', inputs: { 'services-file': 'deploy/services.yml', 'poll-interval': '1s', 'max-parallel-builds': 1, 'on-failure': 'rollback-all' } }],
        announce: { stage: '.post', needs: ['deploy'], script: ['echo "announce: $ECS_DELIVERED_DEPLOYMENT_STATUS for $ECS_DELIVERED_TASK_DEFINITION_REVISION"'] },
      }),
    );
    await git(dir, ['init', '-q', '.']);
    await git(dir, ['add', '-A']);
    await git(dir, ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'pipeline']);

    const result = await run(dir, bin, { ...awsEnv(standin.url), AWS_ENDPOINT_URL_ECS: standin.url });

    expect(result.code, result.log).toBe(0);
    expect(result.log).toContain('announce: COMPLETED for 2,2');
    const artifacts = join(dir, '.gitlab-ci-local', 'artifacts', 'deploy');
    const report = readFileSync(join(artifacts, '.gitlab-ci-reports', 'dotenv', 'ecs-deliver.env'), 'utf8');
    expect(report).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=COMPLETED\n');
    expect(report).not.toContain('RESULTS');
    const resultsFile = join(artifacts, 'ecs-deliver-results.json');
    expect(existsSync(resultsFile), result.log).toBe(true);
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as { service: string; 'deployment-status': string }[];
    expect(results.map((entry) => [entry.service, entry['deployment-status']])).toEqual([
      ['web', 'COMPLETED'],
      ['api', 'COMPLETED'],
    ]);
    for (const service of ['web', 'api']) {
      expect(standin.service(service, 'prod')['taskDefinition']).toBe(`arn:aws:ecs:us-east-1:123456789012:task-definition/${service}:2`);
    }
  }, 180_000);
});
