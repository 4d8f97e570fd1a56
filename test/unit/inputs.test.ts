import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseDuration } from '../../src/inputs/duration.js';
import { parseInputs } from '../../src/inputs/parse.js';
import { envName, INPUTS } from '../../src/inputs/schema.js';
import { detectHost, parseArgv, rawInputReader, UsageError } from '../../src/inputs/sources.js';

const none = new Map<string, string>();

describe('where inputs come from', () => {
  test.each([
    [[], { GITHUB_ACTIONS: 'true', INPUT_CLUSTER: 'default' }, 'github-action'],
    [['--service', 'web'], { GITHUB_ACTIONS: 'true', INPUT_CLUSTER: 'default' }, 'shell'],
    [[], { GITHUB_ACTIONS: 'true' }, 'shell'],
    [[], { GITLAB_CI: 'true' }, 'gitlab'],
    [[], {}, 'shell'],
  ])('argv %j with %j runs as %s', (argv, env, host) => {
    expect(detectHost(argv, env)).toBe(host);
  });

  test('flags win over ECS_DELIVER_* variables; a bare boolean flag means true', () => {
    const env = { ECS_DELIVER_SERVICE: 'from-env', ECS_DELIVER_CLUSTER: 'prod' };
    const invocation = parseArgv(['--service', 'from-flag', '--dry-run', '--wait-timeout=5m', '--json'], env);
    const raw = rawInputReader(invocation, env, none);
    expect([raw('service'), raw('cluster'), raw('dry-run'), raw('wait-timeout')]).toEqual(['from-flag', 'prod', 'true', '5m']);
    expect(invocation.json).toBe(true);
  });

  test('a boolean flag takes an explicit value', () => {
    const invocation = parseArgv(['--wait', 'false', '--rollback', '--service', 'web'], {});
    const raw = rawInputReader(invocation, {}, none);
    expect([raw('wait'), raw('rollback'), raw('service')]).toEqual(['false', 'true', 'web']);
  });

  test('the action reads INPUT_ variables with hyphens kept, and ignores ECS_DELIVER_*', () => {
    const env = { GITHUB_ACTIONS: 'true', 'INPUT_TASK-DEFINITION': 'td.json', ECS_DELIVER_SERVICE: 'ignored' };
    const raw = rawInputReader(parseArgv([], env), env, none);
    expect([raw('task-definition'), raw('service')]).toEqual(['td.json', '']);
  });

  test.each([
    [['--registry-password', 'hunter2'], /ECS_DELIVER_REGISTRY_PASSWORD or pass --registry-password-stdin/],
    [['--web-identity-token=abc'], /not accepted on the command line/],
    [['--nope'], /unknown flag --nope/],
    [['--service'], /--service needs a value/],
    [['stray'], /unexpected argument "stray"/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgv(argv, {})).toThrow(UsageError);
    expect(() => parseArgv(argv, {})).toThrow(message);
  });

  test('secret inputs come from --<name>-stdin', () => {
    const invocation = parseArgv(['--registry-password-stdin'], {});
    expect(invocation.stdinInputs).toEqual(['registry-password']);
    const raw = rawInputReader(invocation, {}, new Map([['registry-password', 's3cret']]));
    expect(raw('registry-password')).toBe('s3cret');
  });

  test('every input has an ECS_DELIVER_ name and a flag', () => {
    for (const spec of INPUTS) {
      expect(envName(spec.name)).toMatch(/^ECS_DELIVER_[A-Z0-9_]+$/);
      if (!spec.secret) expect(() => parseArgv([`--${spec.name}=${spec.type === 'boolean' ? 'true' : 'x'}`], {})).not.toThrow();
    }
  });
});

describe('parseInputs', () => {
  const parse = (values: Record<string, string>) => parseInputs((name) => values[name] ?? '');

  test('defaults come from the schema', () => {
    const inputs = parse({});
    expect(inputs).toMatchObject({
      cluster: 'default',
      wait: true,
      waitTimeoutMs: 30 * 60_000,
      pollIntervalMs: 2000,
      register: 'if-changed',
      rollback: true,
      hostPort: 0,
      protocol: 'tcp',
      push: undefined,
      desiredCount: undefined,
      verifyImage: 'auto',
    });
  });

  test('environment keeps "=" inside values, empty values and removals in order', () => {
    const inputs = parse({ environment: 'A=x=y\nB=\n-C\n', images: 'web=nginx:1\nsidecar=envoy:2' });
    expect(inputs.environment).toEqual([
      { op: 'set', key: 'A', value: 'x=y' },
      { op: 'set', key: 'B', value: '' },
      { op: 'remove', key: 'C' },
    ]);
    expect([...inputs.images]).toEqual([['web', 'nginx:1'], ['sidecar', 'envoy:2']]);
  });

  test.each([
    [{ 'desired-count': '-1' }, /desired-count: "-1" is not a whole number/],
    [{ wait: 'maybe' }, /wait: "maybe" is not a boolean/],
    [{ register: 'sometimes' }, /register: "sometimes" is not one of if-changed, always/],
    [{ 'poll-interval': '200ms' }, /poll-interval: must be at least 1s/],
    [{ images: 'web=' }, /images, line 1: the image for container "web" is empty/],
    [{ tags: 'aws:owner=me' }, /tags: the tag key "aws:owner" starts with "aws:"/],
  ])('%j is a one-line InputError', (values, message) => {
    expect(() => parse(values)).toThrow(InputError);
    expect(() => parse(values)).toThrow(message);
  });
});

describe('parseDuration', () => {
  test.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['45', 45_000],
    ['500ms', 500],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration('wait-timeout', text)).toBe(ms);
  });

  test.each(['soon', '10 minutes', '1d', ''])('"%s" is refused', (text) => {
    expect(() => parseDuration('wait-timeout', text)).toThrow(/wait-timeout: .* is not a duration; write it like 90s, 15m or 1h/);
  });
});
