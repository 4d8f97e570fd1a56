import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseDuration } from '../../src/inputs/duration.js';
import { parseCommand } from '../../src/inputs/shell-words.js';
import {
  RUN_TASK_DEFAULTS,
  checkRunTaskOptions,
  chosenContainer,
  parseCapacityProviderStrategy,
  parseContainerOverrides,
  runTaskOptionsFrom,
  runTaskRequested,
  type RunTaskContext,
  type RunTaskOptions,
} from '../../src/runtask/options.js';
import { INPUTS } from '../../src/inputs/schema.js';

const RUN_TASK_INPUTS = INPUTS.filter((spec) => spec.group === 'run-task');

function options(overrides: Partial<RunTaskOptions> = {}): RunTaskOptions {
  return { useOwnCommand: false, subnets: [], securityGroups: [], tags: [], ...RUN_TASK_DEFAULTS, ...overrides };
}

const service: RunTaskContext = { hasService: true, networkMode: 'awsvpc', containers: ['app', 'envoy'], defaultContainer: 'app' };
const runOnly: RunTaskContext = { ...service, hasService: false };
const bridge: RunTaskContext = { ...service, networkMode: 'bridge' };

describe('checkRunTaskOptions accepts', () => {
  test.each<[string, Partial<RunTaskOptions>, RunTaskContext]>([
    ['nothing asked', {}, service],
    ['a command under a service', { command: ['npm', 'run', 'migrate'] }, service],
    ['the revision’s own command', { useOwnCommand: true }, service],
    ['container overrides', { containerOverrides: [{ name: 'app', command: ['x'] }] }, service],
    ['a run-only awsvpc task with subnets', { command: ['x'], subnets: ['subnet-1'], wait: false }, runOnly],
    ['a run-only bridge task without subnets', { command: ['x'] }, { ...bridge, hasService: false }],
    ['another container', { command: ['x'], container: 'envoy' }, service],
    ['a launch type', { command: ['x'], launchType: 'FARGATE' }, service],
    ['a strategy', { command: ['x'], capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT' }] }, service],
  ])('%s', (_, given, context) => {
    expect(() => checkRunTaskOptions(options(given), context)).not.toThrow();
  });
});

describe('checkRunTaskOptions refuses', () => {
  test.each<[string, Partial<RunTaskOptions>, RunTaskContext, RegExp]>([
    ['run-task with run-task-command', { useOwnCommand: true, command: ['x'] }, service, /^run-task-command: run-task: true .* ambiguous/],
    ['run-task-command with overrides', { command: ['x'], containerOverrides: [{ name: 'app' }] }, service, /^run-task-command: run-task-container-overrides .* ambiguous/],
    ['an empty command', { command: [] }, service, /^run-task-command: is empty/],
    ['awsvpc without a service and without subnets', { command: ['x'] }, runOnly, /^run-task-subnets: .*awsvpc.*no service/],
    ['subnets outside awsvpc', { command: ['x'], subnets: ['subnet-1'] }, bridge, /^run-task-subnets: only used when .*awsvpc \(it is bridge\)/],
    ['a public IP outside awsvpc', { command: ['x'], assignPublicIp: 'ENABLED' }, bridge, /^run-task-assign-public-ip: only used/],
    ['launch type and strategy', { command: ['x'], launchType: 'FARGATE', capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }] }, service, /^run-task-launch-type: .*not both/],
    ['an unknown launch type', { command: ['x'], launchType: 'LAMBDA' as 'EC2' }, service, /^run-task-launch-type: "LAMBDA" is not one of/],
    ['a started-by with spaces', { command: ['x'], startedBy: 'my deploy' }, service, /^run-task-started-by: /],
    ['a started-by over 128 characters', { command: ['x'], startedBy: 'a'.repeat(129) }, service, /^run-task-started-by: /],
    ['a zero timeout', { command: ['x'], timeoutMs: 0 }, service, /^run-task-timeout: /],
    ['not waiting before a service update', { command: ['x'], wait: false }, service, /^run-task-wait: the service is updated only after/],
    ['a container not in the revision', { command: ['x'], container: 'worker' }, service, /^run-task-container: "worker" is not a container .*\(app, envoy\)/],
    ['no container to choose', { command: ['x'] }, { ...service, defaultContainer: undefined }, /^run-task-container: the task definition has 2 containers/],
    ['an override of an unknown container', { containerOverrides: [{ name: 'worker' }] }, service, /^run-task-container-overrides: "worker" is not a container/],
    ['subnets without a task', { subnets: ['subnet-1'] }, service, /^run-task-subnets: only used when a one-off task runs/],
    ['a container without a task', { container: 'app' }, service, /^run-task-container: only used when a one-off task runs/],
    ['tags without a task', { tags: [{ key: 'a', value: 'b' }] }, service, /^run-task-tags: only used/],
  ])('%s', (_, given, context, message) => {
    const check = () => checkRunTaskOptions(options(given), context);
    expect(check).toThrow(InputError);
    expect(check).toThrow(message);
  });
});

test('a task is requested by any of the three inputs, and the chosen container defaults to the image one', () => {
  expect(runTaskRequested(options())).toBe(false);
  expect(runTaskRequested(options({ useOwnCommand: true }))).toBe(true);
  expect(runTaskRequested(options({ command: ['x'] }))).toBe(true);
  expect(runTaskRequested(options({ containerOverrides: [] }))).toBe(true);
  expect(chosenContainer(options(), { defaultContainer: 'app' })).toBe('app');
  expect(chosenContainer(options({ container: 'envoy' }), { defaultContainer: 'app' })).toBe('envoy');
});

describe('parseCapacityProviderStrategy', () => {
  test.each<[string, string, unknown]>([
    ['nothing', '  ', undefined],
    ['one line', 'provider=FARGATE_SPOT,weight=2,base=0', [{ capacityProvider: 'FARGATE_SPOT', weight: 2, base: 0 }]],
    [
      'lines with blanks and comments',
      '# spot first\nprovider=FARGATE_SPOT, weight=3\n\ncapacityProvider=FARGATE,weight=1,base=1\n',
      [{ capacityProvider: 'FARGATE_SPOT', weight: 3 }, { capacityProvider: 'FARGATE', weight: 1, base: 1 }],
    ],
    [
      'JSON as RunTask takes it',
      '[{"capacityProvider":"FARGATE_SPOT","weight":1},{"capacityProvider":"FARGATE","base":2,"weight":"0"}]',
      [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }, { capacityProvider: 'FARGATE', base: 2, weight: 0 }],
    ],
  ])('%s', (_, text, expected) => {
    expect(parseCapacityProviderStrategy(text)).toEqual(expected);
  });

  test.each<[string, string, RegExp]>([
    ['a line without =', 'FARGATE', /line 1 is not of the form provider=NAME/],
    ['no provider', 'weight=1', /line 1: names no provider/],
    ['an unknown field', 'provider=A,share=1', /line 1: unknown field share/],
    ['a weight that is not a number', 'provider=A,weight=much', /line 1: weight "much" is not a whole number from 0 to 1000/],
    ['a weight too large', 'provider=A,weight=1001', /weight 1001 is outside 0 to 1000/],
    ['two bases', 'provider=A,base=1\nprovider=B,base=2', /only one capacity provider may have a base/],
    ['a provider twice', 'provider=A\nprovider=A', /names A twice/],
    ['broken JSON', '[{"capacityProvider":', /starts with '\[' but is not JSON/],
    ['a JSON element that is not an object', '["FARGATE"]', /element 0 is not an object/],
    ['an empty JSON array', '[]', /names no capacity provider/],
  ])('refuses %s, naming the input', (_, text, message) => {
    expect(() => parseCapacityProviderStrategy(text)).toThrow(InputError);
    expect(() => parseCapacityProviderStrategy(text)).toThrow(/^run-task-capacity-provider-strategy: /);
    expect(() => parseCapacityProviderStrategy(text)).toThrow(message);
  });
});

describe('parseContainerOverrides', () => {
  test('reads the aws-actions form', () => {
    const text = JSON.stringify([
      { name: 'app', command: ['npm', 'run', 'migrate'], environment: [{ name: 'MODE', value: 'migrate' }], memory: 512 },
      { name: 'envoy', environmentFiles: [{ type: 's3', value: 'arn:aws:s3:::b/e.env' }], resourceRequirements: [{ type: 'GPU', value: '1' }] },
    ]);
    expect(parseContainerOverrides(text)).toEqual([
      { name: 'app', command: ['npm', 'run', 'migrate'], environment: [{ name: 'MODE', value: 'migrate' }], memory: 512 },
      { name: 'envoy', environmentFiles: [{ type: 's3', value: 'arn:aws:s3:::b/e.env' }], resourceRequirements: [{ type: 'GPU', value: '1' }] },
    ]);
    expect(parseContainerOverrides('')).toBeUndefined();
  });

  test.each<[string, string, RegExp]>([
    ['text that is not JSON', 'npm run migrate', /is not JSON/],
    ['an object instead of an array', '{"name":"app"}', /expected a JSON array/],
    ['an element without a name', '[{"command":["x"]}]', /element 0: needs "name"/],
    ['a field this SDK drops', '[{"name":"app","commands":["x"]}]', /element 0: unknown field commands/],
    ['a command that is a string', '[{"name":"app","command":"npm run migrate"}]', /element 0: command must be an array of strings/],
    ['a memory that is text', '[{"name":"app","memory":"512"}]', /element 0: memory must be a whole number/],
    ['an environment value that is a number', '[{"name":"app","environment":[{"name":"A","value":1}]}]', /environment\[0\]\.value must be a string/],
    ['the same container twice', '[{"name":"app"},{"name":"app"}]', /element 1: overrides app a second time/],
  ])('refuses %s, naming the input', (_, text, message) => {
    expect(() => parseContainerOverrides(text)).toThrow(InputError);
    expect(() => parseContainerOverrides(text)).toThrow(/^run-task-container-overrides: /);
    expect(() => parseContainerOverrides(text)).toThrow(message);
  });

  test('an error never repeats a value, which may be a secret', () => {
    expect(() => parseContainerOverrides('[{"name":"app","environment":[{"name":"TOKEN","value":42}]}]')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('42') }),
    );
  });
});

describe('runTaskOptionsFrom', () => {
  const empty = {
    runTask: false,
    command: '',
    containerOverrides: '',
    container: '',
    subnets: [],
    securityGroups: [],
    assignPublicIp: '',
    launchType: '',
    capacityProviderStrategy: '',
    startedBy: 'ecs-deliver',
    tags: [],
    propagateTags: '',
    wait: true,
    timeoutMs: 1_800_000,
  };

  test('empty values are "not set"', () => {
    expect(runTaskOptionsFrom(empty, parseCommand)).toEqual(options());
  });

  test('every value read', () => {
    const read = runTaskOptionsFrom(
      {
        ...empty,
        command: 'npm run "db migrate"',
        container: ' app ',
        subnets: ['subnet-a'],
        securityGroups: ['sg-1'],
        assignPublicIp: 'enabled',
        launchType: 'fargate',
        propagateTags: 'TASK_DEFINITION',
        startedBy: '',
        enableEcsManagedTags: true,
      },
      parseCommand,
    );
    expect(read).toEqual(
      options({
        command: ['npm', 'run', 'db migrate'],
        container: 'app',
        subnets: ['subnet-a'],
        securityGroups: ['sg-1'],
        assignPublicIp: 'ENABLED',
        launchType: 'FARGATE',
        propagateTags: 'TASK_DEFINITION',
        enableEcsManagedTags: true,
      }),
    );
    expect(runTaskOptionsFrom({ ...empty, command: '["a b"]', capacityProviderStrategy: 'provider=FARGATE' }, parseCommand)).toMatchObject({
      command: ['a b'],
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }],
    });
  });

  test.each<[string, Partial<typeof empty>, RegExp]>([
    ['a command with a shell operator', { command: 'migrate && seed' }, /^run-task-command: '&' at character 9 is a shell operator/],
    ['SERVICE tags, which RunTask refuses', { propagateTags: 'SERVICE' }, /^run-task-propagate-tags: "SERVICE" is not TASK_DEFINITION or NONE/],
    ['a public IP that is not ENABLED or DISABLED', { assignPublicIp: 'yes' }, /^run-task-assign-public-ip: /],
    ['broken overrides', { containerOverrides: '[' }, /^run-task-container-overrides: /],
  ])('refuses %s', (_, given, message) => {
    expect(() => runTaskOptionsFrom({ ...empty, ...given }, parseCommand)).toThrow(message);
  });
});

test('every input a message names is in the schema entries, with the defaults the options use', () => {
  const names = new Set(RUN_TASK_INPUTS.map((spec) => spec.name));
  const source = readFileSync(new URL('../../src/runtask/options.ts', import.meta.url), 'utf8');
  const named = new Set([...source.matchAll(/\brun-task(?:-[a-z]+)*/g)].map((match) => match[0]));
  expect(named.size).toBeGreaterThan(10);
  for (const name of named) expect(names, name).toContain(name);
  const defaults = Object.fromEntries(RUN_TASK_INPUTS.map((spec) => [spec.name, spec.default]));
  expect(defaults['run-task-started-by']).toBe(RUN_TASK_DEFAULTS.startedBy);
  expect(defaults['run-task-wait']).toBe(String(RUN_TASK_DEFAULTS.wait));
  expect(parseDuration('run-task-timeout', defaults['run-task-timeout'] ?? '')).toBe(RUN_TASK_DEFAULTS.timeoutMs);
});
