import { describe, expect, test } from 'vitest';
import { RUN_TASK_DEFAULTS, type RunTaskOptions } from '../../src/runtask/options.js';
import { buildRunTaskRequest, commandOf } from '../../src/runtask/request.js';

const ARN = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7';

function options(overrides: Partial<RunTaskOptions> = {}): RunTaskOptions {
  return { useOwnCommand: false, subnets: [], securityGroups: [], tags: [], ...RUN_TASK_DEFAULTS, ...overrides };
}

const base = { cluster: 'prod', taskDefinitionArn: ARN, container: 'app', clientToken: 'token-1', placement: {} };

describe('buildRunTaskRequest', () => {
  test.each<[string, Partial<RunTaskOptions>, object]>([
    [
      'a command for the chosen container',
      { command: ['npm', 'run', 'migrate'] },
      { overrides: { containerOverrides: [{ name: 'app', command: ['npm', 'run', 'migrate'] }] } },
    ],
    ['the revision’s own command', { useOwnCommand: true }, {}],
    [
      'container overrides as given',
      { containerOverrides: [{ name: 'envoy', environment: [{ name: 'A', value: '' }] }] },
      { overrides: { containerOverrides: [{ name: 'envoy', environment: [{ name: 'A', value: '' }] }] } },
    ],
    [
      'tags, propagated tags and managed tags',
      { useOwnCommand: true, tags: [{ key: 'team', value: 'db' }], propagateTags: 'TASK_DEFINITION', enableEcsManagedTags: true },
      { tags: [{ key: 'team', value: 'db' }], propagateTags: 'TASK_DEFINITION', enableECSManagedTags: true },
    ],
    ['another started-by', { useOwnCommand: true, startedBy: 'deploy/migrate' }, { startedBy: 'deploy/migrate' }],
  ])('%s', (_, given, expected) => {
    expect(buildRunTaskRequest({ ...base, options: options(given) })).toEqual({
      cluster: 'prod',
      taskDefinition: ARN,
      count: 1,
      startedBy: 'ecs-deliver',
      clientToken: 'token-1',
      ...expected,
    });
  });

  test('carries the placement as RunTask takes it', () => {
    const placement = {
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      platformVersion: 'LATEST',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'], assignPublicIp: 'DISABLED' as const } },
    };
    const request = buildRunTaskRequest({ ...base, placement, options: options({ useOwnCommand: true }) });
    expect(request).toMatchObject(placement);
    expect(request).not.toHaveProperty('launchType');
  });

  test('a client token longer than RunTask takes is cut to 64 characters', () => {
    const request = buildRunTaskRequest({ ...base, clientToken: 'x'.repeat(80), options: options({ useOwnCommand: true }) });
    expect(request.clientToken).toHaveLength(64);
  });

  test('the command printed is the chosen container’s', () => {
    const request = buildRunTaskRequest({ ...base, options: options({ command: ['rake', 'db:migrate'] }) });
    expect(commandOf(request, 'app')).toEqual(['rake', 'db:migrate']);
    expect(commandOf(request, 'envoy')).toBeUndefined();
  });
});
