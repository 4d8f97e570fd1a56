import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { expect, test } from 'vitest';
import { logSourceFor, type LogSource } from '../../src/runtask/logs.js';

const TASK = 'arn:aws:ecs:eu-west-1:123456789012:task/prod/5d4c3b2a';

function awslogs(options: Record<string, string>): ContainerDefinition {
  return { name: 'migrate', logConfiguration: { logDriver: 'awslogs', options } };
}

test.each<[string, ContainerDefinition | undefined, LogSource]>([
  [
    'prefix/container/task-id in the deploy region',
    awslogs({ 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' }),
    { target: { container: 'migrate', region: 'eu-west-1', group: '/ecs/web', stream: 'ecs/migrate/5d4c3b2a' } },
  ],
  [
    'awslogs-region wins over the deploy region',
    awslogs({ 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'web', 'awslogs-region': 'us-east-1' }),
    { target: { container: 'migrate', region: 'us-east-1', group: '/ecs/web', stream: 'web/migrate/5d4c3b2a' } },
  ],
  [
    'without a stream prefix',
    awslogs({ 'awslogs-group': '/ecs/web' }),
    { notShown: 'container migrate sets no awslogs-stream-prefix, so its stream is named after the Docker container id' },
  ],
  ['without a group', awslogs({ 'awslogs-stream-prefix': 'ecs' }), { notShown: 'container migrate sets no awslogs-group' }],
  [
    'with another driver',
    { name: 'migrate', logConfiguration: { logDriver: 'awsfirelens', options: {} } },
    { notShown: 'container migrate logs with the awsfirelens driver, not awslogs' },
  ],
  ['without a log configuration', { name: 'migrate' }, { notShown: 'container migrate has no logConfiguration' }],
])('logSourceFor: %s', (_, definition, expected) => {
  expect(logSourceFor(definition, TASK, 'eu-west-1')).toEqual(expected);
});
