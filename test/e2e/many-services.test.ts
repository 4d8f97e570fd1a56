// The built bundle deploying a services-file against the ECS stand-in: a healthy set across two clusters, one
// failing service with on-failure continue and rollback-all, a dry run, and a wrong entry that changes nothing.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin } from '../standin/index.js';
import { type BundleOptions, type BundleRun, runBundle } from '../support/run-bundle.js';
import { SHORT_TIMING, arnOf, outputsOf, standinEnv, standinForTest } from '../support/standin-e2e.js';

const KILL_AFTER_MS = 40_000;

/** Services web and api in cluster prod, worker in cluster batch; each on revision 1 of its family. */
const SERVICES = [
  { cluster: 'prod', service: 'web' },
  { cluster: 'prod', service: 'api' },
  { cluster: 'batch', service: 'worker' },
] as const;

async function standinWith(context: TestContext): Promise<EcsStandin> {
  const standin = await standinForTest(context, { timing: SHORT_TIMING });
  for (const { cluster, service } of SERVICES) {
    standin.seedCluster(cluster);
    standin.seedTaskDefinition({ family: service, containerDefinitions: [{ name: service, image: `example/${service}:1`, memory: 256 }] });
    standin.seedService({ cluster, serviceName: service, taskDefinition: `${service}:1`, desiredCount: 2 });
  }
  return standin;
}

/** A directory holding deploy/services.yml with `text`. */
function servicesFile(text: string, name = 'services.yml'): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-many-'));
  const path = join('deploy', name);
  mkdirSync(join(dir, 'deploy'));
  writeFileSync(join(dir, path), text);
  return { dir, path };
}

/** A container client in `dir` that runs the shell `script`, and nothing else. */
function fakeDocker(dir: string, script: string): string {
  const path = join(dir, 'fake-docker');
  writeFileSync(path, `#!/bin/sh\n${script}`);
  chmodSync(path, 0o755);
  return path;
}

const HEALTHY_FILE = `
defaults:
  cluster: prod
  verify-image: false
  wait-timeout: 30s
services:
  - service: web
    family: web
    image: example/web:2
  - service: api
    family: api
    image: example/api:2
    environment:
      MODE: live
  - cluster: batch
    service: worker
    family: worker
    image: example/worker:2
`;

function deploy(standin: EcsStandin, file: { dir: string; path: string }, args: string[] = [], options: Omit<BundleOptions, 'args' | 'env' | 'cwd'> = {}): Promise<BundleRun> {
  return runBundle({
    args: ['--services-file', file.path, '--json', '--poll-interval', '1s', ...args],
    env: standinEnv(standin),
    cwd: file.dir,
    timeoutMs: KILL_AFTER_MS,
    ...options,
  });
}

interface ResultEntry {
  service: string;
  cluster: string;
  'task-definition-arn': string;
  registered: boolean;
  image: string;
  'deployment-id': string;
  'deployment-status': string;
  reason: string;
}

function resultsOf(run: BundleRun): ResultEntry[] {
  return JSON.parse(outputsOf(run)['results'] ?? '[]') as ResultEntry[];
}

function runsRevision(standin: EcsStandin, cluster: string, service: string): string {
  return String(standin.service(service, cluster)['taskDefinition']);
}

describe.concurrent('a services-file against the ECS stand-in', () => {
  test('a healthy set across two clusters: every service COMPLETED, exit 0, results and a table', async (context) => {
    const standin = await standinWith(context);
    const run = await deploy(standin, servicesFile(HEALTHY_FILE));

    expect(run.code, run.log).toBe(0);
    for (const { cluster, service } of SERVICES) expect(runsRevision(standin, cluster, service)).toBe(arnOf(standin, `${service}:2`));
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('COMPLETED');
    expect(outputs['task-definition-arn']).toBe(['web:2', 'api:2', 'worker:2'].map((revision) => arnOf(standin, revision)).join(','));
    expect(resultsOf(run)).toEqual(
      SERVICES.map(({ cluster, service }) =>
        expect.objectContaining({ service, cluster, 'task-definition-arn': arnOf(standin, `${service}:2`), registered: true, image: `example/${service}:2`, 'deployment-status': 'COMPLETED', reason: '' }),
      ),
    );
    const api = standin.taskDefinitions('api').at(-1) as { containerDefinitions: { environment?: unknown[] }[] };
    expect(api.containerDefinitions[0]?.environment).toEqual([{ name: 'MODE', value: 'live' }]);
    // Each line names its service; the table ends the log.
    expect(run.log).toMatch(/^\[prod\/web\] .*Following deployment/m);
    expect(run.log).toMatch(/^\[batch\/worker\] .*completed/m);
    expect(run.log).toMatch(/^SERVICE +REVISION +OUTCOME +TIME +REASON$/m);
    expect(run.log).toMatch(/^prod\/api +api:2 +COMPLETED +\d+\.\ds$/m);

    // The polls of prod's two services were joined: never more DescribeServices with one name than the others.
    const polls = standin.requests.filter((call) => call.operation === 'DescribeServices' && call.status === 200);
    const prodPolls = polls.filter((call) => call.input?.['cluster'] === 'prod');
    const joined = prodPolls.filter((call) => (call.input?.['services'] as unknown[]).length === 2);
    expect(joined.length, run.log).toBeGreaterThanOrEqual(2);
    for (const call of polls) expect((call.input?.['services'] as unknown[]).length).toBeLessThanOrEqual(10);
  });

  test('one failing service with on-failure continue: the others complete, it is rolled back, exit 1', async (context) => {
    const standin = await standinWith(context);
    standin.setScenario('api', { name: 'failing-no-breaker' }, { cluster: 'prod' });
    const run = await deploy(standin, servicesFile(HEALTHY_FILE.replace('wait-timeout: 30s', 'wait-timeout: 4s')));

    expect(run.code, run.log).toBe(1);
    const results = resultsOf(run);
    expect(results.map((result) => [result.service, result['deployment-status']])).toEqual([
      ['web', 'COMPLETED'],
      ['api', 'ROLLED_BACK'],
      ['worker', 'COMPLETED'],
    ]);
    expect(results[1]?.reason).toMatch(/\(api:2\) failed: \d+ tasks failed to start.*; rolled back to api:1/);
    expect(outputsOf(run)['deployment-status']).toBe('ROLLED_BACK');
    expect(runsRevision(standin, 'prod', 'web')).toBe(arnOf(standin, 'web:2'));
    expect(runsRevision(standin, 'batch', 'worker')).toBe(arnOf(standin, 'worker:2'));
    expect(runsRevision(standin, 'prod', 'api')).toBe(arnOf(standin, 'api:1'));
    // Stopped tasks are read for the service that failed only.
    const listed = standin.requests.filter((call) => call.operation === 'ListTasks').map((call) => call.input?.['serviceName']);
    expect(new Set(listed)).toEqual(new Set(['api']));
  });

  test('on-failure rollback-all: the services that completed go back to their previous revision, and the run waits', async (context) => {
    const standin = await standinWith(context);
    standin.setScenario('api', { name: 'failing-no-breaker' }, { cluster: 'prod' });
    const file = servicesFile(HEALTHY_FILE.replace('wait-timeout: 30s', 'wait-timeout: 4s\n  rollback: false'));
    const run = await deploy(standin, file, ['--on-failure', 'rollback-all']);

    expect(run.code, run.log).toBe(1);
    for (const { cluster, service } of SERVICES) expect(runsRevision(standin, cluster, service), run.log).toBe(arnOf(standin, `${service}:1`));
    // Back and steady: one deployment each, completed, when the run has ended.
    for (const { cluster, service } of SERVICES) {
      const deployments = standin.service(service, cluster)['deployments'] as { rolloutState?: string }[];
      expect(deployments.map((deployment) => deployment.rolloutState), run.log).toEqual(['COMPLETED']);
    }
    expect(resultsOf(run).map((result) => result['deployment-status'])).toEqual(['ROLLED_BACK', 'ROLLED_BACK', 'ROLLED_BACK']);
    expect(run.log).toContain('on-failure rollback-all: prod/api FAILED; putting prod/web, prod/api, batch/worker back');
    expect(run.log).toMatch(/\[prod\/web\] .*rollback-all: a new rolling deployment puts web back on web:1/);
    expect(resultsOf(run)[0]?.reason).toMatch(/put back on web:1 by on-failure rollback-all/);
  });

  test('each distinct image is prepared once; a service waits for its own image only, not for the others\' steps', async (context) => {
    const standin = await standinWith(context);
    const file = servicesFile(`
defaults:
  cluster: prod
  push: false
  wait-timeout: 30s
services:
  - service: web
    family: web
    image: example/shared:2
    source-image: local/shared:build
  - service: api
    family: api
    image: example/shared:2
    source-image: local/shared:build
  - cluster: batch
    service: worker
    family: worker
    image: example/worker:2
    source-image: local/worker:build
`);
    // A container client that only notes what it was asked to do, and when it was done; worker's image is slow.
    const calls = join(file.dir, 'docker-calls');
    const docker = fakeDocker(file.dir, `case "$*" in *worker*) sleep 2;; esac\necho "$(date +%s%3N) $*" >> "${calls}"\n`);

    const run = await deploy(standin, file, ['--docker-command', docker, '--max-parallel-builds', '1']);

    expect(run.code, run.log).toBe(0);
    const tags = readFileSync(calls, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' '))
      .filter(([, command]) => command === 'tag');
    expect(tags.map(([, , ...args]) => args.join(' ')).sort()).toEqual(['local/shared:build docker.io/example/shared:2', 'local/worker:build docker.io/example/worker:2']);
    expect(run.log).toContain('Image example/shared:2 is published once for prod/web, prod/api.');
    const at = (operation: string, field: string, name: string) =>
      standin.requests.filter((call) => call.operation === operation && call.input?.[field] === name).map((call) => call.at)[0] ?? NaN;
    const tagged = (image: string) => Number(tags.find((args) => args.includes(image))?.[0]);
    // Each revision is registered once its own image is ready.
    for (const family of ['web', 'api']) expect(at('RegisterTaskDefinition', 'family', family)).toBeGreaterThanOrEqual(tagged('local/shared:build'));
    expect(at('RegisterTaskDefinition', 'family', 'worker')).toBeGreaterThanOrEqual(tagged('local/worker:build'));
    // web and api do not wait for worker's slow image: both are updated before it is ready.
    for (const service of ['web', 'api']) expect(at('UpdateService', 'service', service), run.log).toBeLessThan(tagged('local/worker:build'));
    expect(resultsOf(run).map((result) => result.image)).toEqual(['example/shared:2', 'example/shared:2', 'example/worker:2']);
  });

  test('a throttled RegisterTaskDefinition holds back its own service only: the others are updated meanwhile', async (context) => {
    const standin = await standinWith(context);
    // The second RegisterTaskDefinition and its first retry are throttled.
    standin.setFaults({ operations: ['RegisterTaskDefinition'], throttleEvery: 2 });
    const run = await deploy(standin, servicesFile(HEALTHY_FILE));

    expect(run.code, run.log).toBe(0);
    const registers = standin.requests.filter((call) => call.operation === 'RegisterTaskDefinition');
    expect(registers.length, run.log).toBeGreaterThanOrEqual(5);
    const lastRegister = Math.max(...registers.map((call) => call.at));
    const updates = standin.requests.filter((call) => call.operation === 'UpdateService').map((call) => call.at);
    expect(updates.filter((at) => at < lastRegister).length, run.log).toBe(2);
  });

  test('a failed migration (run-task-command) is that service\'s failure: it stays as it was, the others go on', async (context) => {
    const standin = await standinWith(context);
    standin.setTaskScript({ runMs: 300, exitCodes: { api: 3 } });
    const run = await deploy(standin, servicesFile(HEALTHY_FILE.replace('    environment:\n', '    run-task-command: bin/migrate\n    environment:\n')));

    expect(run.code, run.log).toBe(1);
    const results = resultsOf(run);
    expect(results.map((result) => [result.service, result['deployment-status']])).toEqual([
      ['web', 'COMPLETED'],
      ['api', 'FAILED'],
      ['worker', 'COMPLETED'],
    ]);
    expect(results[1]?.reason).toMatch(/exit code 3/);
    expect(runsRevision(standin, 'prod', 'api')).toBe(arnOf(standin, 'api:1'));
    expect(standin.requests.filter((call) => call.operation === 'UpdateService').map((call) => call.input?.['service']).sort()).toEqual(['web', 'worker']);
  });

  test('on-failure stop with max-parallel 1: after the first service fails, no further service starts', async (context) => {
    const standin = await standinWith(context);
    standin.setScenario('web', { name: 'failing-no-breaker' }, { cluster: 'prod' });
    const run = await deploy(standin, servicesFile(HEALTHY_FILE), ['--on-failure', 'stop', '--max-parallel', '1']);

    expect(run.code, run.log).toBe(1);
    const results = resultsOf(run);
    expect(results.map((result) => result['deployment-status'])).toEqual(['ROLLED_BACK', 'NOT_STARTED', 'NOT_STARTED']);
    expect(results[1]?.reason).toBe('not started: on-failure is stop and prod/web ROLLED_BACK');
    // web's deployment was still in flight: StopServiceDeployment rolled it back, not a second UpdateService.
    expect(standin.requests.filter((call) => call.operation === 'UpdateService').map((call) => call.input?.['service'])).toEqual(['web']);
    expect(standin.requests.filter((call) => call.operation === 'StopServiceDeployment').map((call) => call.input?.['stopType'])).toEqual(['ROLLBACK']);
    expect(runsRevision(standin, 'prod', 'api')).toBe(arnOf(standin, 'api:1'));
    expect(runsRevision(standin, 'batch', 'worker')).toBe(arnOf(standin, 'worker:1'));
  });

  test('on-failure stop: a service whose image was still being built is not updated after another failed', async (context) => {
    const standin = await standinWith(context);
    standin.setTaskScript({ runMs: 300, exitCodes: { api: 3 } });
    const migrating = HEALTHY_FILE.replace('    environment:\n      MODE: live\n', '    run-task-command: bin/migrate\n');
    const file = servicesFile(`${migrating}    source-image: local/worker:build\n    push: false\n`);
    // worker's image takes longer than api's migration.
    const docker = fakeDocker(file.dir, 'sleep 3\n');
    const run = await deploy(standin, file, ['--docker-command', docker, '--on-failure', 'stop']);

    expect(run.code, run.log).toBe(1);
    const results = resultsOf(run);
    expect(results.map((result) => [result.service, result['deployment-status']]), run.log).toEqual([
      ['web', 'COMPLETED'],
      ['api', 'FAILED'],
      ['worker', 'NOT_STARTED'],
    ]);
    expect(results[2]?.reason).toBe('not started: on-failure is stop and prod/api FAILED');
    expect(standin.requests.filter((call) => call.operation === 'UpdateService').map((call) => call.input?.['service'])).toEqual(['web']);
    expect(runsRevision(standin, 'batch', 'worker')).toBe(arnOf(standin, 'worker:1'));
    // Nor is a revision registered for it.
    expect(standin.taskDefinitions('worker')).toHaveLength(1);
  });

  test('SIGTERM with rollback-on-cancel: every service in flight starts its rollback, then exit 143', async (context) => {
    const standin = await standinWith(context);
    for (const { cluster, service } of SERVICES) standin.setScenario(service, { name: 'never-stabilises' }, { cluster });
    let following = 0;
    const run = await deploy(standin, servicesFile(HEALTHY_FILE.replace('wait-timeout: 30s', 'wait-timeout: 60s')), ['--rollback-on-cancel'], {
      onStart(child) {
        child.stderr?.on('data', (chunk: Buffer) => {
          const before = following;
          following += (chunk.toString().match(/\] Following deployment/g) ?? []).length;
          if (before < SERVICES.length && following >= SERVICES.length) child.kill('SIGTERM');
        });
      },
    });

    expect(run.code, run.log).toBe(143);
    expect(resultsOf(run).map((result) => result['deployment-status'])).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(outputsOf(run)['deployment-status']).toBe('CANCELLED');
    for (const { cluster, service } of SERVICES) {
      expect(run.log).toMatch(new RegExp(`\\[${cluster}/${service}\\] .*the rollback to ${service}:1 started`));
      const updates = standin.requests.filter((call) => call.operation === 'UpdateService' && call.input?.['service'] === service);
      expect(updates.map((call) => call.input?.['taskDefinition'])).toEqual([arnOf(standin, `${service}:2`), arnOf(standin, `${service}:1`)]);
    }
  });

  test('dry-run prints the plan of every entry and changes nothing', async (context) => {
    const standin = await standinWith(context);
    const run = await deploy(standin, servicesFile(HEALTHY_FILE), ['--dry-run']);

    expect(run.code, run.log).toBe(0);
    for (const { service } of SERVICES) {
      expect(run.log).toMatch(new RegExp(`^\\[[a-z]+/${service}\\] Rendered task definition`, 'm'));
      expect(standin.taskDefinitions(service)).toHaveLength(1);
    }
    expect(standin.calls['UpdateService'] ?? 0).toBe(0);
    expect(standin.calls['RegisterTaskDefinition'] ?? 0).toBe(0);
    expect(run.log).toContain('Dry run of 3 services done');
  });

  test.for([
    ['an unknown key, with a did-you-mean', '    imgae: example/api:2\n', /entry 2 \(api\): unknown input "imgae"; did you mean image\?/],
    ['a run-wide input inside an entry', '    region: eu-west-1\n', /entry 2 \(api\): region holds for the whole run/],
    ['a second entry for the same service', '  - service: web\n    family: web\n', /entry 4 \(web\): service web in cluster prod is already deployed by entry 1/],
  ] as const)('a wrong entry (%s) exits 2 and changes nothing', async ([, lines, message], context) => {
    const standin = await standinWith(context);
    const text = lines.startsWith('  - ') ? `${HEALTHY_FILE}${lines}` : HEALTHY_FILE.replace('    environment:\n', `${lines}    environment:\n`);
    const run = await deploy(standin, servicesFile(text));

    expect(run.code, run.log).toBe(2);
    expect(run.log).toMatch(message);
    expect(standin.calls['UpdateService'] ?? 0).toBe(0);
    expect(standin.calls['RegisterTaskDefinition'] ?? 0).toBe(0);
  });

  test('an entry whose service does not exist fails the preflight of the run: nothing changes, exit 2', async (context) => {
    const standin = await standinWith(context);
    const run = await deploy(standin, servicesFile(HEALTHY_FILE.replace('service: worker', 'service: wroker')));

    expect(run.code, run.log).toBe(2);
    expect(run.log).toMatch(/entry 3 \(wroker\): /);
    expect(standin.calls['UpdateService'] ?? 0).toBe(0);
    expect(standin.calls['RegisterTaskDefinition'] ?? 0).toBe(0);
  });

  test('a JSON services-file works the same, and the run-wide inputs come from flags', async (context) => {
    const standin = await standinWith(context);
    const json = JSON.stringify({
      defaults: { cluster: 'prod', 'verify-image': false },
      services: [
        { service: 'web', family: 'web', image: 'example/web:3' },
        { service: 'api', family: 'api', image: 'example/api:3' },
      ],
    });
    const run = await deploy(standin, servicesFile(json, 'services.json'), ['--max-parallel', '1']);

    expect(run.code, run.log).toBe(0);
    expect(runsRevision(standin, 'prod', 'web')).toBe(arnOf(standin, 'web:2'));
    expect(runsRevision(standin, 'prod', 'api')).toBe(arnOf(standin, 'api:2'));
    // One at a time: api's update comes after web's rollout ended.
    const updates = standin.requests.filter((call) => call.operation === 'UpdateService');
    expect(updates.map((call) => call.input?.['service'])).toEqual(['web', 'api']);
    // The stand-in completes a rollout rolloutMs after its update, so api's update cannot come earlier.
    expect((updates[1]?.at ?? 0) - (updates[0]?.at ?? 0)).toBeGreaterThanOrEqual(SHORT_TIMING.rolloutMs ?? 0);
  });
});
