// rollback with nothing in flight deploys the earlier revision with UpdateService, and a cancel that lands while a
// run's update is on its way undoes it with UpdateService back: both under the one discipline of aws/change.ts,
// so a throttled call is sent again instead of failing the rollback.
import { DescribeServicesCommand, ECSClient, ECSServiceException, UpdateServiceCommand, type Service } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, test } from 'vitest';
import type { AwsSession } from '../../src/aws/clients.js';
import { ecsApi } from '../../src/aws/ecs.js';
import { systemClock } from '../../src/clock.js';
import type { Inputs } from '../../src/inputs/parse.js';
import { updateServiceBack } from '../../src/rollout/roll-back.js';
import { undoCancelledUpdate } from '../../src/watch/undo-cancelled-update.js';
import { FakeClock, RecordingReporter, td } from './watch-fakes.js';

const ecsMock = mockClient(ECSClient);
const ecs = ecsApi(new ECSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }));
const throttled = () => new ECSServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Rate exceeded' });

const running = (revision: number, deploymentId: string): Service => ({
  serviceName: 'web',
  status: 'ACTIVE',
  taskDefinition: td(revision),
  desiredCount: 2,
  deployments: [{ id: deploymentId, status: 'PRIMARY', taskDefinition: td(revision), rolloutState: 'IN_PROGRESS' }],
});

/** UpdateService throttled once, then answered with a new primary deployment of `to`. */
function throttledOnce(to: number): string[] {
  const sent: string[] = [];
  ecsMock.on(UpdateServiceCommand).callsFake((input: { taskDefinition?: string }) => {
    sent.push(input.taskDefinition ?? '');
    if (sent.length === 1) throw throttled();
    return { service: running(to, 'ecs-svc/back') };
  });
  return sent;
}

beforeEach(() => ecsMock.reset());

describe('the UpdateService a rollback sends', () => {
  test('rollback with nothing in flight: a throttled UpdateService is sent again and the rollback goes on', async () => {
    const sent = throttledOnce(1);
    const clock = new FakeClock();
    const deps = { session: { ecs, region: 'eu-west-1' } as unknown as AwsSession, reporter: new RecordingReporter(), clock, cancel: new AbortController().signal };
    const inputs = { cluster: 'default', service: 'web' } as Inputs;

    const target = await updateServiceBack.start(deps, { inputs, service: running(2, 'ecs-svc/now') }, td(1));

    expect(sent).toEqual([td(1), td(1)]);
    expect(target).toMatchObject({ taskDefinitionArn: td(1), deploymentId: 'ecs-svc/back', previous: { taskDefinitionArn: td(2), desiredCount: 2 } });
  });

  test('a cancelled update that went through is undone by UpdateService back, sent again when throttled', async () => {
    const sent = throttledOnce(1);
    ecsMock.on(DescribeServicesCommand).resolves({ services: [running(2, 'ecs-svc/new')] });
    const reporter = new RecordingReporter();
    const before = running(1, 'ecs-svc/old');

    await undoCancelledUpdate(
      ecs,
      { cluster: 'default', region: 'eu-west-1', service: 'web', before, taskDefinitionArn: td(2), stopsServiceDeployment: false },
      // The real clock: the undo's cap and the resend's backoff race in time, which the fake clock does not model.
      { reporter, clock: systemClock },
    );

    expect(sent).toEqual([td(1), td(1)]);
    expect(reporter.text).toContain('the rollback to web:1 started (ECS answered the UpdateService)');
  });
});
