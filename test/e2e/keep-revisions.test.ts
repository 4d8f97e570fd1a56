// keep-revisions (issue 8, section 5), with the family used in two clusters (prod/web runs web:1, staging/web runs
// web:2): a revision any service of the account and region runs is never deregistered, whichever cluster the run
// deploys to, and also in a register-only run. keep-revisions runs only after a rollout the run waited for ended
// COMPLETED, so the deploy runs against the ECS stand-in, which plays the rollout (moto's UpdateService starts no
// deployment on the new revision); the register-only run needs no rollout and runs against moto. Against the
// stand-in through the fault proxy: when the services cannot be listed, the run did not wait for its rollout, or
// it was cancelled, nothing is deregistered.
import { ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs';
import { type TestContext, beforeEach, describe, expect, test } from 'vitest';
import type { EcsStandin } from '../standin/index.js';
import { type Rig, faultRig } from '../support/fault-rig.js';
import { awsEnv, createCluster, createService, ecsClient, registerTaskDefinition } from '../support/moto-ecs.js';
import { motoMissing } from '../support/moto-server.js';
import { motoSuite } from '../support/moto-suite.js';
import { type BundleOptions, type BundleRun, runBundle } from '../support/run-bundle.js';
import { standinEnv, standinForTest } from '../support/standin-e2e.js';

const skip = motoMissing();

describe.skipIf(skip)('keep-revisions with the family in two clusters', () => {
  const suite = motoSuite({ MOTO_ECS_SERVICE_RUNNING: '1' });

  beforeEach(async () => {
    const revision = (image: string) =>
      registerTaskDefinition(suite.ecs, { family: 'web', containerDefinitions: [{ name: 'web', image, memory: 256 }] });
    const web1 = await revision('nginx:1.24');
    const web2 = await revision('nginx:1.25');
    // The account's default cluster exists, as it does in most accounts, without a service of this family.
    await createCluster(suite.ecs, 'default');
    await createCluster(suite.ecs, 'prod');
    await createCluster(suite.ecs, 'staging');
    await createService(suite.ecs, { cluster: 'prod', serviceName: 'web', taskDefinition: web1 });
    await createService(suite.ecs, { cluster: 'staging', serviceName: 'web', taskDefinition: web2 });
  });

  const run = (args: string[]): Promise<BundleRun> =>
    runBundle({
      args: ['--family', 'web', '--verify-image', 'false', '--json', '--poll-interval', '1s', '--wait-timeout', '20s', ...args],
      env: awsEnv(suite.moto.url),
    });
  const outputsOf = (result: BundleRun): Record<string, string> => JSON.parse(result.stdout) as Record<string, string>;

  async function active(): Promise<string[]> {
    const answer = await suite.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web', status: 'ACTIVE' }));
    return (answer.taskDefinitionArns ?? []).map((arn) => arn.slice(arn.lastIndexOf('/') + 1)).sort();
  }

  test('a register-only run with keep-revisions 1 keeps web:1 and web:2, which the two clusters run', async () => {
    const result = await run(['--image', 'nginx:1.27', '--keep-revisions', '1']);

    expect(result.code, result.log).toBe(0);
    const outputs = outputsOf(result);
    expect(outputs, result.log).toMatchObject({ registered: 'true', 'task-definition-revision': '3' });
    expect(outputs['deregistered'] ?? '', result.log).toBe('');
    expect(await active()).toEqual(['web:1', 'web:2', 'web:3']);
  });
});

describe('keep-revisions after a deploy that completes, with the family in two clusters', () => {
  test('a deploy to staging with keep-revisions 1 keeps web:1, which prod runs', async (context) => {
    const standin = await standinForTest(context, { timing: { rolloutMs: 1500, taskLifetimeMs: 300 } });
    standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
    standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.25', memory: 256 }] });
    // The account's default cluster exists, as it does in most accounts, without a service of this family.
    standin.seedCluster('default');
    standin.seedService({ cluster: 'prod', serviceName: 'web', taskDefinition: 'web:1' });
    standin.seedService({ cluster: 'staging', serviceName: 'web', taskDefinition: 'web:2' });

    const result = await runBundle({
      args: [
        ...['--family', 'web', '--verify-image', 'false', '--json', '--poll-interval', '1s', '--wait-timeout', '20s'],
        ...['--cluster', 'staging', '--service', 'web', '--image', 'nginx:1.26', '--keep-revisions', '1'],
      ],
      env: standinEnv(standin),
      timeoutMs: 40_000,
    });

    expect(result.code, result.log).toBe(0);
    const outputs = JSON.parse(result.stdout) as Record<string, string>;
    // web:3 is the newest, prod runs web:1, and web:2 is what staging would roll back to.
    expect(outputs, result.log).toMatchObject({ 'deployment-status': 'COMPLETED', 'task-definition-revision': '3', deregistered: '' });
    expect(result.log).toContain('keep-revisions: nothing to deregister beyond the newest 1 and the revisions in use.');
    const listed = standin.requests.filter((call) => call.operation === 'ListServices' && call.status === 200).map((call) => call.input?.['cluster']);
    expect(listed).toEqual(expect.arrayContaining([expect.stringMatching(/prod$/), expect.stringMatching(/default$/)]));
    expect(standin.calls['DeregisterTaskDefinition'] ?? 0).toBe(0);
    const statuses = Object.fromEntries(standin.taskDefinitions('web').map((described) => [`web:${String(described['revision'])}`, described['status']]));
    expect(statuses).toEqual({ 'web:1': 'ACTIVE', 'web:2': 'ACTIVE', 'web:3': 'ACTIVE' });
  });
});

describe.concurrent('keep-revisions deregisters nothing when it cannot be sure', () => {
  /** web:1..web:4 registered, service web steady on web:4; the proxy in front of the stand-in. */
  async function rig(context: TestContext): Promise<Rig> {
    const rigged = await faultRig(context, { timing: { rolloutMs: 1500 } });
    for (let revision = 1; revision <= 4; revision++) {
      rigged.standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: `nginx:1.2${revision}`, memory: 256 }] });
    }
    rigged.standin.seedService({ serviceName: 'web', taskDefinition: 'web:4', desiredCount: 2 });
    return rigged;
  }

  const deploy = ({ standin, proxy }: Rig, args: string[], options: Pick<BundleOptions, 'onStart'> = {}): Promise<BundleRun> =>
    runBundle({
      args: [
        ...['--family', 'web', '--image', 'nginx:1.30', '--verify-image', 'false', '--keep-revisions', '1'],
        ...['--json', '--poll-interval', '1s', '--wait-timeout', '20s', ...args],
      ],
      env: standinEnv(standin, { url: proxy.url }),
      timeoutMs: 40_000,
      ...options,
    });

  async function active(standin: EcsStandin): Promise<string[]> {
    const answer = await ecsClient(standin.url).send(new ListTaskDefinitionsCommand({ familyPrefix: 'web', status: 'ACTIVE', sort: 'ASC' }));
    return (answer.taskDefinitionArns ?? []).map((arn) => arn.slice(arn.lastIndexOf('/') + 1));
  }

  test('clusters or services throttled out: the deploy COMPLETES, nothing is deregistered, one warning says so', async (context) => {
    const setup = await rig(context);
    for (const operation of ['ListClusters', 'ListServices']) {
      setup.proxy.inject({ operation, fault: 'status', status: 400, errorType: 'ThrottlingException', when: 'always' });
    }

    const result = await deploy(setup, ['--service', 'web']);

    expect(result.code, result.log).toBe(0);
    expect(JSON.parse(result.stdout), result.log).toMatchObject({ 'deployment-status': 'COMPLETED', deregistered: '' });
    expect(setup.proxy.forwarded('DeregisterTaskDefinition')).toBe(0);
    expect(await active(setup.standin)).toEqual(['web:1', 'web:2', 'web:3', 'web:4', 'web:5']);
    const warnings = result.log.split('\n').filter((line) => /^warning:.*(keep-revisions|deregist)/i.test(line));
    expect(warnings, result.log).toHaveLength(1);
  });

  test('with --wait false: nothing is deregistered, since the rollout may still fail back to an older revision', async (context) => {
    const setup = await rig(context);

    const result = await deploy(setup, ['--service', 'web', '--wait', 'false']);

    expect(result.code, result.log).toBe(0);
    expect(JSON.parse(result.stdout), result.log).toMatchObject({ deregistered: '' });
    expect(setup.proxy.forwarded('DeregisterTaskDefinition')).toBe(0);
    expect(await active(setup.standin)).toEqual(['web:1', 'web:2', 'web:3', 'web:4', 'web:5']);
  });

  test('SIGTERM while a register-only run registers: exit 143, and keep-revisions does not start', async (context) => {
    const setup = await rig(context);
    // The register reaches ECS and is answered, but slowly: the signal lands while it is in flight.
    setup.standin.setFaults({ latencyMs: 1500, operations: ['RegisterTaskDefinition'] });
    let poller: NodeJS.Timeout | undefined;

    const result = await deploy(setup, [], {
      onStart(child) {
        poller = setInterval(() => {
          if (!setup.proxy.calls.some((call) => call.operation === 'RegisterTaskDefinition')) return;
          clearInterval(poller);
          setTimeout(() => child.kill('SIGTERM'), 200);
        }, 20);
      },
    });
    clearInterval(poller);

    expect(result.code, result.log).toBe(143);
    expect(setup.proxy.forwarded('DeregisterTaskDefinition'), result.log).toBe(0);
    expect(result.log.split('\n').filter((line) => line.startsWith('Done'))).toEqual([]);
    expect(await active(setup.standin)).toEqual(expect.arrayContaining(['web:1', 'web:2', 'web:3', 'web:4']));
  });
});
