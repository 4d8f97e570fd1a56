// Turns the raw strings a host read into one typed Inputs object. Every input is read here and only here.
import type { ServiceVolumeConfiguration } from '@aws-sdk/client-ecs';
import { InputError } from '../errors.js';
import type { EditMode, KeyValueEdit, Tag } from '../taskdef/types.js';
import { formatDuration, parseDuration } from './duration.js';
import { checkCompatibilities, checkFamily, checkRepositoryCredentials, checkRole, checkSecretSources, checkTags } from './ecs-limits.js';
import { checkTaskSize } from '../taskdef/fargate-sizes.js';
import { parseImageLines, parseKeyValueLines, parsePairLines, parseTagLines } from './kv-lines.js';
import { parseServiceManagedEbs, parseTaskManagedEbs } from './managed-ebs.js';
import { expressInputs, type ExpressInputs } from './express.js';
import { checkEnvFiles, checkLogDriver, checkMigratedCombination, parseTagInput } from './migrated-forms.js';
import { INPUTS, type InputSpec } from './schema.js';
import { parseCommand } from './shell-words.js';
import { runTaskOptionsFrom, runTaskRequested, type RunTaskOptions } from '../runtask/options.js';
import type { CodeDeployInputs } from './codedeploy.js';

/** The raw string of each input ("" when not given), and whether it was given at all, where the host can tell. */
export type RawInputs = ((name: string) => string) & { readonly given?: (name: string) => boolean };

export interface Inputs {
  image: string;
  images: ReadonlyMap<string, string>;
  buildContext: string;
  dockerfile: string;
  buildArgs: [string, string][];
  target: string;
  platform: string;
  sourceImage: string;
  push: boolean | undefined;
  pinDigest: boolean;
  verifyImage: 'auto' | 'true' | 'false';
  dockerCommand: string;
  registryAuth: 'auto' | 'ecr' | 'basic' | 'none';
  registryUsername: string;
  registryPassword: string;
  repositoryCredentials: string;
  createRepository: boolean;
  taskDefinitionFile: string;
  taskDefinitionArn: string;
  family: string;
  containerName: string;
  memory: number | undefined;
  cpu: number | undefined;
  containerPort: number | undefined;
  hostPort: number | undefined;
  protocol: 'tcp' | 'udp' | undefined;
  networkMode: string;
  requiresCompatibilities: string[];
  taskCpu: string;
  taskMemory: string;
  environment: KeyValueEdit[];
  environmentMode: EditMode;
  secrets: KeyValueEdit[];
  secretsMode: EditMode;
  command: string[] | undefined;
  executionRoleArn: string;
  taskRoleArn: string;
  tags: Tag[];
  /** log-configuration-log-driver; '' when not given. */
  logDriver: string;
  logOptions: { key: string; value: string }[];
  dockerLabels: { key: string; value: string }[];
  /** S3 object ARNs of .env files. */
  envFiles: string[];
  register: 'if-changed' | 'always';
  keepRevisions: number | undefined;
  cluster: string;
  service: string;
  desiredCount: number | undefined;
  forceNewDeployment: boolean;
  /** UpdateService enableECSManagedTags, sent only when given. */
  enableEcsManagedTags: boolean | undefined;
  /** UpdateService propagateTags, sent only when given. */
  propagateTags: '' | 'SERVICE' | 'TASK_DEFINITION' | 'NONE';
  /** UpdateService volumeConfigurations (service-managed-ebs-volume-name and -volume), sent only when given. */
  serviceVolume: ServiceVolumeConfiguration | undefined;
  wait: boolean;
  waitTimeoutMs: number;
  pollIntervalMs: number;
  maxFailedTasks: number | undefined;
  rollback: boolean;
  rollbackOnCancel: boolean;
  waitForRollback: boolean;
  /** wait-timeout (or wait-for-minutes) was given, not left at its default. */
  waitTimeoutSet: boolean;
  /** Blue/green, linear, canary: end the wait once production traffic moved, or when the deployment completed. */
  waitUntil: 'completed' | 'traffic-shifted' | 'paused';
  /** Longest wait at a PAUSE hook; unset: pauses count toward waitTimeoutMs. */
  pauseTimeoutMs: number | undefined;
  region: string;
  roleArn: string;
  webIdentityToken: string;
  dryRun: boolean;
  /** The one-off task run before the service is updated (run-task-*). */
  runTask: RunTaskOptions;
  /** For a service CodeDeploy deploys (codedeploy-*). */
  codeDeploy: CodeDeployInputs;
  /** A run of many services: services-file and the inputs that hold for its whole run. */
  services: ServicesInputs;
  /** For an Express Mode service: what its create and update calls carry beyond the task definition. */
  express: ExpressInputs;
}

export interface ServicesInputs {
  /** Empty: a run of the one service the other inputs name. */
  file: string;
  /** undefined: every service at once. */
  maxParallel: number | undefined;
  maxParallelBuilds: number;
  onFailure: 'continue' | 'stop' | 'rollback-all';
}

export function parseInputs(raw: RawInputs): Inputs {
  const read = inputReader(raw);
  const waiting = waitingInputs(read);
  const service = serviceInputs(read);
  const image = imageInputs(read, raw, service.service);
  const taskDefinition = taskDefinitionInputs(read);
  const runTask = runTaskInputs(read, service.enableEcsManagedTags);
  const inputs: Inputs = {
    ...image,
    ...registryInputs(read, raw),
    ...taskDefinition,
    ...service,
    ...waiting,
    ...awsInputs(read, raw),
    dryRun: read.bool('dry-run'),
    runTask,
    codeDeploy: {
      appspec: read.value('codedeploy-appspec'),
      application: read.value('codedeploy-application'),
      deploymentGroup: read.value('codedeploy-deployment-group'),
      description: read.value('codedeploy-deployment-description'),
      deploymentConfig: read.value('codedeploy-deployment-config'),
    },
    services: servicesInputs(read),
    express: expressInputs(read),
  };
  checkMigratedCombination({ ...inputs, runsTask: runTaskRequested(runTask) });
  return inputs;
}

type InputReader = ReturnType<typeof inputReader>;

/** The typed readers, and the two rules several groups share. */
function inputReader(raw: RawInputs) {
  const reader = specReader(raw);
  const waitForMinutes = reader.int('wait-for-minutes');
  return {
    ...reader,
    /** aws-actions' wait-for-minutes bounds both waits where our own duration input holds its default. */
    minutesOr(name: string, ms: number): number {
      if (waitForMinutes === undefined) return ms;
      if (reader.value(name) !== specFor(name).default) {
        throw new InputError(`wait-for-minutes and ${name} both set how long to wait; keep ${name} (such as ${waitForMinutes}m) and remove wait-for-minutes.`);
      }
      return waitForMinutes * 60_000;
    },
    /** A value that, when given at all, must not be empty: an unset CI variable is not "leave it out". */
    notBlankWhenGiven(name: string): string {
      const given = reader.value(name);
      if (given === '' && raw.given?.(name)) {
        throw new InputError(`${name}: given but empty (an unset variable?); set it, or leave ${name} out.`);
      }
      return given;
    },
  };
}

type WaitingInputs = Pick<
  Inputs,
  'wait' | 'waitTimeoutMs' | 'pollIntervalMs' | 'maxFailedTasks' | 'rollback' | 'rollbackOnCancel' | 'waitForRollback' | 'waitTimeoutSet' | 'waitUntil' | 'pauseTimeoutMs'
>;

/** Waiting, and the blue/green, linear and canary waits (staged). */
function waitingInputs(read: InputReader): WaitingInputs {
  const waitTimeoutMs = read.minutesOr('wait-timeout', read.duration('wait-timeout'));
  const pollIntervalMs = read.duration('poll-interval');
  if (waitTimeoutMs < pollIntervalMs) {
    throw new InputError(`wait-timeout: ${formatDuration(waitTimeoutMs)} is shorter than poll-interval (${formatDuration(pollIntervalMs)}); make it longer.`);
  }
  return {
    wait: read.bool('wait'),
    waitTimeoutMs,
    pollIntervalMs,
    maxFailedTasks: read.int('max-failed-tasks'),
    rollback: read.bool('rollback'),
    rollbackOnCancel: read.bool('rollback-on-cancel'),
    waitForRollback: read.bool('wait-for-rollback'),
    waitTimeoutSet: read.value('wait-timeout') !== specFor('wait-timeout').default || read.int('wait-for-minutes') !== undefined,
    waitUntil: read.choice('wait-until'),
    pauseTimeoutMs: read.value('pause-timeout') === '' ? undefined : read.duration('pause-timeout'),
  };
}

type ServiceInputs = Pick<
  Inputs,
  'cluster' | 'service' | 'desiredCount' | 'forceNewDeployment' | 'enableEcsManagedTags' | 'propagateTags' | 'serviceVolume'
>;

function serviceInputs(read: InputReader): ServiceInputs {
  return {
    cluster: read.value('cluster'),
    service: read.value('service'),
    desiredCount: read.int('desired-count'),
    forceNewDeployment: read.bool('force-new-deployment'),
    enableEcsManagedTags: read.optionalBool('enable-ecs-managed-tags'),
    propagateTags: read.choice('propagate-tags'),
    serviceVolume: parseServiceManagedEbs(read.value('service-managed-ebs-volume-name'), read.text('service-managed-ebs-volume')),
  };
}

type ImageInputs = Pick<
  Inputs,
  'image' | 'images' | 'buildContext' | 'dockerfile' | 'buildArgs' | 'target' | 'platform' | 'sourceImage' | 'push' | 'pinDigest' | 'verifyImage' | 'dockerCommand'
>;

function imageInputs(read: InputReader, raw: RawInputs, service: string): ImageInputs {
  const image = read.value('image');
  const images = parseImageLines(read.text('images'), 'images');
  // Only blanks are never a default: a host that cannot tell what was given (a GitHub step) still sees them.
  const imageGiven = raw.given?.('image') === true || raw('image') !== '';
  if (image === '' && images.size === 0 && service !== '' && imageGiven) {
    throw new InputError('image: given but empty (an unset variable?); set it to the image to deploy, or leave image out to redeploy the current one.');
  }
  return {
    image,
    images,
    buildContext: read.value('build-context'),
    dockerfile: read.value('dockerfile'),
    buildArgs: parsePairLines(read.text('build-args'), 'build-args').map(({ key, value }): [string, string] => [key, value]),
    target: read.value('target'),
    platform: read.value('platform'),
    sourceImage: read.value('source-image'),
    push: read.optionalBool('push'),
    pinDigest: read.bool('pin-digest'),
    verifyImage: read.choice('verify-image'),
    dockerCommand: read.value('docker-command'),
  };
}

type RegistryInputs = Pick<Inputs, 'registryAuth' | 'registryUsername' | 'registryPassword' | 'repositoryCredentials' | 'createRepository'>;

function registryInputs(read: InputReader, raw: RawInputs): RegistryInputs {
  const repositoryCredentials = read.notBlankWhenGiven('repository-credentials');
  checkRepositoryCredentials('repository-credentials', repositoryCredentials);
  return {
    registryAuth: read.choice('registry-auth'),
    registryUsername: read.value('registry-username'),
    registryPassword: raw('registry-password'),
    repositoryCredentials,
    createRepository: read.bool('create-repository'),
  };
}

type TaskDefinitionInputs = Omit<Inputs, keyof (WaitingInputs & ServiceInputs & ImageInputs & RegistryInputs) | 'region' | 'roleArn' | 'webIdentityToken' | 'dryRun' | 'runTask' | 'codeDeploy' | 'services' | 'express'>;

function taskDefinitionInputs(read: InputReader): TaskDefinitionInputs {
  const family = read.value('family');
  checkFamily('family', family);
  const executionRoleArn = read.notBlankWhenGiven('execution-role-arn');
  const taskRoleArn = read.notBlankWhenGiven('task-role-arn');
  checkRole('execution-role-arn', executionRoleArn);
  checkRole('task-role-arn', taskRoleArn);
  const secrets = parseKeyValueLines(linesNotJson(read.text('secrets'), 'secrets', 'NAME=valueFrom'), 'secrets');
  checkSecretSources('secrets', secrets);
  const requiresCompatibilities = read.lines('requires-compatibilities').map((c) => c.toUpperCase());
  checkCompatibilities('requires-compatibilities', requiresCompatibilities);
  const taskCpu = read.value('task-cpu');
  const taskMemory = read.value('task-memory');
  checkTaskSize(
    { ...(taskCpu ? { cpu: taskCpu } : {}), ...(taskMemory ? { memory: taskMemory } : {}) },
    // Only when the inputs give the whole size: a size partly from a file is checked on the rendered document.
    requiresCompatibilities.includes('FARGATE') && taskCpu !== '' && taskMemory !== '',
    { cpu: 'task-cpu', memory: 'task-memory' },
  );
  const tagsText = read.text('tags');
  if (tagsText.trim().startsWith('[')) {
    throw new InputError(
      "tags: tags the task definition and takes key=value lines; for an Express service's own tags (the JSON array aws-actions/amazon-ecs-deploy-express-service calls tags), use service-tags.",
    );
  }
  const tags = parseTagLines(tagsText, 'tags');
  checkTags('tags', tags);
  const logDriver = read.value('log-configuration-log-driver');
  checkLogDriver('log-configuration-log-driver', logDriver);
  const envFiles = read.lines('env-files');
  checkEnvFiles('env-files', envFiles);
  const commandText = read.text('command');
  return {
    taskDefinitionFile: read.value('task-definition'),
    taskDefinitionArn: read.value('task-definition-arn'),
    family,
    containerName: read.value('container-name'),
    memory: read.int('memory'),
    cpu: read.int('cpu'),
    containerPort: read.int('container-port'),
    hostPort: read.int('host-port'),
    protocol: read.choice<'' | 'tcp' | 'udp'>('protocol') || undefined,
    networkMode: read.choice('network-mode'),
    requiresCompatibilities,
    taskCpu,
    taskMemory,
    environment: parseKeyValueLines(linesNotJson(read.text('environment'), 'environment', 'KEY=VALUE'), 'environment'),
    environmentMode: read.choice('environment-mode'),
    secrets,
    secretsMode: read.choice('secrets-mode'),
    command: commandText.trim() === '' ? undefined : parseCommand(commandText, 'command'),
    executionRoleArn,
    taskRoleArn,
    tags,
    logDriver,
    logOptions: parsePairLines(read.text('log-configuration-options'), 'log-configuration-options'),
    dockerLabels: parsePairLines(read.text('docker-labels'), 'docker-labels', { unique: true }),
    envFiles,
    register: read.choice('register'),
    keepRevisions: read.int('keep-revisions'),
  };
}

/** The JSON arrays aws-actions' Express action takes for environment-variables and secrets are refused with the fix. */
function linesNotJson(text: string, name: string, form: string): string {
  if (text.trim().startsWith('[')) {
    throw new InputError(
      `${name}: a JSON array is the form of aws-actions/amazon-ecs-deploy-express-service; write one ${form} line per entry instead (the README's migration section shows how).`,
    );
  }
  return text;
}

/** `enableEcsManagedTags`: aws-actions' enable-ecs-managed-tags applies to their one-off task too, unless overridden. */
function runTaskInputs(read: InputReader, enableEcsManagedTags: boolean | undefined): RunTaskOptions {
  const tags = parseTagInput(read.text('run-task-tags'), 'run-task-tags');
  checkTags('run-task-tags', tags);
  const runTask = runTaskOptionsFrom(
    {
      runTask: read.bool('run-task'),
      command: read.text('run-task-command'),
      containerOverrides: read.text('run-task-container-overrides'),
      container: read.value('run-task-container'),
      subnets: read.lines('run-task-subnets'),
      securityGroups: read.lines('run-task-security-groups'),
      // Checked by runTaskOptionsFrom, which also takes aws-actions' lower-case spellings.
      assignPublicIp: read.value('run-task-assign-public-ip'),
      launchType: read.value('run-task-launch-type'),
      capacityProviderStrategy: read.text('run-task-capacity-provider-strategy'),
      startedBy: read.value('run-task-started-by'),
      tags,
      propagateTags: read.value('run-task-propagate-tags'),
      enableEcsManagedTags: read.optionalBool('run-task-enable-ecs-managed-tags'),
      managedEbsVolume: parseTaskManagedEbs(read.value('run-task-managed-ebs-volume-name'), read.text('run-task-managed-ebs-volume')),
      wait: read.bool('run-task-wait'),
      timeoutMs: read.minutesOr('run-task-timeout', read.duration('run-task-timeout')),
    },
    parseCommand,
  );
  if (runTask.enableEcsManagedTags === undefined && enableEcsManagedTags !== undefined && runTaskRequested(runTask)) {
    runTask.enableEcsManagedTags = enableEcsManagedTags;
  }
  return runTask;
}

function servicesInputs(read: InputReader): ServicesInputs {
  return {
    file: read.value('services-file'),
    maxParallel: read.int('max-parallel'),
    // Never unset: the schema gives it a default.
    maxParallelBuilds: read.int('max-parallel-builds') ?? 1,
    onFailure: read.choice('on-failure'),
  };
}

function awsInputs(read: InputReader, raw: RawInputs): Pick<Inputs, 'region' | 'roleArn' | 'webIdentityToken'> {
  return {
    region: read.value('region'),
    roleArn: read.value('role-arn'),
    webIdentityToken: raw('web-identity-token').trim(),
  };
}

/** Readers for each input type; what a value may be (type, options, min, max, default) comes from its spec. */
function specReader(raw: RawInputs) {
  const value = (name: string): string => {
    const given = raw(name).trim();
    return given === '' ? specFor(name).default : given;
  };
  const typed = (name: string, type: InputSpec['type']): InputSpec => {
    const spec = specFor(name);
    if (spec.type !== type) throw new Error(`input ${name} is a ${spec.type} in the schema, read as a ${type}`);
    return spec;
  };
  return {
    value,
    /** Kept as written (multi-line inputs): only an all-blank value means "not set". */
    text: (name: string): string => {
      const given = raw(name);
      return given.trim() === '' ? specFor(name).default : given;
    },
    bool: (name: string): boolean => parseBoolean(typed(name, 'boolean').name, value(name)),
    optionalBool: (name: string): boolean | undefined => {
      const given = value(typed(name, 'boolean').name);
      return given === '' ? undefined : parseBoolean(name, given);
    },
    int: (name: string): number | undefined => {
      const spec = typed(name, 'number');
      return parseInteger(name, value(name), spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER);
    },
    choice: <T extends string>(name: string): T => {
      const spec = typed(name, 'choice');
      const given = value(name);
      const options = spec.options ?? [];
      if (!options.includes(given)) {
        throw new InputError(`${name}: "${given}" is not one of ${options.filter(Boolean).join(', ')}; set it to one of them.`);
      }
      return given as T;
    },
    duration: (name: string): number => {
      const spec = typed(name, 'duration');
      const ms = parseDuration(name, value(name));
      const min = spec.min ?? 1;
      if (ms < min) {
        throw new InputError(
          min <= 1
            ? `${name}: must be above zero; write it like 90s, 15m or 1h.`
            : `${name}: must be at least ${formatDuration(min)}${name === 'poll-interval' ? '; ECS throttles faster polling' : ''}.`,
        );
      }
      const max = spec.max ?? LONGEST_TIMER_MS;
      if (ms > max) {
        throw new InputError(
          max === LONGEST_TIMER_MS
            ? `${name}: ${formatDuration(ms)} is longer than a run can wait (about 24 days); write a shorter duration, such as 2h.`
            : `${name}: must be at most ${formatDuration(max)}; write a shorter duration.`,
        );
      }
      return ms;
    },
    lines: (name: string): string[] =>
      (raw(name).trim() === '' ? specFor(name).default : raw(name))
        .split(/\r?\n|,/)
        .map((line) => line.trim())
        .filter(Boolean),
  };
}

/** The longest delay a Node.js timer takes; a longer one fires at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

function specFor(name: string): InputSpec {
  const spec = INPUTS.find((input) => input.name === name);
  if (!spec) throw new Error(`no input named ${name} in the schema`);
  return spec;
}

const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);

export function parseBoolean(name: string, given: string): boolean {
  const lower = given.toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  throw new InputError(`${name}: "${given}" is not a boolean; use true or false.`);
}

export function parseInteger(name: string, given: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (given === '') return undefined;
  if (!/^\d+$/.test(given) || Number(given) < min || Number(given) > max) {
    throw new InputError(`${name}: "${given}" is not a whole number from ${min} to ${max}; write digits only, such as ${Math.max(min, 1) * 2}.`);
  }
  return Number(given);
}
