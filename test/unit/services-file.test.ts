// The services-file: its shape, each entry checked by the one input schema, and which value wins.
import { codeDeploy } from '../../src/rollout/codedeploy.js';
import { rolling } from '../../src/rollout/rolling.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as yaml from 'yaml';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { entryInputs, entryLabel, parseServicesFile } from '../../src/fleet/services-file.js';
import { outcomeTable, worstStatus, fleetExitCode } from '../../src/fleet/outcome.js';
import { manyOutputs as fleetOutputs } from '../../src/deploy/outputs.js';
import { parseInputs, type RawInputs } from '../../src/inputs/parse.js';
import { INPUTS } from '../../src/inputs/schema.js';
import { serviceKey } from '../../src/fleet/entries.js';
import { putBackPlan } from '../../src/fleet/rollback-all.js';
import { rollsBackOnCancel } from '../../src/fleet/state.js';
import { newProgress, type Progress } from '../../src/deploy/result.js';
import type { EcsApi } from '../../src/aws/ecs.js';
import type { DeployPlan } from '../../src/deploy/plan.js';
import { deliveryResult } from '../support/delivery-result.js';

const YAML_FILE = `
defaults:
  cluster: prod
  wait-timeout: 15m
  environment:
    LOG_LEVEL: info
services:
  - service: web
    family: web
    image: registry.example.com/web:1.4.2
  - service: api
    task-definition: deploy/api.json
    image: registry.example.com/api:1.4.2
    run-task-command: bin/migrate
    cluster: internal
    desired-count: 3
    wait: false
    environment:
      - MODE=live
      - -OLD
`;

function usual(values: Record<string, string> = {}, given: readonly string[] = Object.keys(values)): RawInputs {
  return Object.assign((name: string) => values[name] ?? '', { given: (name: string) => given.includes(name) });
}

function refusal(text: string): string {
  try {
    parseServicesFile(text, 'deploy/services.yml', yaml);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('parseServicesFile', () => {
  test('YAML: defaults and entries become input strings; lists and mappings become lines', () => {
    const file = parseServicesFile(YAML_FILE, 'deploy/services.yml', yaml);
    expect(file.defaults).toEqual(new Map([['cluster', 'prod'], ['wait-timeout', '15m'], ['environment', 'LOG_LEVEL=info']]));
    expect(file.entries.map((entry) => entry.number)).toEqual([1, 2]);
    expect(file.entries[1]?.values).toEqual(
      new Map([
        ['service', 'api'],
        ['task-definition', 'deploy/api.json'],
        ['image', 'registry.example.com/api:1.4.2'],
        ['run-task-command', 'bin/migrate'],
        ['cluster', 'internal'],
        ['desired-count', '3'],
        ['wait', 'false'],
        ['environment', 'MODE=live\n-OLD'],
      ]),
    );
  });

  test('JSON needs no YAML library and reads the same', () => {
    const json = JSON.stringify(parse(YAML_FILE));
    expect(parseServicesFile(json, 'services.json')).toEqual(parseServicesFile(YAML_FILE, 'services.json', yaml));
  });

  test('YAML scalars reach the input exactly as written: no number is changed, true/false still read', () => {
    const file = parseServicesFile(
      'defaults:\n  wait: false\nservices:\n  - service: web\n    image: registry.example.com/web:1.10\n    tags:\n      version: 1.10\n      build: 01234\n      account: 12345678901234567890\n    environment:\n      - RATE=0.50\n    desired-count: 3\n',
      'f.yml',
      yaml,
    );
    expect(file.entries[0]?.values.get('tags')).toBe('version=1.10\nbuild=01234\naccount=12345678901234567890');
    expect(file.entries[0]?.values.get('environment')).toBe('RATE=0.50');
    const inputs = parseInputs(entryInputs(file, file.entries[0]!, usual()));
    expect(inputs).toMatchObject({ wait: false, desiredCount: 3, image: 'registry.example.com/web:1.10' });
  });

  test.each([
    ['a fraction', '{"services":[{"service":"web","tags":{"version":1.10}}]}', 'services-file f.json, entry 1 (web): tags: version: JSON reads this number as 1.1, which may not be what the file says'],
    ['a big whole number', '{"services":[{"service":"web","desired-count":12345678901234567890}]}', 'services-file f.json, entry 1 (web): desired-count: JSON reads this number as 12345678901234567000'],
    ['a fraction in a list', '{"defaults":{"environment":["A",0.5]},"services":[{"service":"web"}]}', 'services-file f.json, defaults: environment: JSON reads this number as 0.5'],
  ])('JSON: %s is refused, naming the entry and key, and asked to be quoted', (_name, text, message) => {
    expect(() => parseServicesFile(text, 'f.json')).toThrow(message);
    expect(() => parseServicesFile(text, 'f.json')).toThrow('write it in quotes, as text.');
  });

  test('JSON: whole numbers and booleans still read', () => {
    const file = parseServicesFile('{"services":[{"service":"web","desired-count":3,"wait":false}]}', 'f.json');
    expect(parseInputs(entryInputs(file, file.entries[0]!, usual()))).toMatchObject({ desiredCount: 3, wait: false });
  });

  test('an alias is read as its input', () => {
    const file = parseServicesFile('{"services":[{"service":"web","wait-for-task-stopped":false}]}', 'f.json');
    expect(file.entries[0]?.values.get('run-task-wait')).toBe('false');
  });

  test.each([
    ['an unknown key names the entry, its service and the key, with a did-you-mean', 'services:\n  - service: web\n  - service: api\n    imgae: x\n', 'services-file deploy/services.yml, entry 2 (api): unknown input "imgae"; did you mean image?'],
    ['an unknown key in defaults', 'defaults:\n  clustr: prod\nservices:\n  - service: web\n', 'services-file deploy/services.yml, defaults: unknown input "clustr"; did you mean cluster?'],
    ['a run-wide input in an entry', 'services:\n  - service: web\n    poll-interval: 5s\n', 'services-file deploy/services.yml, entry 1 (web): poll-interval holds for the whole run and cannot differ per service; give it outside the file (a flag, ECS_DELIVER_POLL_INTERVAL or with:).'],
    ['a run-wide input in defaults', 'defaults:\n  on-failure: stop\nservices:\n  - service: web\n', 'services-file deploy/services.yml, defaults: on-failure holds for the whole run'],
    ['a secret', 'services:\n  - service: web\n    registry-password: hunter22\n', 'registry-password is a secret and is not read from a file; set ECS_DELIVER_REGISTRY_PASSWORD instead.'],
    ['an input given twice by its alias', 'services:\n  - run-task-wait: true\n    wait-for-task-stopped: false\n', 'run-task-wait is given twice (as wait-for-task-stopped too); keep one.'],
    ['no services', 'defaults:\n  cluster: prod\n', 'services must be a list with one entry per service'],
    ['an empty list', 'services: []\n', 'services must be a list with one entry per service'],
    ['an entry that is not a mapping', 'services:\n  - web\n', 'entry 1: must be a mapping of inputs'],
    ['a top-level key that is neither', 'service:\n  - service: web\n', 'unknown key "service"; did you mean services?'],
    ['a nested value', 'services:\n  - service: web\n    environment:\n      A:\n        B: c\n', 'entry 1 (web): environment: give a text, a number, true/false, a list of lines or a mapping of KEY: value.'],
    ['text that is not YAML', 'services: [\n', 'services-file: deploy/services.yml is not valid YAML or JSON'],
  ])('%s', (_name, text, message) => {
    expect(refusal(text)).toContain(message);
  });

  test.each([
    ['an empty file', ''],
    ['a blank file', '  \n\n'],
    ['a file of only a byte order mark', '\uFEFF\n'],
    ['a file of only comments', '# services to come\n'],
  ])('%s says it is empty and what to write', (_name, text) => {
    expect(refusal(text)).toBe('services-file: deploy/services.yml is empty; list the services under "services:".');
    if (!text.includes('#')) {
      expect(() => parseServicesFile(text, 'deploy/services.yml')).toThrow('services-file: deploy/services.yml is empty; list the services under "services:".');
    }
  });

  test('every wrong key of every entry and of the defaults is named at once', () => {
    const message = refusal('defaults:\n  clustr: prod\nservices:\n  - service: web\n    imgae: x\n  - service: api\n    poll-interval: 5s\n    famly: api\n');
    expect(message.split('\n')).toEqual([
      'services-file deploy/services.yml, defaults: unknown input "clustr"; did you mean cluster?',
      'services-file deploy/services.yml, entry 1 (web): unknown input "imgae"; did you mean image?',
      expect.stringContaining('entry 2 (api): poll-interval holds for the whole run'),
      'services-file deploy/services.yml, entry 2 (api): unknown input "famly"; did you mean family?',
    ]);
  });

  test('every run-wide input of the schema is refused inside an entry', () => {
    const runWide = INPUTS.filter((spec) => spec.runWide && !spec.secret).map((spec) => spec.name);
    expect(runWide).toEqual(expect.arrayContaining(['region', 'role-arn', 'poll-interval', 'dry-run', 'docker-command', 'max-parallel', 'max-parallel-builds', 'on-failure', 'services-file']));
    for (const name of runWide) expect(refusal(`services:\n  - service: web\n    ${name}: x\n`)).toContain(`${name} holds for the whole run`);
  });
});

describe('entryInputs: the entry, then defaults, then the usual inputs', () => {
  const file = parseServicesFile(YAML_FILE, 'deploy/services.yml', yaml);
  const [web, api] = file.entries;

  test('each input comes from the first place that gives it', () => {
    const raw = entryInputs(file, api!, usual({ cluster: 'default-cluster', 'wait-timeout': '5m', 'max-failed-tasks': '4', region: 'eu-west-1' }));
    const inputs = parseInputs(raw);
    expect(inputs).toMatchObject({
      cluster: 'internal', // the entry
      waitTimeoutMs: 15 * 60_000, // defaults
      maxFailedTasks: 4, // the usual inputs
      region: 'eu-west-1',
      service: 'api',
      desiredCount: 3,
      wait: false,
    });
    // The entry's environment replaces the defaults' whole value, as a flag replaces a variable.
    expect(inputs.environment).toEqual([{ key: 'MODE', op: 'set', value: 'live' }, { key: 'OLD', op: 'remove' }]);
    expect(parseInputs(entryInputs(file, web!, usual({ cluster: 'x' })))).toMatchObject({ cluster: 'prod', waitTimeoutMs: 15 * 60_000 });
  });

  test('given: what the entry or defaults set counts as given, so an empty value is caught as for a flag', () => {
    const blank = parseServicesFile('services:\n  - service: web\n    execution-role-arn: ""\n', 'f.yml', yaml);
    expect(() => parseInputs(entryInputs(blank, blank.entries[0]!, usual()))).toThrow('execution-role-arn: given but empty');
    expect(entryInputs(file, web!, usual({}, ['tags'])).given?.('tags')).toBe(true);
    expect(entryInputs(file, web!, usual()).given?.('tags')).toBe(false);
  });

  test('a timeout in the file wins over a wait-for-minutes given further out, as a flag wins over a variable', () => {
    const byEnv = usual({ 'wait-for-minutes': '3' });
    // The defaults set wait-timeout (YAML_FILE): wait-for-minutes from the usual inputs gives way.
    expect(parseInputs(entryInputs(file, web!, byEnv))).toMatchObject({ waitTimeoutMs: 15 * 60_000 });
    expect(entryInputs(file, web!, byEnv).given?.('wait-for-minutes')).toBe(false);
    const entryTimeout = parseServicesFile('defaults:\n  wait-for-minutes: 3\nservices:\n  - service: web\n    run-task-timeout: 2m\n', 'f.yml', yaml);
    expect(parseInputs(entryInputs(entryTimeout, entryTimeout.entries[0]!, usual())).runTask.timeoutMs).toBe(2 * 60_000);
    // The timeout the file does not set keeps the bound wait-for-minutes gave it.
    expect(parseInputs(entryInputs(entryTimeout, entryTimeout.entries[0]!, usual())).waitTimeoutMs).toBe(3 * 60_000);
    expect(parseInputs(entryInputs(file, web!, byEnv)).runTask.timeoutMs).toBe(3 * 60_000);
    // Without a timeout in the file, wait-for-minutes bounds both waits as in a single run.
    const plain = parseServicesFile('services:\n  - service: web\n', 'f.yml', yaml);
    expect(parseInputs(entryInputs(plain, plain.entries[0]!, byEnv))).toMatchObject({ waitTimeoutMs: 3 * 60_000 });
    // Both in the same mapping is still refused.
    const both = parseServicesFile('services:\n  - service: web\n    wait-for-minutes: 3\n    wait-timeout: 5m\n', 'f.yml', yaml);
    expect(() => parseInputs(entryInputs(both, both.entries[0]!, usual()))).toThrow('wait-for-minutes and wait-timeout both set');
  });

  test('the label names the entry by its service', () => {
    expect(entryLabel(file, api!)).toBe('services-file deploy/services.yml, entry 2 (api)');
  });
});

describe('the run-wide inputs of a services-file', () => {
  test('defaults: every service at once, two builds, continue', () => {
    expect(parseInputs(usual({ 'services-file': 'deploy/services.yml' })).services).toEqual({
      file: 'deploy/services.yml',
      maxParallel: undefined,
      maxParallelBuilds: 2,
      onFailure: 'continue',
    });
  });

  test.each([
    [{ 'on-failure': 'halt' }, 'on-failure: "halt" is not one of continue, stop, rollback-all'],
    [{ 'max-parallel': '0' }, 'max-parallel: "0" is not a whole number from 1 to 1000'],
    [{ 'max-parallel-builds': 'two' }, 'max-parallel-builds: "two" is not a whole number'],
  ])('%j is refused', (values, message) => {
    expect(() => parseInputs(usual(values))).toThrow(message);
  });
});

describe('how a run of many services ends', () => {
  test.each([
    [['COMPLETED', 'SKIPPED'], 'SKIPPED'],
    [['COMPLETED', 'NOT_STARTED', 'FAILED'], 'FAILED'],
    [['ROLLED_BACK', 'TIMED_OUT', 'SUPERSEDED'], 'TIMED_OUT'],
    [['FAILED', 'UNKNOWN'], 'UNKNOWN'],
    [['UNKNOWN', 'CANCELLED', 'COMPLETED'], 'CANCELLED'],
    [[], 'NOT_STARTED'],
  ] as const)('the worst of %j is %s', (statuses, worst) => {
    expect(worstStatus(statuses)).toBe(worst);
  });

  test('exit 0 only when every service COMPLETED or was SKIPPED; a cancel exits as its signal', () => {
    expect(fleetExitCode([deliveryResult({}), deliveryResult({ deploymentStatus: 'SKIPPED' })], undefined)).toBe(0);
    expect(fleetExitCode([deliveryResult({}), deliveryResult({ deploymentStatus: 'ROLLED_BACK' })], undefined)).toBe(1);
    expect(fleetExitCode([deliveryResult({ deploymentStatus: 'CANCELLED' })], 'SIGTERM')).toBe(143);
  });

  test('outputs: lists in the file order, the worst status, and results with a reason for what did not end well', () => {
    const outputs = fleetOutputs([
      deliveryResult({ deploymentId: 'ecs-svc/1', serviceDeploymentArn: 'arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/1', endpoint: 'https://web-0123abcd.ecs.eu-west-1.on.aws' }),
      deliveryResult({ service: 'api', image: 'example/api:2', taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:5', revision: 5, registered: false, deploymentStatus: 'FAILED', statusMessage: 'tasks failed to start' }),
      deliveryResult({ service: 'shop', deploymentId: 'ecs-svc/3', codeDeployDeploymentId: 'd-ABC123' }),
    ]);
    expect(outputs).toMatchObject({
      'task-definition-revision': '2,5,2',
      registered: 'true',
      image: 'example/web:2,example/api:2',
      // One position per entry, empty where that service has none, so positions line up with the file.
      'deployment-id': 'ecs-svc/1,,ecs-svc/3',
      'codedeploy-deployment-id': ',,d-ABC123',
      'service-deployment-arn': 'arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/1,,',
      endpoint: 'https://web-0123abcd.ecs.eu-west-1.on.aws,,',
      'run-task-arn': '',
      'deployment-status': 'FAILED',
    });
    expect(JSON.parse(outputs['results'] ?? '')).toEqual([
      {
        service: 'web',
        cluster: 'prod',
        'task-definition-arn': 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:2',
        registered: true,
        image: 'example/web:2',
        'deployment-id': 'ecs-svc/1',
        'codedeploy-deployment-id': '',
        'service-deployment-arn': 'arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/1',
        endpoint: 'https://web-0123abcd.ecs.eu-west-1.on.aws',
        'deployment-status': 'COMPLETED',
        reason: '',
      },
      {
        service: 'api',
        cluster: 'prod',
        'task-definition-arn': 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:5',
        registered: false,
        image: 'example/api:2',
        'deployment-id': '',
        'codedeploy-deployment-id': '',
        'service-deployment-arn': '',
        endpoint: '',
        'deployment-status': 'FAILED',
        reason: 'tasks failed to start',
      },
      expect.objectContaining({ service: 'shop', 'codedeploy-deployment-id': 'd-ABC123', 'service-deployment-arn': '' }),
    ]);
  });

  test('the table: service, revision, outcome, time, reason', () => {
    expect(outcomeTable([deliveryResult({}), deliveryResult({ cluster: 'batch', service: 'worker', taskDefinitionArn: '', deploymentStatus: 'NOT_STARTED', statusMessage: 'not started', finishedAt: 0 })])).toEqual([
      'SERVICE       REVISION  OUTCOME      TIME  REASON',
      'prod/web      web:2     COMPLETED    6.1s',
      'batch/worker  -         NOT_STARTED  0.0s  not started',
    ]);
  });
});

describe('the README example', () => {
  test('is examples/deploy/services.yml, shown whole, and every entry of it reads as inputs', () => {
    const example = readFileSync(new URL('../../examples/deploy/services.yml', import.meta.url), 'utf8');
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain(`\`\`\`yaml\n${example}\`\`\``);
    const file = parseServicesFile(example, 'deploy/services.yml', yaml);
    const inputs = file.entries.map((entry) => parseInputs(entryInputs(file, entry, usual({ region: 'eu-west-1' }))));
    expect(inputs.map((entry) => `${entry.cluster}/${entry.service}`)).toEqual(['production/web', 'production/api', 'batch/worker']);
  });
});

describe('rollback-all: the put-back deployment', () => {
  test('deploys the previous revision as it is, with its desired count, waited for, and neither rolled back on failure nor on cancel', async () => {
    const inputs = parseInputs(usual({ cluster: 'prod', service: 'web', image: 'registry.example.com/web:2', rollback: 'true', 'rollback-on-cancel': 'true', 'keep-revisions': '2' }));
    const now = { serviceName: 'web', status: 'ACTIVE', taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:5', desiredCount: 3 };
    const ecs = {
      describeCluster: async () => ({ clusterName: 'prod', status: 'ACTIVE' }),
      describeServices: async () => ({ services: [now], failures: [] }),
    } as unknown as EcsApi;
    const deployed = {
      region: 'eu-west-1',
      cluster: 'prod',
      compared: true,
      taskDefinition: { kind: 'existing', arn: 'web:5', revision: 5, family: 'web' },
      changes: ['image changed'],
      image: { others: [] },
      keepRevisions: { family: 'web', keep: 2 },
      update: { cluster: 'prod', service: 'web', before: {}, forceNewDeployment: true, watch: { timeoutMs: 1, pollIntervalMs: 1, rollback: true, rollbackOnCancel: true } },
    } as unknown as DeployPlan;

    const plan = await putBackPlan(ecs, deployed, inputs, { previous: { taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:4', desiredCount: 2 } });

    expect(plan.taskDefinition).toEqual({ kind: 'existing', arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:4', revision: 4, family: 'web' });
    expect(plan.update).toMatchObject({ cluster: 'prod', service: 'web', before: now, desiredCount: 2, forceNewDeployment: false });
    expect(plan.update?.watch).toMatchObject({ rollback: false, rollbackOnCancel: false, timeoutMs: inputs.waitTimeoutMs, pollIntervalMs: inputs.pollIntervalMs });
    expect(plan).not.toHaveProperty('image');
    expect(plan).not.toHaveProperty('keepRevisions');
    expect(plan).not.toHaveProperty('runTask');
  });
});

describe('one entry per service', () => {
  test('a service written by name or by ARN, in a cluster written by name or by ARN, is one service', () => {
    const byName = serviceKey({ cluster: 'prod', service: 'web' });
    expect(serviceKey({ cluster: 'prod', service: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web' })).toBe(byName);
    expect(serviceKey({ cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod', service: 'web' })).toBe(byName);
    expect(serviceKey({ cluster: 'prod', service: 'api' })).not.toBe(byName);
    expect(serviceKey({ cluster: 'staging', service: 'web' })).not.toBe(byName);
  });
});

describe('the cancel backstop', () => {
  const plan = (update: object) => ({ update }) as unknown as DeployPlan;
  const at = (step: Progress['step']): Progress => ({ ...newProgress(), step });
  const rollsBack = plan({ kind: rolling, watch: { rollbackOnCancel: true } });
  const codeDeployPlan = plan({ kind: codeDeploy, codeDeploy: {} });
  const plain = plan({ kind: rolling, watch: { rollbackOnCancel: false } });

  test('waits for rollbacks when a service updating or watched rolls back on cancel, or is a CodeDeploy service (its cancel stops with rollback)', () => {
    expect(rollsBackOnCancel([{ plan: plain, progress: at('watch') }, { plan: rollsBack, progress: at('watch') }])).toBe(true);
    expect(rollsBackOnCancel([{ plan: plain, progress: at('update') }, { plan: codeDeployPlan, progress: at('update') }])).toBe(true);
    expect(rollsBackOnCancel([{ plan: plain, progress: at('watch') }, { progress: at('plan') }])).toBe(false);
    // Not yet at its update: a cancel stops it before it changes anything.
    expect(rollsBackOnCancel([{ plan: rollsBack, progress: at('register') }])).toBe(false);
  });
});
