import { describe, expect, test } from 'vitest';
import { identifyDeployment, newPrimaryDeployment } from '../../src/watch/identify-deployment.js';

const ours = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2';
const old = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1';
const arn = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/default/web/abc';
const earlier = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/default/web/earlier';

describe('identifyDeployment', () => {
  test.each([
    ['a new PRIMARY of our revision', { deployments: [{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: ours }, { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: old }] }, { deploymentId: 'ecs-svc/2' }],
    ['the ARN the answer names, with the new PRIMARY', { currentServiceDeployment: arn, deployments: [{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: ours }] }, { deploymentId: 'ecs-svc/2', serviceDeploymentArn: arn }],
    ['the ARN alone when no new PRIMARY shows yet', { currentServiceDeployment: arn, deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: old }] }, { serviceDeploymentArn: arn }],
    ['nothing when the PRIMARY was there before (moto, or a no-op update)', { deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: old }] }, {}],
    ['nothing when the new PRIMARY runs another revision', { deployments: [{ id: 'ecs-svc/3', status: 'PRIMARY', taskDefinition: old }] }, {}],
    ['nothing without an answer', undefined, {}],
    [
      'not the ARN the service named before the update (the revision it already runs: nothing started)',
      { currentServiceDeployment: earlier, deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: old }] },
      {},
    ],
  ])('%s', (_name, answer, expected) => {
    expect(identifyDeployment(answer, { deploymentIds: ['ecs-svc/1'], serviceDeploymentArn: earlier }, ours)).toEqual(expected);
  });
});

describe('newPrimaryDeployment: the one rule for "an update started this deployment"', () => {
  const primary = (id: string, taskDefinition = ours) => ({ id, status: 'PRIMARY', taskDefinition });
  test.each([
    ['a PRIMARY with a new id, on the requested revision', [primary('ecs-svc/2'), { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: old }], ours, 'ecs-svc/2'],
    ['the requested revision written as family:revision (moto echoes it so)', [primary('ecs-svc/2', 'web:2')], ours, 'ecs-svc/2'],
    ['any revision when none is asked for (a forced redeploy, a rollback)', [primary('ecs-svc/2', old)], undefined, 'ecs-svc/2'],
    ['not a PRIMARY that was there before', [primary('ecs-svc/1')], ours, undefined],
    ['not a new PRIMARY on another revision', [primary('ecs-svc/3', old)], ours, undefined],
    ['not an ACTIVE deployment with a new id', [{ id: 'ecs-svc/4', status: 'ACTIVE', taskDefinition: ours }, primary('ecs-svc/1')], ours, undefined],
    ['not a PRIMARY without an id', [{ status: 'PRIMARY', taskDefinition: ours }], ours, undefined],
  ])('%s', (_name, deployments, taskDefinition, id) => {
    expect(newPrimaryDeployment({ deployments }, new Set(['ecs-svc/1']), taskDefinition)?.id).toBe(id);
  });
});
