import type { Service } from '@aws-sdk/client-ecs';
import { expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { RUN_TASK_DEFAULTS, type RunTaskOptions } from '../../src/runtask/options.js';
import { describeRunTaskPlan, planRunTask, runTaskRequestFor } from '../../src/runtask/plan.js';

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
