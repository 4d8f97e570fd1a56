// keep-revisions against moto with the family used in two clusters: prod/web runs web:1, staging/web runs web:2.
// A revision any service of the account and region runs is never deregistered, whichever cluster the run deploys to,
// and also in a register-only run (issue 8, section 5).
import type { ECSClient } from '@aws-sdk/client-ecs';
import { ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { awsEnv, createCluster, createService, ecsClient, registerTaskDefinition } from '../support/moto-ecs.js';
import { type MotoServer, motoMissing, startMoto } from '../support/moto-server.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';

const skip = motoMissing();

describe.skipIf(skip)('keep-revisions with the family in two clusters', () => {
  let moto: MotoServer;
  let ecs: ECSClient;

  beforeAll(async () => {
    moto = await startMoto({ MOTO_ECS_SERVICE_RUNNING: '1' });
    ecs = ecsClient(moto.url);
  });
  afterAll(async () => moto?.stop());
  beforeEach(async () => {
    await moto.reset();
    const revision = (image: string) =>
      registerTaskDefinition(ecs, { family: 'web', containerDefinitions: [{ name: 'web', image, memory: 256 }] });
    const web1 = await revision('nginx:1.24');
    const web2 = await revision('nginx:1.25');
    // The account's default cluster exists, as it does in most accounts, without a service of this family.
    await createCluster(ecs, 'default');
    await createCluster(ecs, 'prod');
    await createCluster(ecs, 'staging');
    await createService(ecs, { cluster: 'prod', serviceName: 'web', taskDefinition: web1 });
    await createService(ecs, { cluster: 'staging', serviceName: 'web', taskDefinition: web2 });
  });

  const run = (args: string[]): Promise<BundleRun> =>
    runBundle({
      args: ['--family', 'web', '--verify-image', 'false', '--json', '--poll-interval', '1s', '--wait-timeout', '20s', ...args],
      env: awsEnv(moto.url),
    });
  const outputsOf = (result: BundleRun): Record<string, string> => JSON.parse(result.stdout) as Record<string, string>;

  async function active(): Promise<string[]> {
    const answer = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web', status: 'ACTIVE' }));
    return (answer.taskDefinitionArns ?? []).map((arn) => arn.slice(arn.lastIndexOf('/') + 1)).sort();
  }

  test('a deploy to staging with keep-revisions 1 keeps web:1, which prod runs', async () => {
    const result = await run(['--cluster', 'staging', '--service', 'web', '--image', 'nginx:1.26', '--keep-revisions', '1']);

    expect(result.code, result.log).toBe(0);
    const outputs = outputsOf(result);
    expect(outputs, result.log).toMatchObject({ 'deployment-status': 'COMPLETED', 'task-definition-revision': '3' });
    expect(outputs['deregistered']?.split(',') ?? [], result.log).not.toContain('web:1');
    expect(await active()).toEqual(expect.arrayContaining(['web:1', 'web:3']));
  });

  test('a register-only run with keep-revisions 1 keeps web:1 and web:2, which the two clusters run', async () => {
    const result = await run(['--image', 'nginx:1.27', '--keep-revisions', '1']);

    expect(result.code, result.log).toBe(0);
    const outputs = outputsOf(result);
    expect(outputs, result.log).toMatchObject({ registered: 'true', 'task-definition-revision': '3' });
    expect(outputs['deregistered'] ?? '', result.log).toBe('');
    expect(await active()).toEqual(['web:1', 'web:2', 'web:3']);
  });
});
