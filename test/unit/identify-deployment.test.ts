import { describe, expect, test } from 'vitest';
import { identifyDeployment } from '../../src/deploy/identify-deployment.js';

const ours = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2';
const old = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1';
const arn = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/default/web/abc';

describe('identifyDeployment', () => {
  test.each([
    ['a new PRIMARY of our revision', { deployments: [{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: ours }, { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: old }] }, { deploymentId: 'ecs-svc/2' }],
    ['the ARN the answer names, with the new PRIMARY', { currentServiceDeployment: arn, deployments: [{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: ours }] }, { deploymentId: 'ecs-svc/2', serviceDeploymentArn: arn }],
    ['the ARN alone when no new PRIMARY shows yet', { currentServiceDeployment: arn, deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: old }] }, { serviceDeploymentArn: arn }],
    ['nothing when the PRIMARY was there before (moto, or a no-op update)', { deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: old }] }, {}],
    ['nothing when the new PRIMARY runs another revision', { deployments: [{ id: 'ecs-svc/3', status: 'PRIMARY', taskDefinition: old }] }, {}],
    ['nothing without an answer', undefined, {}],
  ])('%s', (_name, answer, expected) => {
    expect(identifyDeployment(answer, ['ecs-svc/1'], ours)).toEqual(expected);
  });
});
