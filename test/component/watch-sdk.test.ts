// The watcher against the real EcsApi over a mocked ECSClient: the SDK's commands and shapes line up with the fakes.
import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ECSServiceException,
  ListTasksCommand,
  ServerException,
  UpdateServiceCommand,
  type Deployment,
  type Service,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ecsApi } from '../../src/aws/ecs.js';
import { watchRolling } from '../../src/watch/watch-rollout.js';
import { EPOCH, FakeClock, RecordingReporter, deployment, options, sdArn, target, td } from './watch-fakes.js';

const ecsMock = mockClient(ECSClient);
const client = new ECSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' } });

beforeEach(() => ecsMock.reset());
afterEach(() => ecsMock.reset());

function service(deployments: Deployment[]): Service {
  return {
    serviceName: 'web',
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: deployments.reduce((sum, d) => sum + (d.runningCount ?? 0), 0),
    taskDefinition: deployments[0]?.taskDefinition,
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
    deployments,
    events: [],
  };
}

describe('watchRolling over the AWS SDK', () => {
  test('circuit breaker without rollback, on an endpoint without the service-deployment API: we roll back', async () => {
    const clock = new FakeClock();
    let rollbackAt: number | undefined;
    const old = deployment({ id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: td(1), runningCount: 2, rolloutState: 'COMPLETED' });
    ecsMock.on(DescribeServicesCommand).callsFake(() => {
      const t = clock.elapsed;
      if (rollbackAt !== undefined && t >= rollbackAt + 4_000) {
        return { services: [service([deployment({ id: 'ecs-svc/3', taskDefinition: td(1), runningCount: 2, rolloutState: 'COMPLETED' })])] };
      }
      if (rollbackAt !== undefined) {
        return { services: [service([deployment({ id: 'ecs-svc/3', taskDefinition: td(1) }), { ...old }])] };
      }
      const failed = t >= 5_000;
      const ours = deployment({
        id: 'ecs-svc/2',
        failedTasks: failed ? 3 : 1,
        ...(failed ? { rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' } : {}),
      });
      return { services: [service([ours, old])] };
    });
    ecsMock.on(DescribeServiceDeploymentsCommand).rejects(new ServerException({ message: 'not yet implemented', $metadata: { httpStatusCode: 500 } }));
    ecsMock.on(ListTasksCommand).resolves({ taskArns: ['arn:aws:ecs:eu-west-1:1:task/prod/t1', 'arn:aws:ecs:eu-west-1:1:task/prod/t0'] });
    ecsMock.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: 'arn:aws:ecs:eu-west-1:1:task/prod/t1',
          startedBy: 'ecs-svc/2',
          stoppedReason: 'Essential container in task exited',
          stopCode: 'EssentialContainerExited',
          stoppedAt: new Date(EPOCH + 3_000),
          containers: [{ name: 'app', exitCode: 1 }],
        },
        { taskArn: 'arn:aws:ecs:eu-west-1:1:task/prod/t0', startedBy: 'ecs-svc/1', stoppedReason: 'Scaling activity' },
      ],
    });
    ecsMock.on(UpdateServiceCommand).callsFake(() => {
      rollbackAt = clock.elapsed;
      return {
        service: { ...service([deployment({ id: 'ecs-svc/3', taskDefinition: td(1) }), old]), currentServiceDeployment: sdArn(3) },
      };
    });
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs: ecsApi(client), clock, reporter }, target({ serviceDeploymentArn: sdArn(2) }), options());

    expect(outcome).toMatchObject({ status: 'ROLLED_BACK', rolledBackTo: 'web:1' });
    expect(ecsMock.commandCalls(DescribeServicesCommand)[0]?.args[0].input).toEqual({ cluster: 'prod', services: ['web'] });
    expect(ecsMock.commandCalls(DescribeServiceDeploymentsCommand).map((call) => call.args[0].input)).toEqual([
      { serviceDeploymentArns: [sdArn(2)] },
    ]);
    expect(ecsMock.commandCalls(ListTasksCommand).map((call) => call.args[0].input)).toEqual([
      { cluster: 'prod', serviceName: 'web', desiredStatus: 'STOPPED' },
    ]);
    expect(ecsMock.commandCalls(DescribeTasksCommand)[0]?.args[0].input).toEqual({
      cluster: 'prod',
      tasks: ['arn:aws:ecs:eu-west-1:1:task/prod/t1', 'arn:aws:ecs:eu-west-1:1:task/prod/t0'],
    });
    expect(ecsMock.commandCalls(UpdateServiceCommand).map((call) => call.args[0].input)).toEqual([
      { cluster: 'prod', service: 'web', taskDefinition: td(1), desiredCount: 2 },
    ]);
    expect(outcome.failure?.stoppedTasks).toEqual([
      {
        taskArn: 'arn:aws:ecs:eu-west-1:1:task/prod/t1',
        stoppedReason: 'Essential container in task exited',
        stopCode: 'EssentialContainerExited',
        containers: [{ name: 'app', exitCode: 1 }],
      },
    ]);
  });

  test('the service-deployment API, and SDK throttling errors that slow the polling', async () => {
    const clock = new FakeClock();
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [service([deployment({ id: 'ecs-svc/2' })])] })
      .rejectsOnce(
        new ECSServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Rate exceeded' }),
      )
      .resolves({ services: [service([deployment({ id: 'ecs-svc/2', runningCount: 1 })])] });
    ecsMock.on(DescribeServiceDeploymentsCommand).callsFake(() => ({
      serviceDeployments: [
        {
          serviceDeploymentArn: sdArn(2),
          status: clock.elapsed >= 7_000 ? 'SUCCESSFUL' : 'IN_PROGRESS',
          createdAt: new Date(EPOCH),
          deploymentCircuitBreaker: { status: 'MONITORING', failureCount: 0, threshold: 3 },
        },
      ],
    }));
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs: ecsApi(client), clock, reporter }, target({ serviceDeploymentArn: sdArn(2) }), options());

    expect(outcome.status).toBe('COMPLETED');
    expect(clock.sleeps.slice(0, 2)).toEqual([2_000, 4_000]);
    expect(clock.elapsed).toBe(8_000);
    expect(reporter.count('ECS is throttling (ThrottlingException: Rate exceeded)')).toBe(1);
  });
});
