import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseDuration } from '../../src/inputs/duration.js';
import { parseInputs } from '../../src/inputs/parse.js';
import { envName, INPUTS } from '../../src/inputs/schema.js';
import { closest, detectHost, parseArgv, rawInputReader, UsageError } from '../../src/inputs/sources.js';
import { unknownInputNames } from '../../src/inputs/unknown-names.js';

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

  test('the first word names the operation; without one, none is set (deploy)', () => {
    expect(parseArgv(['status', '--service', 'web'], {}).flags).toEqual(new Map([['operation', 'status'], ['service', 'web']]));
    expect(parseArgv(['deploy'], {}).flags.get('operation')).toBe('deploy');
    expect(parseArgv(['--service', 'web'], {}).flags.has('operation')).toBe(false);
  });

  test.each([
    [['--registry-password', 'hunter2'], /ECS_DELIVER_REGISTRY_PASSWORD or pass --registry-password-stdin/],
    [['--web-identity-token=abc'], /not accepted on the command line/],
    [['--nope'], /unknown flag --nope; run with --help/],
    [['--desired-cont', '2'], /unknown flag --desired-cont; did you mean --desired-count\?/],
    [['--desired_count', '2'], /did you mean --desired-count\?/],
    [['--dryrun'], /did you mean --dry-run\?/],
    [['--service'], /--service needs a value/],
    [['stray'], /unknown operation "stray"; ecs-deliver takes deploy, status, continue, rollback/],
    [['statsu'], /unknown operation "statsu"; did you mean status\?/],
    [['status', 'stray'], /unexpected argument "stray"/],
    [['--service', 'web', 'status'], /unexpected argument "status"/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgv(argv, {})).toThrow(UsageError);
    expect(() => parseArgv(argv, {})).toThrow(message);
  });

  test.each([
    ['github', 'github-action'],
    ['GitLab', 'gitlab'],
    ['shell', 'shell'],
  ])('ECS_DELIVER_HOST=%s forces the host', (value, host) => {
    // gitlab-ci-local sets GITLAB_CI=false; a GitHub run: step has no INPUT_* variables.
    expect(detectHost([], { ECS_DELIVER_HOST: value, GITLAB_CI: 'false', GITHUB_ACTIONS: 'true' })).toBe(host);
  });

  test('an ECS_DELIVER_HOST that is no host is a usage error naming the choices', () => {
    expect(() => detectHost([], { ECS_DELIVER_HOST: 'jenkins' })).toThrow(UsageError);
    expect(() => parseArgv([], { ECS_DELIVER_HOST: 'jenkins' })).toThrow(/ECS_DELIVER_HOST: "jenkins" is not one of github, gitlab, shell/);
  });

  test('with ECS_DELIVER_HOST=github, inputs are read as GitHub does', () => {
    const env = { ECS_DELIVER_HOST: 'github', 'INPUT_DESIRED-COUNT': '3', ECS_DELIVER_DESIRED_COUNT: '9' };
    const raw = rawInputReader(parseArgv([], env), env, none);
    expect(raw('desired-count')).toBe('3');
  });

  test('a GitHub step takes the documented secret variables, and its with: input wins', () => {
    const env = {
      GITHUB_ACTIONS: 'true',
      INPUT_SERVICE: 'web',
      'INPUT_REGISTRY-PASSWORD': '',
      ECS_DELIVER_REGISTRY_PASSWORD: 'from-env',
      ECS_DELIVER_WEB_IDENTITY_TOKEN: 'token-from-env',
    };
    const raw = rawInputReader(parseArgv([], env), env, none);
    expect([raw('registry-password'), raw('web-identity-token')]).toEqual(['from-env', 'token-from-env']);
    const both = { ...env, 'INPUT_WEB-IDENTITY-TOKEN': 'from-with' };
    expect(rawInputReader(parseArgv([], both), both, none)('web-identity-token')).toBe('from-with');
  });

  test('an input counts as given when a flag names it, or from a shell when its variable is set, even empty', () => {
    const env = { ECS_DELIVER_TASK_ROLE_ARN: '' };
    const raw = rawInputReader(parseArgv(['--image', ''], env), env, none);
    expect([raw.given('image'), raw.given('task-role-arn'), raw.given('family')]).toEqual([true, true, false]);
    const gitlab = { GITLAB_CI: 'true', ECS_DELIVER_IMAGE: '' };
    expect(rawInputReader(parseArgv([], gitlab), gitlab, none).given('image')).toBe(false);
  });

  test('secret inputs come from --<name>-stdin', () => {
    const invocation = parseArgv(['--registry-password-stdin'], {});
    expect(invocation.stdinInputs).toEqual(['registry-password']);
    const raw = rawInputReader(invocation, {}, new Map([['registry-password', 's3cret']]));
    expect(raw('registry-password')).toBe('s3cret');
  });

  describe("aws-actions' spellings are read as our inputs", () => {
    test('a GitHub step reads run-task-assign-public-IP, which GitHub upper-cases into the same variable', () => {
      const env = { GITHUB_ACTIONS: 'true', 'INPUT_RUN-TASK-ASSIGN-PUBLIC-IP': 'ENABLED', 'INPUT_RUN-TASK-WAIT': 'true', 'INPUT_WAIT-FOR-TASK-STOPPED': 'false' };
      const raw = rawInputReader(parseArgv([], env), env, none);
      expect([raw('run-task-assign-public-ip'), raw('run-task-wait')]).toEqual(['ENABLED', 'false']);
      expect(unknownInputNames(env, 'github-action')).toEqual([]);
    });

    test('our own spelling wins when it is set to something else than its default', () => {
      const env = { GITHUB_ACTIONS: 'true', 'INPUT_RUN-TASK-WAIT': 'no', 'INPUT_WAIT-FOR-TASK-STOPPED': 'true' };
      expect(rawInputReader(parseArgv([], env), env, none)('run-task-wait')).toBe('no');
    });

    test('as flags and ECS_DELIVER_ variables', () => {
      const invocation = parseArgv(['--run-task-assign-public-IP', 'DISABLED', '--wait-for-task-stopped', 'false'], {});
      const raw = rawInputReader(invocation, {}, none);
      expect([raw('run-task-assign-public-ip'), raw('run-task-wait')]).toEqual(['DISABLED', 'false']);
      const env = { ECS_DELIVER_WAIT_FOR_TASK_STOPPED: 'false' };
      const fromEnv = rawInputReader(parseArgv([], env), env, none);
      expect(fromEnv('run-task-wait')).toBe('false');
      expect(fromEnv.given('run-task-wait')).toBe(true);
      expect(unknownInputNames(env, 'shell')).toEqual([]);
    });
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
      push: undefined,
      desiredCount: undefined,
      verifyImage: 'auto',
      hostPort: undefined,
      protocol: undefined,
    });
  });

  test('the run-task inputs become the one-off task options', () => {
    expect(parse({}).runTask).toEqual({ useOwnCommand: false, subnets: [], securityGroups: [], startedBy: 'ecs-deliver', tags: [], wait: true, timeoutMs: 30 * 60_000 });
    const runTask = parse({
      'run-task-command': 'npm run migrate -- --to "v 2"',
      'run-task-container': 'app',
      'run-task-subnets': 'subnet-1\nsubnet-2',
      'run-task-assign-public-ip': 'enabled',
      'run-task-capacity-provider-strategy': 'provider=FARGATE_SPOT,weight=2\nprovider=FARGATE,base=1',
      'run-task-tags': 'team=db\nkind=migration',
      'run-task-timeout': '5m',
    }).runTask;
    expect(runTask).toMatchObject({
      command: ['npm', 'run', 'migrate', '--', '--to', 'v 2'],
      container: 'app',
      subnets: ['subnet-1', 'subnet-2'],
      assignPublicIp: 'ENABLED',
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 2 }, { capacityProvider: 'FARGATE', base: 1 }],
      tags: [{ key: 'team', value: 'db' }, { key: 'kind', value: 'migration' }],
      timeoutMs: 5 * 60_000,
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
    [{ 'run-task-wait': 'maybe' }, /run-task-wait: "maybe" is not a boolean/],
    [{ 'run-task-timeout': 'soon' }, /^run-task-timeout: /],
    [{ 'run-task-assign-public-ip': 'yes' }, /^run-task-assign-public-ip: "yes" is not ENABLED or DISABLED/],
    [{ 'run-task-container-overrides': '{' }, /^run-task-container-overrides: is not JSON/],
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
    ['500ms', 500],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration('wait-timeout', text)).toBe(ms);
  });

  test.each(['30', '1.5'])('a bare number "%s" is refused with both readings', (text) => {
    expect(() => parseDuration('wait-timeout', text)).toThrow(`wait-timeout: "${text}" has no unit; write ${text}s or ${text}m.`);
  });

  test.each(['soon', '10 minutes', '1d', ''])('"%s" is refused', (text) => {
    expect(() => parseDuration('wait-timeout', text)).toThrow(/wait-timeout: .* is not a duration; write it like 90s, 15m or 1h/);
  });
});

describe('variables that look like inputs but are not read', () => {
  test('a misspelled ECS_DELIVER_ name warns with the input meant', () => {
    expect(unknownInputNames({ ECS_DELIVER_DESIRED_CONT: '2', ECS_DELIVER_SERVICE: 'web' }, 'shell')).toEqual([
      'ECS_DELIVER_DESIRED_CONT is not an input and is ignored; did you mean ECS_DELIVER_DESIRED_COUNT?',
    ]);
  });

  test('an ECS_DELIVER_ name far from every input still warns', () => {
    expect(unknownInputNames({ ECS_DELIVER_SOMETHING_ELSE_ENTIRELY: 'x' }, 'gitlab')).toEqual([
      'ECS_DELIVER_SOMETHING_ELSE_ENTIRELY is not an input and is ignored.',
    ]);
  });

  test('a near-miss INPUT_ name on a GitHub step warns with the input meant', () => {
    const warnings = unknownInputNames({ INPUT_DESIRED_COUNT: '2', 'INPUT_DESIRED-COUNT': '', INPUT_SERVICE: 'web' }, 'github-action');
    expect(warnings).toEqual(['INPUT_DESIRED_COUNT is not an input and is ignored; did you mean desired-count (INPUT_DESIRED-COUNT under with:)?']);
  });

  test('an input variable a GitHub step does not read says where the input goes', () => {
    expect(unknownInputNames({ ECS_DELIVER_SERVICE: 'web', ECS_DELIVER_REGISTRY_PASSWORD: 'x', INPUT_CLUSTER: 'c' }, 'github-action')).toEqual([
      'ECS_DELIVER_SERVICE is ignored on a GitHub action step; set service under with: instead.',
    ]);
  });

  test('INPUT_ names are not ours outside a GitHub action step', () => {
    expect(unknownInputNames({ INPUT_DESIRED_COUNT: '2' }, 'shell')).toEqual([]);
  });

  test('our variables that are not inputs, and every input variable, do not warn', () => {
    const env: Record<string, string> = {
      ECS_DELIVER_HOST: 'gitlab',
      ECS_DELIVER_REQUIRE_SERVERS: '1',
      ECS_DELIVER_REGISTRY_PASSWORD_STDIN: '1',
      ECS_DELIVERED_TASK_DEFINITION_ARN: 'arn',
      ...Object.fromEntries(INPUTS.map((spec) => [envName(spec.name), 'x'])),
    };
    expect(unknownInputNames(env, 'shell')).toEqual([]);
  });

  test('closest finds slips, not strangers', () => {
    expect(closest('servce', ['service', 'cluster'])).toBe('service');
    expect(closest('banana', ['service', 'cluster'])).toBeUndefined();
  });
});
