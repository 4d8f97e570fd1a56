// Turns the raw strings a host read into one typed Inputs object. Every input is read here and only here.
import type { ServiceVolumeConfiguration } from '@aws-sdk/client-ecs';
import { InputError } from '../errors.js';
import type { EditMode, KeyValueEdit, Tag } from '../taskdef/types.js';
import { formatDuration, parseDuration } from './duration.js';
import { checkCompatibilities, checkFamily, checkRepositoryCredentials, checkRole, checkSecretSources, checkTags } from './ecs-limits.js';
import { checkTaskSize } from '../taskdef/fargate-sizes.js';
import { parseImageLines, parseKeyValueLines, parsePairLines, parseTagLines } from './kv-lines.js';
import { parseServiceManagedEbs, parseTaskManagedEbs } from './managed-ebs.js';
import { checkEnvFiles, checkLogDriver, checkMigratedCombination, parseTagInput } from './migrated-forms.js';
import { INPUTS, type InputSpec } from './schema.js';
import { parseCommand } from './shell-words.js';
import { runTaskOptionsFrom, runTaskRequested, type RunTaskOptions } from '../runtask/options.js';
import type { CodeDeployInputs } from '../codedeploy/plan.js';

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
  /** Blue/green, linear, canary: end the wait once production traffic moved, or when the deployment completed. */
  waitUntil: 'completed' | 'traffic-shifted';
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
  const { value, text, bool, optionalBool, int, choice, duration, lines } = specReader(raw);
  /** aws-actions' wait-for-minutes bounds both waits where our own duration input holds its default. */
  const minutesOr = (name: string, ms: number, minutes: number | undefined): number => {
    if (minutes === undefined) return ms;
    if (value(name) !== specFor(name).default) {
      throw new InputError(`wait-for-minutes and ${name} both set how long to wait; keep ${name} (such as ${minutes}m) and remove wait-for-minutes.`);
    }
    return minutes * 60_000;
  };
  /** A value that, when given at all, must not be empty: an unset CI variable is not "leave it out". */
  const notBlankWhenGiven = (name: string): string => {
    const given = value(name);
    if (given === '' && raw.given?.(name)) {
      throw new InputError(`${name}: given but empty (an unset variable?); set it, or leave ${name} out.`);
    }
    return given;
  };

  const waitForMinutes = int('wait-for-minutes');
  const waitTimeoutMs = minutesOr('wait-timeout', duration('wait-timeout'), waitForMinutes);
  const pollIntervalMs = duration('poll-interval');
  if (waitTimeoutMs < pollIntervalMs) {
    throw new InputError(`wait-timeout: ${formatDuration(waitTimeoutMs)} is shorter than poll-interval (${formatDuration(pollIntervalMs)}); make it longer.`);
  }
  const commandText = text('command');
  const service = value('service');
  const image = value('image');
  const images = parseImageLines(text('images'), 'images');
  if (image === '' && images.size === 0 && service !== '' && raw.given?.('image')) {
    throw new InputError('image: given but empty (an unset variable?); set it to the image to deploy, or leave image out to redeploy the current one.');
  }
  const family = value('family');
  checkFamily('family', family);
  const executionRoleArn = notBlankWhenGiven('execution-role-arn');
  const taskRoleArn = notBlankWhenGiven('task-role-arn');
  const repositoryCredentials = notBlankWhenGiven('repository-credentials');
  checkRole('execution-role-arn', executionRoleArn);
  checkRole('task-role-arn', taskRoleArn);
  checkRepositoryCredentials('repository-credentials', repositoryCredentials);
  const secrets = parseKeyValueLines(text('secrets'), 'secrets');
  checkSecretSources('secrets', secrets);
  const requiresCompatibilities = lines('requires-compatibilities').map((c) => c.toUpperCase());
  checkCompatibilities('requires-compatibilities', requiresCompatibilities);
  const taskCpu = value('task-cpu');
  const taskMemory = value('task-memory');
  checkTaskSize(
    { ...(taskCpu ? { cpu: taskCpu } : {}), ...(taskMemory ? { memory: taskMemory } : {}) },
    // Only when the inputs give the whole size: a size partly from a file is checked on the rendered document.
    requiresCompatibilities.includes('FARGATE') && taskCpu !== '' && taskMemory !== '',
    { cpu: 'task-cpu', memory: 'task-memory' },
  );
  const tags = parseTagLines(text('tags'), 'tags');
  checkTags('tags', tags);
  const runTaskTags = parseTagInput(text('run-task-tags'), 'run-task-tags');
  checkTags('run-task-tags', runTaskTags);
  const runTask = runTaskOptionsFrom(
    {
      runTask: bool('run-task'),
      command: text('run-task-command'),
      containerOverrides: text('run-task-container-overrides'),
      container: value('run-task-container'),
      subnets: lines('run-task-subnets'),
      securityGroups: lines('run-task-security-groups'),
      // Checked by runTaskOptionsFrom, which also takes aws-actions' lower-case spellings.
      assignPublicIp: value('run-task-assign-public-ip'),
      launchType: value('run-task-launch-type'),
      capacityProviderStrategy: text('run-task-capacity-provider-strategy'),
      startedBy: value('run-task-started-by'),
      tags: runTaskTags,
      propagateTags: value('run-task-propagate-tags'),
      enableEcsManagedTags: optionalBool('run-task-enable-ecs-managed-tags'),
      managedEbsVolume: parseTaskManagedEbs(value('run-task-managed-ebs-volume-name'), text('run-task-managed-ebs-volume')),
      wait: bool('run-task-wait'),
      timeoutMs: minutesOr('run-task-timeout', duration('run-task-timeout'), waitForMinutes),
    },
    parseCommand,
  );
  const enableEcsManagedTags = optionalBool('enable-ecs-managed-tags');
  // aws-actions' enable-ecs-managed-tags applies to their one-off task too: so it does here, unless overridden.
  if (runTask.enableEcsManagedTags === undefined && enableEcsManagedTags !== undefined && runTaskRequested(runTask)) {
    runTask.enableEcsManagedTags = enableEcsManagedTags;
  }
  const logDriver = value('log-configuration-log-driver');
  checkLogDriver('log-configuration-log-driver', logDriver);
  const envFiles = lines('env-files');
  checkEnvFiles('env-files', envFiles);

  const inputs: Inputs = {
    image,
    images,
    buildContext: value('build-context'),
    dockerfile: value('dockerfile'),
    buildArgs: parsePairLines(text('build-args'), 'build-args').map(({ key, value }): [string, string] => [key, value]),
    target: value('target'),
    platform: value('platform'),
    sourceImage: value('source-image'),
    push: optionalBool('push'),
    pinDigest: bool('pin-digest'),
    verifyImage: choice('verify-image'),
    dockerCommand: value('docker-command'),
    registryAuth: choice('registry-auth'),
    registryUsername: value('registry-username'),
    registryPassword: raw('registry-password'),
    repositoryCredentials,
    createRepository: bool('create-repository'),
    taskDefinitionFile: value('task-definition'),
    taskDefinitionArn: value('task-definition-arn'),
    family,
    containerName: value('container-name'),
    memory: int('memory'),
    cpu: int('cpu'),
    containerPort: int('container-port'),
    hostPort: int('host-port'),
    protocol: choice<'' | 'tcp' | 'udp'>('protocol') || undefined,
    networkMode: choice('network-mode'),
    requiresCompatibilities,
    taskCpu,
    taskMemory,
    environment: parseKeyValueLines(text('environment'), 'environment'),
    environmentMode: choice('environment-mode'),
    secrets,
    secretsMode: choice('secrets-mode'),
    command: commandText.trim() === '' ? undefined : parseCommand(commandText, 'command'),
    executionRoleArn,
    taskRoleArn,
    tags,
    logDriver,
    logOptions: parsePairLines(text('log-configuration-options'), 'log-configuration-options'),
    dockerLabels: parsePairLines(text('docker-labels'), 'docker-labels'),
    envFiles,
    register: choice('register'),
    keepRevisions: int('keep-revisions'),
    cluster: value('cluster'),
    service,
    desiredCount: int('desired-count'),
    forceNewDeployment: bool('force-new-deployment'),
    enableEcsManagedTags,
    propagateTags: choice('propagate-tags'),
    serviceVolume: parseServiceManagedEbs(value('service-managed-ebs-volume-name'), text('service-managed-ebs-volume')),
    wait: bool('wait'),
    waitTimeoutMs,
    pollIntervalMs,
    maxFailedTasks: int('max-failed-tasks'),
    rollback: bool('rollback'),
    rollbackOnCancel: bool('rollback-on-cancel'),
    waitUntil: choice('wait-until'),
    pauseTimeoutMs: value('pause-timeout') === '' ? undefined : duration('pause-timeout'),
    region: value('region'),
    roleArn: value('role-arn'),
    webIdentityToken: raw('web-identity-token').trim(),
    dryRun: bool('dry-run'),
    runTask,
    codeDeploy: {
      appspec: value('codedeploy-appspec'),
      application: value('codedeploy-application'),
      deploymentGroup: value('codedeploy-deployment-group'),
      description: value('codedeploy-deployment-description'),
      deploymentConfig: value('codedeploy-deployment-config'),
    },
    services: {
      file: value('services-file'),
      maxParallel: int('max-parallel'),
      // Never unset: the schema gives it a default.
      maxParallelBuilds: int('max-parallel-builds') ?? 1,
      onFailure: choice('on-failure'),
    },
  };
  checkMigratedCombination({ ...inputs, runsTask: runTaskRequested(runTask) });
  return inputs;
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
      return ms;
    },
    lines: (name: string): string[] =>
      (raw(name).trim() === '' ? specFor(name).default : raw(name))
        .split(/\r?\n|,/)
        .map((line) => line.trim())
        .filter(Boolean),
  };
}

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
