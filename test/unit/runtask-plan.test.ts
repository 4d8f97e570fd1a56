import type { RunTaskCommandInput, Service } from '@aws-sdk/client-ecs';
import { expect, test } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { InputError } from '../../src/errors.js';
import { RUN_TASK_DEFAULTS, type RunTaskOptions } from '../../src/runtask/options.js';
import { describeRunTaskPlan, planRunTask, runTaskRequestFor } from '../../src/runtask/plan.js';
import type { RunTaskResult } from '../../src/runtask/run-task.js';
import { runPlannedTask, runTaskError } from '../../src/runtask/step.js';

function options(overrides: Partial<RunTaskOptions> = {}): RunTaskOptions {
  return { useOwnCommand: false, subnets: [], securityGroups: [], tags: [], ...RUN_TASK_DEFAULTS, ...overrides };
}

const service: Service = {
  serviceName: 'web',
  launchType: 'FARGATE',
  platformVersion: 'LATEST',
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-web'], assignPublicIp: 'DISABLED' } },
};
const taskDefinition = { networkMode: 'awsvpc', containerDefinitions: [{ name: 'web', essential: true }, { name: 'envoy', essential: true }] };
const ARN = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:8';

test('no task asked: no plan, and stray run-task inputs are still refused', () => {
  expect(planRunTask({ options: options(), cluster: 'prod', service, taskDefinition, defaultContainer: 'web' })).toBeUndefined();
  expect(() => planRunTask({ options: options({ subnets: ['s'] }), cluster: 'prod', service, taskDefinition })).toThrow(InputError);
});

test('a migration before the rollout: the service’s placement, the image container’s command, the new revision', () => {
  const plan = planRunTask({
    options: options({ command: ['npm', 'run', 'migrate'] }),
    cluster: 'prod',
    service,
    taskDefinition,
    defaultContainer: 'web',
  });
  expect(plan).toBeDefined();
  expect(runTaskRequestFor(plan!, ARN, 'token-9')).toEqual({
    cluster: 'prod',
    taskDefinition: ARN,
    count: 1,
    startedBy: 'ecs-deliver',
    clientToken: 'token-9',
    overrides: { containerOverrides: [{ name: 'web', command: ['npm', 'run', 'migrate'] }] },
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    networkConfiguration: service.networkConfiguration,
  });
  expect(describeRunTaskPlan(plan!, 'web:8')).toEqual([
    'Would run one task of web:8 in cluster prod, started by ecs-deliver',
    '  command: container web runs npm run migrate',
    '  where: launch type FARGATE; platform LATEST; subnets subnet-a; security groups sg-web; public IP off',
    '  then: wait up to 30m for it to stop; go on only when web exits with exit code 0',
  ]);
});

test('a run-only task with one container chooses it; awsvpc without a service needs subnets', () => {
  const single = { networkMode: 'awsvpc', containerDefinitions: [{ name: 'job' }] };
  expect(() => planRunTask({ options: options({ useOwnCommand: true }), cluster: 'batch', taskDefinition: single })).toThrow(/^run-task-subnets: /);
  const plan = planRunTask({ options: options({ useOwnCommand: true, subnets: ['subnet-b'], wait: false }), cluster: 'batch', taskDefinition: single });
  expect(plan?.container).toBe('job');
  expect(plan?.placement).toEqual({ networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-b'] } } });
});

test.each<[RunTaskResult['status'], string | undefined]>([
  ['SUCCEEDED', undefined],
  ['STARTED', undefined],
  ['FAILED', 'DeployError: one-off task: task abc failed: container web exited with exit code 3; service web was left as it was'],
  ['TIMED_OUT', 'DeployError: one-off task: task abc failed: container web exited with exit code 3; service web was left as it was'],
  ['UNKNOWN', 'AwsUnavailableError: one-off task: task abc failed: container web exited with exit code 3; service web was left as it was'],
  ['CANCELLED', 'CancelledError: cancelled by SIGINT'],
])('runTaskError for %s', (status, expected) => {
  const result: RunTaskResult = {
    status,
    line: 'task abc failed: container web exited with exit code 3',
    lastLogLines: [],
    outputs: { 'run-task-arn': '', 'run-task-exit-code': '' },
  };
  const error = runTaskError(result, 'service web', 'SIGINT');
  expect(error === undefined ? undefined : `${error.name}: ${error.message}`).toBe(expected);
});

test('runPlannedTask runs the planned request on the registered revision, with a fresh client token', async () => {
  const plan = planRunTask({ options: options({ command: ['migrate'] }), cluster: 'prod', service, taskDefinition, defaultContainer: 'web' })!;
  const requests: RunTaskCommandInput[] = [];
  const api = {
    runTask: async (input: RunTaskCommandInput) => {
      requests.push(input);
      return { failures: [{ reason: 'RESOURCE:CPU' }] };
    },
    describeTasks: async () => [],
    stopTask: async () => ({}),
  };
  const lines: string[] = [];
  const log = (line: string) => void lines.push(line);
  const deps = { api, openLogs: () => Promise.reject(new Error('unused')), region: 'eu-west-1', clock: systemClock, reporter: { info: log, warn: log, error: log } };
  const first = await runPlannedTask(plan, ARN, deps);
  await runPlannedTask(plan, ARN, deps);
  expect(first).toMatchObject({ status: 'FAILED', line: 'RunTask started no task: RESOURCE:CPU' });
  expect(requests[0]).toMatchObject({ taskDefinition: ARN, overrides: { containerOverrides: [{ name: 'web', command: ['migrate'] }] } });
  expect(requests[0]?.clientToken).toMatch(/^[0-9a-f-]{36}$/);
  expect(requests[1]?.clientToken).not.toBe(requests[0]?.clientToken);
});
