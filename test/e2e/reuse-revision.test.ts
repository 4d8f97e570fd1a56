// Deploying the previous good image again after a rollback reuses the revision the service went back to, even
// though the family's latest ACTIVE revision is the failed one: no second, identical revision is registered.
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { beforeEach, describe, expect, test } from 'vitest';
import { motoMissing } from '../support/moto-server.js';
import { motoSuite } from '../support/moto-suite.js';
import { awsEnv, createCluster, createService, describeService, registerTaskDefinition, revisionsOf } from '../support/moto-ecs.js';
import { runBundle } from '../support/run-bundle.js';

const revision = (image: string, extra: string): RegisterTaskDefinitionCommandInput => ({
  family: 'web',
  containerDefinitions: [{ name: 'web', image, memory: 256, environment: [{ name: 'BUILD', value: extra }] }],
});

describe.skipIf(motoMissing())('an unchanged render reuses an identical older revision', () => {
  const suite = motoSuite({ MOTO_ECS_SERVICE_RUNNING: '1' });
  const arns: string[] = [];

  beforeEach(async () => {
    await createCluster(suite.ecs, 'default');
    arns.length = 0;
    // web:1 and web:2 are older builds; web:3 is the good one the service went back to; web:4 the failed one.
    for (const [image, build] of [['nginx:1.20', 'a'], ['nginx:1.22', 'a'], ['nginx:1.24', 'a'], ['nginx:1.25', 'a']] as const) {
      arns.push(await registerTaskDefinition(suite.ecs, revision(image, build)));
    }
    await createService(suite.ecs, { cluster: 'default', serviceName: 'web', taskDefinition: arns[2] ?? '', desiredCount: 1 });
  });

  const deploy = (image: string, more: string[] = []) =>
    runBundle({ args: ['--service', 'web', '--family', 'web', '--image', image, '--wait', 'false', ...more], env: awsEnv(suite.moto.url) });

  test('the revision the service runs, which is not the latest: reused, nothing registered', async () => {
    const run = await deploy('nginx:1.24');
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('Task definition unchanged: reusing web:3, registering nothing.');
    expect(await revisionsOf(suite.ecs, 'web')).toEqual(arns);
    expect((await describeService(suite.ecs, 'default', 'web'))?.taskDefinition).toBe(arns[2]);
  });

  test('an older revision among the newest few, neither latest nor running: reused', async () => {
    const run = await deploy('nginx:1.22');
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('Task definition unchanged: reusing web:2, registering nothing.');
    expect(await revisionsOf(suite.ecs, 'web')).toEqual(arns);
    expect((await describeService(suite.ecs, 'default', 'web'))?.taskDefinition).toBe(arns[1]);
  });

  test('the dry run says the same', async () => {
    const run = await deploy('nginx:1.24', ['--dry-run']);
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('Would reuse web:3 (unchanged); would register nothing.');
  });

  test('a new image still registers, and register: always always does', async () => {
    const fresh = await deploy('nginx:1.27');
    expect(fresh.code, fresh.log).toBe(0);
    expect(await revisionsOf(suite.ecs, 'web')).toHaveLength(5);
    const always = await deploy('nginx:1.24', ['--register', 'always']);
    expect(always.code, always.log).toBe(0);
    expect(await revisionsOf(suite.ecs, 'web')).toHaveLength(6);
  });
});
