// A services-file whose entries share a task definition family, against the ECS stand-in: one registration per
// distinct revision, keep-revisions only once every service of the family has ended, and a wide run without
// listener warnings.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, startEcsStandin } from '../standin/index.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';

async function standinWith(context: TestContext): Promise<EcsStandin> {
  const standin = await startEcsStandin({ timing: { rolloutMs: 1200, taskLifetimeMs: 300, retryDelayMs: 100, maxRetryDelayMs: 600, rollbackMs: 800 } });
  context.onTestFinished(() => standin.close());
  return standin;
}

function deploy(standin: EcsStandin, file: object, args: string[] = []): Promise<BundleRun> {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-families-'));
  writeFileSync(join(dir, 'services.json'), JSON.stringify(file));
  return runBundle({
    args: ['--services-file', 'services.json', '--json', '--poll-interval', '1s', ...args],
    env: { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
    cwd: dir,
    timeoutMs: 60_000,
  });
}

function statuses(run: BundleRun): string[] {
  const results = JSON.parse((JSON.parse(run.stdout) as Record<string, string>)['results'] ?? '[]') as { 'deployment-status': string }[];
  return results.map((result) => result['deployment-status']);
}

function revisions(standin: EcsStandin, family: string, status: string): string[] {
  return standin
    .taskDefinitions(family)
    .filter((revision) => revision['status'] === status)
    .map((revision) => `${family}:${String(revision['revision'])}`);
}

describe.concurrent('services of one run that share a family', () => {
  test('keep-revisions 1, max-parallel 1, three services on one family: none loses its revision, old ones go at the end', async (context) => {
    const standin = await standinWith(context);
    standin.seedCluster('prod');
    // shared:1 runs nowhere; shared:2 is what the three services run.
    standin.seedTaskDefinition({ family: 'shared', containerDefinitions: [{ name: 'app', image: 'example/app:1', memory: 256 }] });
    standin.seedTaskDefinition({ family: 'shared', containerDefinitions: [{ name: 'app', image: 'example/app:2', memory: 256 }] });
    for (const service of ['a', 'b', 'c']) standin.seedService({ cluster: 'prod', serviceName: service, taskDefinition: 'shared:2', desiredCount: 1 });

    const run = await deploy(
      standin,
      {
        defaults: { cluster: 'prod', family: 'shared', 'verify-image': false, 'keep-revisions': 1 },
        services: [
          { service: 'a', image: 'example/app:3' },
          { service: 'b', image: 'example/app:4' },
          { service: 'c', image: 'example/app:5' },
        ],
      },
      ['--max-parallel', '1'],
    );

    expect(run.code, run.log).toBe(0);
    expect(statuses(run)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    for (const [service, revision] of [['a', 3], ['b', 4], ['c', 5]] as const) {
      expect(String(standin.service(service, 'prod')['taskDefinition'])).toMatch(new RegExp(`task-definition/shared:${revision}$`));
    }
    // Every revision the run registered, and the one the services ran before, stay; only shared:1 goes.
    expect(revisions(standin, 'shared', 'ACTIVE')).toEqual(['shared:2', 'shared:3', 'shared:4', 'shared:5']);
    expect(revisions(standin, 'shared', 'INACTIVE')).toEqual(['shared:1']);
    // Once, after the last service's rollout.
    const deregisters = standin.requests.filter((call) => call.operation === 'DeregisterTaskDefinition');
    const lastUpdate = Math.max(...standin.requests.filter((call) => call.operation === 'UpdateService').map((call) => call.at));
    expect(deregisters).toHaveLength(1);
    expect(deregisters[0]?.at).toBeGreaterThan(lastUpdate);
    expect(run.log).toContain('keep-revisions shared: deregistered shared:1.');
  });

  test('the same service in two clusters with the same image registers one revision', async (context) => {
    const standin = await standinWith(context);
    standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'example/web:1', memory: 256 }] });
    for (const cluster of ['prod', 'staging']) {
      standin.seedCluster(cluster);
      standin.seedService({ cluster, serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1 });
    }

    const run = await deploy(standin, {
      defaults: { service: 'web', family: 'web', image: 'example/web:2', 'verify-image': false },
      services: [{ cluster: 'prod' }, { cluster: 'staging' }],
    });

    expect(run.code, run.log).toBe(0);
    expect(standin.calls['RegisterTaskDefinition']).toBe(1);
    expect(revisions(standin, 'web', 'ACTIVE')).toEqual(['web:1', 'web:2']);
    for (const cluster of ['prod', 'staging']) expect(String(standin.service('web', cluster)['taskDefinition'])).toMatch(/task-definition\/web:2$/);
    expect(run.log).toMatch(/\[(prod|staging)\/web\] Using web:2, registered once in this run for (prod|staging)\/web and this service alike\./);
  });

  test('twelve services in one run print no listener warning', async (context) => {
    const standin = await standinWith(context);
    standin.seedCluster('prod');
    const names = Array.from({ length: 12 }, (_, i) => `svc${i}`);
    for (const name of names) {
      standin.seedTaskDefinition({ family: name, containerDefinitions: [{ name, image: 'example/app:1', memory: 256 }] });
      standin.seedService({ cluster: 'prod', serviceName: name, taskDefinition: `${name}:1`, desiredCount: 1 });
    }

    const run = await deploy(standin, { defaults: { cluster: 'prod', image: 'example/app:2', 'verify-image': false }, services: names.map((name) => ({ service: name, family: name })) });

    expect(run.code, run.log).toBe(0);
    expect(run.log).not.toMatch(/MaxListenersExceeded|memory leak/);
  });
});
