// Turns the raw strings a host read into one typed Inputs object. Every input is read here and only here.
import { InputError } from '../errors.js';
import type { EditMode, KeyValueEdit, Tag } from '../taskdef/types.js';
import { parseDuration } from './duration.js';
import { parseImageLines, parseKeyValueLines, parsePairLines, parseTagLines } from './kv-lines.js';
import { INPUTS, type InputSpec } from './schema.js';
import { parseCommand } from './shell-words.js';

export type RawInputs = (name: string) => string;

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
  hostPort: number;
  protocol: string;
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
  register: 'if-changed' | 'always';
  keepRevisions: number | undefined;
  cluster: string;
  service: string;
  desiredCount: number | undefined;
  forceNewDeployment: boolean;
  wait: boolean;
  waitTimeoutMs: number;
  pollIntervalMs: number;
  maxFailedTasks: number | undefined;
  rollback: boolean;
  rollbackOnCancel: boolean;
  region: string;
  roleArn: string;
  webIdentityToken: string;
  dryRun: boolean;
}

export function parseInputs(raw: RawInputs): Inputs {
  const value = (name: string): string => {
    const spec = specFor(name);
    const given = raw(name).trim();
    return given === '' ? spec.default : given;
  };
  const text = (name: string): string => {
    const spec = specFor(name);
    const given = raw(name);
    return given.trim() === '' ? spec.default : given;
  };
  const bool = (name: string): boolean => parseBoolean(name, value(name));
  const optionalBool = (name: string): boolean | undefined => (value(name) === '' ? undefined : bool(name));
  const int = (name: string, min: number): number | undefined => parseInteger(name, value(name), min);
  const choice = <T extends string>(name: string): T => {
    const given = value(name);
    const options = specFor(name).options ?? [];
    if (!options.includes(given)) {
      throw new InputError(`${name}: "${given}" is not one of ${options.filter(Boolean).join(', ')}; set it to one of them.`);
    }
    return given as T;
  };
  const duration = (name: string): number => parseDuration(name, value(name));
  const lines = (name: string): string[] =>
    text(name)
      .split(/\r?\n|,/)
      .map((line) => line.trim())
      .filter(Boolean);

  const waitTimeoutMs = duration('wait-timeout');
  const pollIntervalMs = duration('poll-interval');
  if (pollIntervalMs < 1000) throw new InputError('poll-interval: must be at least 1s; ECS throttles faster polling.');
  const commandText = text('command');

  return {
    image: value('image'),
    images: parseImageLines(text('images'), 'images'),
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
    repositoryCredentials: value('repository-credentials'),
    createRepository: bool('create-repository'),
    taskDefinitionFile: value('task-definition'),
    taskDefinitionArn: value('task-definition-arn'),
    family: value('family'),
    containerName: value('container-name'),
    memory: int('memory', 1),
    cpu: int('cpu', 0),
    containerPort: int('container-port', 0),
    hostPort: int('host-port', 0) ?? 0,
    protocol: choice('protocol'),
    networkMode: choice('network-mode'),
    requiresCompatibilities: lines('requires-compatibilities').map((c) => c.toUpperCase()),
    taskCpu: value('task-cpu'),
    taskMemory: value('task-memory'),
    environment: parseKeyValueLines(text('environment'), 'environment'),
    environmentMode: choice('environment-mode'),
    secrets: parseKeyValueLines(text('secrets'), 'secrets'),
    secretsMode: choice('secrets-mode'),
    command: commandText.trim() === '' ? undefined : parseCommand(commandText, 'command'),
    executionRoleArn: value('execution-role-arn'),
    taskRoleArn: value('task-role-arn'),
    tags: parseTagLines(text('tags'), 'tags'),
    register: choice('register'),
    keepRevisions: int('keep-revisions', 1),
    cluster: value('cluster'),
    service: value('service'),
    desiredCount: int('desired-count', 0),
    forceNewDeployment: bool('force-new-deployment'),
    wait: bool('wait'),
    waitTimeoutMs,
    pollIntervalMs,
    maxFailedTasks: int('max-failed-tasks', 1),
    rollback: bool('rollback'),
    rollbackOnCancel: bool('rollback-on-cancel'),
    region: value('region'),
    roleArn: value('role-arn'),
    webIdentityToken: raw('web-identity-token').trim(),
    dryRun: bool('dry-run'),
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

export function parseInteger(name: string, given: string, min: number): number | undefined {
  if (given === '') return undefined;
  if (!/^\d+$/.test(given) || Number(given) < min) {
    throw new InputError(`${name}: "${given}" is not a whole number of at least ${min}; write digits only, such as ${Math.max(min, 1) * 2}.`);
  }
  return Number(given);
}
