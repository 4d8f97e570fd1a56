import type { Deployment, Service, ServiceDeployment, ServiceEvent } from '@aws-sdk/client-ecs';
import { describe, expect, test } from 'vitest';
import type { Followed } from '../../src/watch/snapshot.js';
import { track } from '../../src/watch/tracking.js';
import { decide, defaultMaxFailedTasks, isSteady } from '../../src/watch/verdict.js';

const ours = (fields: Deployment = {}): Deployment => ({
  id: 'ecs-svc/2',
  status: 'PRIMARY',
  taskDefinition: 'arn:aws:ecs:r:1:task-definition/web:2',
  desiredCount: 2,
  runningCount: 0,
  failedTasks: 0,
  rolloutState: 'IN_PROGRESS',
  ...fields,
});
const old = (fields: Deployment = {}): Deployment => ({
  id: 'ecs-svc/1',
  status: 'ACTIVE',
  taskDefinition: 'arn:aws:ecs:r:1:task-definition/web:1',
  desiredCount: 2,
  runningCount: 2,
  rolloutState: 'COMPLETED',
  ...fields,
});
const other = (fields: Deployment = {}): Deployment => ({ ...ours(), id: 'ecs-svc/9', taskDefinition: 'web:3', ...fields });

function service(deployments: Deployment[], fields: Service = {}): Service {
  return { desiredCount: 2, runningCount: 2, deployments, ...fields };
}

const breaker = (enable: boolean, rollback: boolean): Service => ({
  deploymentConfiguration: { deploymentCircuitBreaker: { enable, rollback } },
});

/** Fields to change; `deploymentId: undefined` means the id is not known. */
type FollowedFields = { [K in keyof Followed]?: Followed[K] | undefined };

function followed(fields: FollowedFields = {}): Followed {
  const all = {
    taskDefinitionArn: 'arn:aws:ecs:r:1:task-definition/web:2',
    deploymentId: 'ecs-svc/2',
    deploymentIdsBefore: ['ecs-svc/1'],
    seen: true,
    ...fields,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)) as unknown as Followed;
}

const SD_ARN = 'arn:aws:ecs:r:1:service-deployment/prod/web/sd2';

const event = (message: string): ServiceEvent => ({ id: message, message });

describe('decide', () => {
  test.each<{ name: string; service: Service; followed?: FollowedFields; sd?: ServiceDeployment; events?: ServiceEvent[]; max?: number; verdict: object }>([
    { name: 'in progress', service: service([ours(), old()]), verdict: { kind: 'waiting' } },
    { name: 'COMPLETED', service: service([ours({ rolloutState: 'COMPLETED' })]), verdict: { kind: 'completed' } },
    {
      name: 'no rolloutState: only deployment, all running',
      service: service([ours({ rolloutState: undefined, runningCount: 2 })]),
      verdict: { kind: 'completed' },
    },
    {
      name: 'no rolloutState: the old one still drains',
      service: service([ours({ rolloutState: undefined, runningCount: 2 }), old()]),
      verdict: { kind: 'waiting' },
    },
    {
      name: 'FAILED without breaker rollback',
      service: service([ours({ rolloutState: 'FAILED', rolloutStateReason: 'tasks failed to start.' }), old()]),
      verdict: { kind: 'failed', reason: 'tasks failed to start' },
    },
    {
      name: 'FAILED with breaker rollback: ECS is rolling back',
      service: service([ours({ rolloutState: 'FAILED', rolloutStateReason: 'breaker' }), old()], breaker(true, true)),
      verdict: { kind: 'rolling-back-by-ecs', reason: 'breaker' },
    },
    {
      name: 'an older deployment is PRIMARY again',
      service: service([old({ status: 'PRIMARY' }), ours({ status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: 'x' })]),
      verdict: { kind: 'rolling-back-by-ecs', reason: 'x', to: 'arn:aws:ecs:r:1:task-definition/web:1' },
    },
    {
      name: 'ours gone, an older one PRIMARY',
      service: service([old({ status: 'PRIMARY' })]),
      followed: { last: ours({ rolloutState: 'FAILED', rolloutStateReason: 'remembered' }) },
      verdict: { kind: 'rolling-back-by-ecs', reason: 'remembered', to: 'arn:aws:ecs:r:1:task-definition/web:1' },
    },
    {
      name: 'an older PRIMARY before ours was ever seen is not yet a rollback',
      service: service([old({ status: 'PRIMARY' })]),
      followed: { seen: false },
      verdict: { kind: 'waiting' },
    },
    {
      name: 'a rolling-back event',
      service: service([ours(), old()]),
      events: [event('(service web) rolling back to deployment ecs-svc/1.')],
      verdict: { kind: 'rolling-back-by-ecs', reason: 'ECS gave no reason', to: 'arn:aws:ecs:r:1:task-definition/web:1' },
    },
    {
      name: 'a new PRIMARY that is neither ours nor older',
      service: service([other(), ours({ status: 'ACTIVE' }), old()]),
      verdict: { kind: 'superseded', by: other() },
    },
    {
      name: 'failed tasks below the default limit',
      service: service([ours({ failedTasks: 2 }), old()]),
      verdict: { kind: 'waiting' },
    },
    {
      name: 'failed tasks at the default limit, breaker off',
      service: service([ours({ failedTasks: 3 }), old()]),
      verdict: { kind: 'failed', reason: '3 tasks failed to start or stay healthy (max-failed-tasks 3)' },
    },
    {
      name: 'failed tasks at the limit, breaker on: ECS decides',
      service: service([ours({ failedTasks: 3 }), old()], breaker(true, false)),
      verdict: { kind: 'waiting' },
    },
    {
      name: 'failed tasks at max-failed-tasks',
      service: service([ours({ failedTasks: 1 }), old()]),
      max: 1,
      verdict: { kind: 'failed', reason: '1 tasks failed to start or stay healthy (max-failed-tasks 1)' },
    },
    {
      name: 'service deployment SUCCESSFUL',
      service: service([ours(), old()]),
      followed: { serviceDeploymentArn: SD_ARN },
      sd: { status: 'SUCCESSFUL' },
      verdict: { kind: 'completed' },
    },
    {
      name: 'service deployment STOPPED',
      service: service([ours(), old()]),
      followed: { serviceDeploymentArn: SD_ARN },
      sd: { status: 'STOPPED', statusReason: 'the breaker tripped.' },
      verdict: { kind: 'failed', reason: 'the breaker tripped' },
    },
    {
      name: 'service deployment ROLLBACK_IN_PROGRESS',
      service: service([ours(), old()]),
      followed: { serviceDeploymentArn: SD_ARN },
      sd: { status: 'ROLLBACK_IN_PROGRESS', rollback: { reason: 'alarm in ALARM.' } },
      verdict: { kind: 'rolling-back-by-ecs', reason: 'alarm in ALARM' },
    },
    {
      name: 'service deployment ROLLBACK_FAILED',
      service: service([old({ status: 'PRIMARY' }), ours({ status: 'ACTIVE' })]),
      followed: { serviceDeploymentArn: SD_ARN },
      sd: { status: 'ROLLBACK_FAILED', statusReason: 'no luck' },
      verdict: { kind: 'failed', reason: 'ECS could not roll back: no luck' },
    },
    {
      name: 'breaker DISABLED in the service deployment: its threshold is the limit',
      service: service([ours({ failedTasks: 4 }), old()]),
      followed: { serviceDeploymentArn: SD_ARN },
      sd: { status: 'IN_PROGRESS', deploymentCircuitBreaker: { status: 'DISABLED', threshold: 5 } },
      verdict: { kind: 'waiting' },
    },
    {
      name: 'no deployment to follow, not steady',
      service: service([old({ status: 'PRIMARY', runningCount: 1 })], { runningCount: 1 }),
      followed: { deploymentId: undefined },
      verdict: { kind: 'waiting' },
    },
    {
      name: 'no deployment to follow, steady on our revision, with a stale FAILED rolloutState',
      service: service([ours({ id: 'ecs-svc/1', runningCount: 2, rolloutState: 'FAILED' })]),
      followed: { deploymentId: undefined },
      events: [event('(service web) rolling back to deployment ecs-svc/0.')],
      verdict: { kind: 'completed' },
    },
    {
      // moto: the update leaves the one deployment on the revision it ran, with every task running.
      name: 'no deployment to follow, all tasks running on another revision: not steady',
      service: service([old({ status: 'PRIMARY' })], { taskDefinition: 'web:2' }),
      followed: { deploymentId: undefined },
      verdict: { kind: 'waiting' },
    },
  ])('$name', ({ service: svc, followed: fields, sd, events, max, verdict }) => {
    expect(decide({ service: svc, ...(sd ? { serviceDeployment: sd } : {}) }, followed(fields), events ?? [], max)).toEqual(verdict);
  });
});

describe('track', () => {
  test.each([
    { name: 'adopts a new PRIMARY of our revision', before: ['ecs-svc/1'], arn: false, primary: ours(), adopted: 'ecs-svc/2' },
    { name: 'not one of another revision', before: ['ecs-svc/1'], arn: false, primary: other(), adopted: undefined },
    { name: 'not one that was there before', before: ['ecs-svc/2'], arn: false, primary: ours(), adopted: undefined },
    { name: 'not without knowing what was there before', before: [], arn: false, primary: ours(), adopted: undefined },
    { name: 'with a service deployment ARN, even so', before: [], arn: true, primary: ours(), adopted: 'ecs-svc/2' },
  ])('$name', ({ before, arn, primary, adopted }) => {
    const result = track(
      followed({ deploymentId: undefined, seen: false, deploymentIdsBefore: before, serviceDeploymentArn: arn ? SD_ARN : undefined }),
      { service: service([primary, old()]) },
    );
    expect(result.deploymentId).toBe(adopted);
    expect(result.seen).toBe(adopted !== undefined);
  });

  test('keeps the last sight of our deployment once ECS drops it', () => {
    const seen = track(followed({ seen: false }), { service: service([ours({ failedTasks: 3 }), old()]) });
    const gone = track(seen, { service: service([old({ status: 'PRIMARY' })]) });
    expect(gone.seen).toBe(true);
    expect(gone.last?.failedTasks).toBe(3);
  });
});

test.each([
  [1, 3],
  [2, 3],
  [6, 3],
  [7, 4],
  [10, 5],
  [399, 200],
  [1000, 200],
])('default max failed tasks for %i desired is %i', (desired, limit) => {
  expect(defaultMaxFailedTasks(desired)).toBe(limit);
});

test.each([
  { name: 'one deployment of our revision, all running', deployments: [ours({ runningCount: 2 })], running: 2, steady: true },
  { name: 'our revision written as family:revision', deployments: [ours({ taskDefinition: 'web:2' })], running: 2, steady: true },
  { name: 'not all running', deployments: [ours({ runningCount: 1 })], running: 1, steady: false },
  { name: 'two deployments', deployments: [ours({ runningCount: 2 }), old()], running: 2, steady: false },
  { name: 'one deployment of another revision, all running', deployments: [old()], running: 2, steady: false },
])('isSteady: $name', ({ deployments, running, steady }) => {
  expect(isSteady(service(deployments, { runningCount: running }), 'arn:aws:ecs:r:1:task-definition/web:2')).toBe(steady);
});
