// The inputs teams bring from aws-actions' render and deploy actions: how they are read, what is refused (one line
// naming the input), what they change in the rendered task definition, and what UpdateService and RunTask carry.
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseInputs } from '../../src/inputs/parse.js';
import { parseArgv, rawInputReader } from '../../src/inputs/sources.js';
import { RUN_TASK_DEFAULTS, type RunTaskOptions } from '../../src/runtask/options.js';
import { planRunTask } from '../../src/runtask/plan.js';
import { buildRunTaskRequest } from '../../src/runtask/request.js';
import { describeRunTask } from '../../src/runtask/describe.js';
import { applyEdits } from '../../src/taskdef/apply-edits.js';
import { containerExtrasEdits } from '../../src/taskdef/container-extras.js';
import { sameDocument } from '../../src/taskdef/normalize.js';
import type { ContainerDefinition, TaskDefinitionDocument, TaskDefinitionEdits } from '../../src/taskdef/types.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecs-infrastructure';
const VOLUME = JSON.stringify({ roleArn: ROLE, sizeInGiB: 20, volumeType: 'gp3', filesystemType: 'xfs' });

function parseFlags(argv: string[]) {
  return parseInputs(rawInputReader(parseArgv(argv, {}), {}, new Map()));
}

function refusal(argv: string[]): string {
  try {
    parseFlags(argv);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

const deploy = ['--service', 'web', '--family', 'web', '--image', 'web:2'];

describe('reading the inputs', () => {
  test('none of them given: nothing to send, nothing to change', () => {
    const inputs = parseFlags(deploy);
    expect(inputs).toMatchObject({ enableEcsManagedTags: undefined, propagateTags: '', serviceVolume: undefined, logDriver: '', logOptions: [], dockerLabels: [], envFiles: [] });
    expect(inputs.runTask.volumeConfigurations).toBeUndefined();
    expect(inputs.runTask.enableEcsManagedTags).toBeUndefined();
  });

  test.each([
    ['true', true],
    ['false', false],
  ])('enable-ecs-managed-tags %s is read as given', (given, expected) => {
    expect(parseFlags([...deploy, '--enable-ecs-managed-tags', given]).enableEcsManagedTags).toBe(expected);
  });

  test.each(['SERVICE', 'TASK_DEFINITION', 'NONE'])('propagate-tags %s', (given) => {
    expect(parseFlags([...deploy, '--propagate-tags', given]).propagateTags).toBe(given);
  });

  test('the service-managed EBS volume becomes one volume configuration, fields kept as given', () => {
    const inputs = parseFlags([...deploy, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', VOLUME]);
    expect(inputs.serviceVolume).toEqual({ name: 'data', managedEBSVolume: { roleArn: ROLE, sizeInGiB: 20, volumeType: 'gp3', filesystemType: 'xfs' } });
  });

  test('the one-off task takes its own EBS volume and managed tags', () => {
    const inputs = parseFlags([
      ...deploy,
      '--run-task-command', 'npm run migrate',
      '--run-task-managed-ebs-volume-name', 'scratch',
      '--run-task-managed-ebs-volume', JSON.stringify({ roleArn: ROLE, sizeInGiB: 5, terminationPolicy: { deleteOnTermination: true } }),
      '--run-task-enable-ecs-managed-tags', 'false',
    ]);
    expect(inputs.runTask.volumeConfigurations).toEqual([{ name: 'scratch', managedEBSVolume: { roleArn: ROLE, sizeInGiB: 5, terminationPolicy: { deleteOnTermination: true } } }]);
    expect(inputs.runTask.enableEcsManagedTags).toBe(false);
  });

  test('enable-ecs-managed-tags also applies to the one-off task, as in aws-actions, unless run-task-enable-ecs-managed-tags says otherwise', () => {
    expect(parseFlags([...deploy, '--run-task', 'true', '--enable-ecs-managed-tags', 'true']).runTask.enableEcsManagedTags).toBe(true);
    expect(parseFlags([...deploy, '--run-task', 'true', '--enable-ecs-managed-tags', 'true', '--run-task-enable-ecs-managed-tags', 'false']).runTask.enableEcsManagedTags).toBe(false);
    expect(parseFlags([...deploy, '--enable-ecs-managed-tags', 'true']).runTask.enableEcsManagedTags).toBeUndefined();
  });

  test('without a service, enable-ecs-managed-tags applies to the one-off task alone; with neither it is refused', () => {
    const runOnly = ['--family', 'web', '--image', 'web:2', '--enable-ecs-managed-tags', 'true'];
    expect(parseFlags([...runOnly, '--run-task', 'true']).runTask.enableEcsManagedTags).toBe(true);
    expect(refusal(runOnly)).toMatch(/^enable-ecs-managed-tags changes the service, so enable-ecs-managed-tags needs service/);
  });

  test('run-task-tags takes the JSON array aws-actions takes, as well as key=value lines', () => {
    const json = parseFlags([...deploy, '--run-task', 'true', '--run-task-tags', '[{"key":"team","value":"db"},{"key":"a=b","value":"c=d"}]']);
    expect(json.runTask.tags).toEqual([{ key: 'team', value: 'db' }, { key: 'a=b', value: 'c=d' }]);
    expect(parseFlags([...deploy, '--run-task', 'true', '--run-task-tags', 'team=db']).runTask.tags).toEqual([{ key: 'team', value: 'db' }]);
  });

  test('render inputs: log configuration, labels with "=" in values, env files one a line or comma-separated', () => {
    const inputs = parseFlags([
      ...deploy,
      '--log-configuration-log-driver', 'awslogs',
      '--log-configuration-options', 'awslogs-group=/ecs/web\nawslogs-stream-prefix=ecs\nmode=',
      '--docker-labels', 'traefik.http.routers.web.rule=Host(`a.example.com`) && Path(`/x=1`)',
      '--env-files', 'arn:aws:s3:::config-bucket/web/common.env,arn:aws:s3:::config-bucket/web/prod.env\narn:aws-cn:s3:::cn-bucket/x.env',
    ]);
    expect(inputs.logDriver).toBe('awslogs');
    expect(inputs.logOptions).toEqual([{ key: 'awslogs-group', value: '/ecs/web' }, { key: 'awslogs-stream-prefix', value: 'ecs' }, { key: 'mode', value: '' }]);
    expect(inputs.dockerLabels).toEqual([{ key: 'traefik.http.routers.web.rule', value: 'Host(`a.example.com`) && Path(`/x=1`)' }]);
    expect(inputs.envFiles).toEqual(['arn:aws:s3:::config-bucket/web/common.env', 'arn:aws:s3:::config-bucket/web/prod.env', 'arn:aws-cn:s3:::cn-bucket/x.env']);
  });
});

describe('aws-actions spellings on a GitHub step', () => {
  /** The step's with: inputs as GitHub passes them, our action.yml's defaults included. */
  function github(withInputs: Record<string, string>) {
    const env: Record<string, string> = { GITHUB_ACTIONS: 'true', INPUT_WAIT: 'true', 'INPUT_WAIT-TIMEOUT': '30m', 'INPUT_RUN-TASK-TIMEOUT': '30m', INPUT_CLUSTER: 'default' };
    for (const [name, value] of Object.entries(withInputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    return parseInputs(rawInputReader(parseArgv([], env), env, new Map()));
  }

  test('task-definition-family, environment-variables and wait-for-service-stability read as family, environment and wait', () => {
    const inputs = github({ service: 'web', image: 'web:2', 'task-definition-family': 'web', 'environment-variables': 'A=1\nB=x=y', 'wait-for-service-stability': 'false' });
    expect(inputs.family).toBe('web');
    expect(inputs.environment).toEqual([{ op: 'set', key: 'A', value: '1' }, { op: 'set', key: 'B', value: 'x=y' }]);
    expect(inputs.wait).toBe(false);
  });

  test('wait-for-minutes bounds the rollout wait and the one-off task, as their one number does', () => {
    const inputs = github({ service: 'web', family: 'web', image: 'web:2', 'run-task': 'true', 'wait-for-minutes': '10' });
    expect(inputs.waitTimeoutMs).toBe(600_000);
    expect(inputs.runTask.timeoutMs).toBe(600_000);
    expect(github({ service: 'web', family: 'web', image: 'web:2' }).waitTimeoutMs).toBe(30 * 60_000);
  });

  test('wait-for-minutes with a wait-timeout of our own is refused as two answers to one question', () => {
    expect(() => github({ service: 'web', family: 'web', image: 'web:2', 'wait-for-minutes': '10', 'wait-timeout': '15m' })).toThrow(
      /^wait-for-minutes and wait-timeout both set how long to wait; keep wait-timeout \(such as 10m\) and remove wait-for-minutes\.$/,
    );
  });
});

describe('refusals: exit 2, one line naming the input', () => {
  const task = [...deploy, '--run-task-command', 'npm run migrate'];
  test.each<[string, string[], RegExp]>([
    ['an EBS volume name without its configuration', [...deploy, '--service-managed-ebs-volume-name', 'data'], /^service-managed-ebs-volume-name and service-managed-ebs-volume go together: service-managed-ebs-volume-name is set but service-managed-ebs-volume is not/],
    ['an EBS configuration without its name', [...deploy, '--service-managed-ebs-volume', VOLUME], /^service-managed-ebs-volume-name and service-managed-ebs-volume go together: service-managed-ebs-volume is set but service-managed-ebs-volume-name is not/],
    ['a task EBS volume name alone', [...task, '--run-task-managed-ebs-volume-name', 'scratch'], /^run-task-managed-ebs-volume-name and run-task-managed-ebs-volume go together/],
    ['EBS configuration that is not JSON', [...deploy, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', "{roleArn: 'x'}"], /^service-managed-ebs-volume: is not JSON/],
    ['EBS configuration that is an array', [...deploy, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', '[]'], /^service-managed-ebs-volume: expected a JSON object/],
    ['EBS configuration without roleArn', [...deploy, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', '{"sizeInGiB":20}'], /^service-managed-ebs-volume: needs "roleArn"/],
    ['a task EBS configuration without roleArn', [...task, '--run-task-managed-ebs-volume-name', 's', '--run-task-managed-ebs-volume', '{"sizeInGiB":5}'], /^run-task-managed-ebs-volume: needs "roleArn"/],
    ['a role name where ECS wants an ARN', [...deploy, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', '{"roleArn":"ecs-infrastructure"}'], /^service-managed-ebs-volume: roleArn "ecs-infrastructure" is not a role ARN/],
    ['a field the SDK would drop', [...deploy, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', JSON.stringify({ roleArn: ROLE, sizeGb: 20 })], /^service-managed-ebs-volume: unknown field sizeGb/],
    ['terminationPolicy on a service volume', [...deploy, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', JSON.stringify({ roleArn: ROLE, terminationPolicy: { deleteOnTermination: true } })], /^service-managed-ebs-volume: unknown field terminationPolicy/],
    ['a size written as a string', [...deploy, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', JSON.stringify({ roleArn: ROLE, sizeInGiB: '20' })], /^service-managed-ebs-volume: sizeInGiB must be a whole number/],
    ['a file system ECS does not make', [...deploy, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', JSON.stringify({ roleArn: ROLE, filesystemType: 'btrfs' })], /^service-managed-ebs-volume: filesystemType "btrfs"/],
    ['run-task-propagate-tags SERVICE', [...task, '--run-task-propagate-tags', 'SERVICE'], /^run-task-propagate-tags: "SERVICE" is not TASK_DEFINITION or NONE \(RunTask cannot copy tags from a service\)$/],
    ['propagate-tags in lower case', [...deploy, '--propagate-tags', 'service'], /^propagate-tags: "service" is not one of SERVICE, TASK_DEFINITION, NONE/],
    ['enable-ecs-managed-tags yes-please', [...deploy, '--enable-ecs-managed-tags=yes-please'], /^enable-ecs-managed-tags: "yes-please" is not a boolean/],
    ['an env file that is a path', [...deploy, '--env-files', 'config/prod.env'], /^env-files: "config\/prod.env" is not an S3 object ARN/],
    ['an env file without .env', [...deploy, '--env-files', 'arn:aws:s3:::config-bucket/web/prod.txt'], /^env-files: "arn:aws:s3:::config-bucket\/web\/prod.txt" does not end in .env/],
    ['an env file that is a bucket', [...deploy, '--env-files', 'arn:aws:s3:::config-bucket'], /^env-files: .* does not end in .env/],
    ['an env file given as an S3 URL', [...deploy, '--env-files', 's3://config-bucket/prod.env'], /^env-files: "s3:\/\/config-bucket\/prod.env" is not an S3 object ARN/],
    ['a log driver ECS does not take', [...deploy, '--log-configuration-log-driver', 'loki'], /^log-configuration-log-driver: "loki" is not a log driver ECS takes/],
    ['a log option without =', [...deploy, '--log-configuration-options', 'awslogs-group'], /^log-configuration-options, line 1: expected key=value/],
    ['a docker label without =', [...deploy, '--docker-labels', 'team'], /^docker-labels, line 1: expected key=value/],
    ['docker-labels with task-definition-arn', ['--service', 'web', '--task-definition-arn', 'web:3', '--docker-labels', 'a=b'], /^task-definition-arn deploys an existing revision as it is, so docker-labels would be ignored/],
    ['env-files and log options with task-definition-arn', ['--service', 'web', '--task-definition-arn', 'web:3', '--env-files', 'arn:aws:s3:::b-1/a.env', '--log-configuration-options', 'a=b'], /so log-configuration-options, env-files would be ignored/],
    ['propagate-tags without a service', ['--family', 'web', '--image', 'web:2', '--propagate-tags', 'SERVICE'], /^propagate-tags changes the service, so propagate-tags needs service/],
    ['a service EBS volume without a service', ['--family', 'web', '--image', 'web:2', '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', VOLUME], /^service-managed-ebs-volume changes the service/],
    ['run-task-tags JSON with a reserved key', [...task, '--run-task-tags', '[{"key":"aws:team","value":"x"}]'], /^run-task-tags: the tag key "aws:team" starts with "aws:"/],
    ['run-task-tags JSON that is broken', [...task, '--run-task-tags', '[{"key":"team"'], /^run-task-tags: starts with '\[' but is not JSON/],
  ])('%s', (_name, argv, message) => {
    const text = refusal(argv);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  test.each<[string, string[], RegExp]>([
    ['a task EBS volume without a task', ['--run-task-managed-ebs-volume-name', 's', '--run-task-managed-ebs-volume', VOLUME], /^run-task-managed-ebs-volume: only used when a one-off task runs/],
    ['run-task-enable-ecs-managed-tags without a task', ['--run-task-enable-ecs-managed-tags', 'true'], /^run-task-enable-ecs-managed-tags: only used when a one-off task runs/],
  ])('%s (refused by the plan, before anything changes)', (_name, argv, message) => {
    const { runTask } = parseFlags([...deploy, ...argv]);
    expect(() => planRunTask({ options: runTask, cluster: 'default', taskDefinition: {} })).toThrow(message);
  });

  test('a refused EBS configuration never echoes its values', () => {
    const text = refusal([...deploy, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', JSON.stringify({ roleArn: ROLE, kmsKeyId: 12345 })]);
    expect(text).toMatch(/kmsKeyId must be a string/);
    expect(text).not.toContain('12345');
  });
});

function doc(container: ContainerDefinition): TaskDefinitionDocument {
  return { taskDefinition: { family: 'web', containerDefinitions: [container, { name: 'envoy', image: 'envoy:1' }] }, tags: [] };
}

function edits(values: Partial<Parameters<typeof containerExtrasEdits>[0]>): TaskDefinitionEdits {
  return {
    images: new Map(),
    containerName: 'web',
    environment: [],
    environmentMode: 'merge',
    secrets: [],
    secretsMode: 'merge',
    tags: [],
    ...containerExtrasEdits({ logDriver: '', logOptions: [], dockerLabels: [], envFiles: [], ...values }),
  };
}

const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1' } };

describe('the rendered task definition', () => {
  test.each<[string, ContainerDefinition, Partial<Parameters<typeof containerExtrasEdits>[0]>, Partial<ContainerDefinition>]>([
    ['a driver on a container without logging', { name: 'web', image: 'web:1' }, { logDriver: 'awslogs', logOptions: [{ key: 'awslogs-group', value: '/ecs/web' }] }, { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } } }],
    ['options merged into the same driver\'s options, empty values kept', { name: 'web', image: 'web:1', logConfiguration: awslogs }, { logDriver: 'awslogs', logOptions: [{ key: 'awslogs-group', value: '/ecs/web-2' }, { key: 'mode', value: '' }] }, { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web-2', 'awslogs-region': 'eu-west-1', mode: '' } } }],
    ['options alone go to the current driver', { name: 'web', image: 'web:1', logConfiguration: awslogs }, { logOptions: [{ key: 'awslogs-stream-prefix', value: 'ecs' }] }, { logConfiguration: { logDriver: 'awslogs', options: { ...awslogs.options, 'awslogs-stream-prefix': 'ecs' } } }],
    ['another driver drops the options and secret options of the one before', { name: 'web', image: 'web:1', logConfiguration: { ...awslogs, secretOptions: [{ name: 't', valueFrom: 'x' }] } }, { logDriver: 'splunk', logOptions: [{ key: 'splunk-url', value: 'https://splunk.example.com' }] }, { logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://splunk.example.com' } } }],
    ['the same driver alone changes nothing', { name: 'web', image: 'web:1', logConfiguration: awslogs }, { logDriver: 'awslogs' }, { logConfiguration: awslogs }],
    ['labels merged, the given value winning', { name: 'web', image: 'web:1', dockerLabels: { team: 'a', tier: 'web' } }, { dockerLabels: [{ key: 'team', value: 'b' }, { key: 'version', value: '' }] }, { dockerLabels: { team: 'b', tier: 'web', version: '' } }],
    ['env files replace the list, in the order given', { name: 'web', image: 'web:1', environmentFiles: [{ value: 'arn:aws:s3:::old/x.env', type: 's3' }] }, { envFiles: ['arn:aws:s3:::b-1/b.env', 'arn:aws:s3:::b-1/a.env'] }, { environmentFiles: [{ value: 'arn:aws:s3:::b-1/b.env', type: 's3' }, { value: 'arn:aws:s3:::b-1/a.env', type: 's3' }] }],
  ])('%s', (_name, container, values, expected) => {
    const frozen = structuredClone(doc(container));
    const result = applyEdits(frozen, edits(values));
    expect(result.taskDefinition.containerDefinitions?.[0]).toEqual({ ...container, ...expected });
    // Only the chosen container changes, and the base stays as it was.
    expect(result.taskDefinition.containerDefinitions?.[1]).toEqual({ name: 'envoy', image: 'envoy:1' });
    expect(frozen).toEqual(doc(container));
  });

  test('options without a driver on a container that has none are refused, naming the inputs', () => {
    expect(() => applyEdits(doc({ name: 'web', image: 'web:1' }), edits({ logOptions: [{ key: 'a', value: 'b' }] }))).toThrow(
      /^log-configuration-options: container "web" has no log driver to give them to; set log-configuration-log-driver too$/,
    );
  });

  test('with two containers and no container-name, the refusal names these inputs', () => {
    const noName = { ...edits({ dockerLabels: [{ key: 'a', value: 'b' }], envFiles: ['arn:aws:s3:::b-1/a.env'] }) };
    delete noName.containerName;
    expect(() => applyEdits(doc({ name: 'web', image: 'web:1' }), noName)).toThrow(/^docker-labels, env-files: the task definition has 2 containers/);
  });

  test('applying the same inputs to what they rendered renders the same definition again (no new revision)', () => {
    const given = edits({
      logDriver: 'awslogs',
      logOptions: [{ key: 'awslogs-group', value: '/ecs/web' }],
      dockerLabels: [{ key: 'team', value: 'b' }],
      envFiles: ['arn:aws:s3:::b-1/a.env'],
    });
    const first = applyEdits(doc({ name: 'web', image: 'web:1', logConfiguration: awslogs }), given);
    // What ECS answers for the registered revision: its defaults filled in, maps in another key order.
    const registered = structuredClone(first);
    const web = registered.taskDefinition.containerDefinitions?.[0] as ContainerDefinition;
    Object.assign(web, { essential: true, cpu: 0, mountPoints: [], volumesFrom: [], dockerLabels: { ...web.dockerLabels } });
    web.logConfiguration = { options: { ...web.logConfiguration?.options }, logDriver: 'awslogs', secretOptions: [] };
    const second = applyEdits(registered, given);
    expect(sameDocument(second, registered)).toBe(true);
    expect(sameDocument(first, registered)).toBe(true);
    expect(sameDocument(applyEdits(registered, edits({ dockerLabels: [{ key: 'team', value: 'c' }] })), registered)).toBe(false);
  });
});

describe('the RunTask request', () => {
  const options = (overrides: Partial<RunTaskOptions>): RunTaskOptions => ({ useOwnCommand: true, subnets: [], securityGroups: [], tags: [], ...RUN_TASK_DEFAULTS, ...overrides });
  const base = { cluster: 'prod', taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7', container: 'web', clientToken: 't', placement: {} };
  const volume = { name: 'scratch', managedEBSVolume: { roleArn: ROLE, sizeInGiB: 5 } };

  test('carries the EBS volume and managed tags when given', () => {
    const request = buildRunTaskRequest({ ...base, options: options({ volumeConfigurations: [volume], enableEcsManagedTags: false, propagateTags: 'TASK_DEFINITION' }) });
    expect(request).toMatchObject({ volumeConfigurations: [volume], enableECSManagedTags: false, propagateTags: 'TASK_DEFINITION' });
    expect(describeRunTask(request, 'web', true, 60_000)).toEqual(expect.arrayContaining([
      '  propagate tags from: TASK_DEFINITION',
      '  ECS managed tags: off',
      `  EBS volume: scratch: 5 GiB, role ${ROLE}`,
    ]));
  });

  test('sends none of them when not given', () => {
    const request = buildRunTaskRequest({ ...base, options: options({}) });
    expect(request).not.toHaveProperty('volumeConfigurations');
    expect(request).not.toHaveProperty('enableECSManagedTags');
    expect(request).not.toHaveProperty('propagateTags');
  });
});
