// Checks a task definition document against the types and limits ECS documents, so that a wrongly typed field
// or a size Fargate does not run is refused before any call, named by its path (containerDefinitions[0].memory).
// Pure: takes a document, throws InputError. Fields not listed here are left to ECS.
import { InputError } from '../errors.js';
import { checkTaskSize } from './fargate-sizes.js';
import { describeKind, isPlainObject } from './plain-data.js';
import type { Tag, TaskDefinitionDocument } from './types.js';

type FieldType = 'string' | 'integer' | 'boolean' | 'strings' | { list: Shape } | { object: Shape } | 'string-map';
interface Shape {
  readonly [field: string]: FieldType;
}

const PORT_MAPPING: Shape = { containerPort: 'integer', hostPort: 'integer', protocol: 'string', name: 'string', appProtocol: 'string', containerPortRange: 'string' };
const NAMED_VALUE: Shape = { name: 'string', value: 'string' };
const SECRET: Shape = { name: 'string', valueFrom: 'string' };

const CONTAINER: Shape = {
  name: 'string',
  image: 'string',
  cpu: 'integer',
  memory: 'integer',
  memoryReservation: 'integer',
  essential: 'boolean',
  portMappings: { list: PORT_MAPPING },
  environment: { list: NAMED_VALUE },
  secrets: { list: SECRET },
  command: 'strings',
  entryPoint: 'strings',
  links: 'strings',
  dnsServers: 'strings',
  workingDirectory: 'string',
  user: 'string',
  privileged: 'boolean',
  readonlyRootFilesystem: 'boolean',
  interactive: 'boolean',
  pseudoTerminal: 'boolean',
  startTimeout: 'integer',
  stopTimeout: 'integer',
  repositoryCredentials: { object: { credentialsParameter: 'string' } },
  healthCheck: { object: { command: 'strings', interval: 'integer', timeout: 'integer', retries: 'integer', startPeriod: 'integer' } },
  logConfiguration: { object: { logDriver: 'string', options: 'string-map' } },
  dependsOn: { list: { containerName: 'string', condition: 'string' } },
  ulimits: { list: { name: 'string', softLimit: 'integer', hardLimit: 'integer' } },
  mountPoints: { list: { sourceVolume: 'string', containerPath: 'string', readOnly: 'boolean' } },
  dockerLabels: 'string-map',
};

const TASK_DEFINITION: Shape = {
  family: 'string',
  taskRoleArn: 'string',
  executionRoleArn: 'string',
  networkMode: 'string',
  requiresCompatibilities: 'strings',
  cpu: 'string',
  memory: 'string',
  pidMode: 'string',
  ipcMode: 'string',
  containerDefinitions: { list: CONTAINER },
};

/** The launch types ECS knows for requiresCompatibilities. */
export const COMPATIBILITIES: readonly string[] = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];
/** A task definition family as ECS takes it. */
export const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;
export const TAG_LIMITS = { count: 50, key: 128, value: 256 } as const;

/** ECS's limits on tags: 50 at most, keys up to 128 characters, values up to 256, no key starting with aws:. */
export function checkTagLimits(source: string, tags: readonly Tag[]): void {
  if (tags.length > TAG_LIMITS.count) {
    throw new InputError(`${source}: ${tags.length} tags, but ECS takes at most ${TAG_LIMITS.count}; remove ${tags.length - TAG_LIMITS.count}.`);
  }
  for (const tag of tags) {
    if (tag.key.toLowerCase().startsWith('aws:')) {
      throw new InputError(`${source}: the tag key "${tag.key}" starts with "aws:", which AWS reserves: choose another key.`);
    }
    if (tag.key.length > TAG_LIMITS.key) {
      throw new InputError(`${source}: the tag key "${tag.key.slice(0, 20)}..." is ${tag.key.length} characters; ECS takes at most ${TAG_LIMITS.key}.`);
    }
    if (tag.value.length > TAG_LIMITS.value) {
      throw new InputError(`${source}: the value of tag "${tag.key}" is ${tag.value.length} characters; ECS takes at most ${TAG_LIMITS.value}.`);
    }
  }
}

/** Throws InputError naming the first field whose type ECS would refuse, as `source: path must be ...`. */
export function checkTaskDefinitionTypes(taskDefinition: unknown, source: string): void {
  checkShape(taskDefinition, TASK_DEFINITION, '', source);
}

/**
 * Checks a rendered (or read) task definition document before anything is registered: field types, the family
 * name, the launch types, the tags, the task size in ECS's forms and, with FARGATE, a cpu/memory pair Fargate
 * runs. Throws InputError; messages start with `source`.
 */
export function validateTaskDefinitionDocument(document: TaskDefinitionDocument, source = 'task definition'): void {
  const { taskDefinition } = document;
  checkTaskDefinitionTypes(taskDefinition, source);
  if (taskDefinition.family !== undefined && !FAMILY.test(taskDefinition.family)) {
    throw new InputError(`${source}: family "${taskDefinition.family}" is not a task definition family; use up to 255 letters, digits, hyphens and underscores.`);
  }
  const compatibilities = taskDefinition.requiresCompatibilities ?? [];
  const unknown = compatibilities.find((value) => !COMPATIBILITIES.includes(value));
  if (unknown !== undefined) {
    throw new InputError(`${source}: requiresCompatibilities: "${unknown}" is not a launch type ECS knows; use ${COMPATIBILITIES.join(', ')}.`);
  }
  checkTagLimits(`${source}: tags`, document.tags);
  checkTaskSize(
    {
      ...(taskDefinition.cpu !== undefined ? { cpu: taskDefinition.cpu } : {}),
      ...(taskDefinition.memory !== undefined ? { memory: taskDefinition.memory } : {}),
    },
    compatibilities.includes('FARGATE'),
    { cpu: `${source}: cpu`, memory: `${source}: memory` },
  );
}

function checkShape(value: unknown, shape: Shape, path: string, source: string): void {
  if (!isPlainObject(value)) throw typeError(source, path || 'the task definition', 'an object', value);
  for (const [field, type] of Object.entries(shape)) {
    const item = value[field];
    if (item === undefined) continue;
    checkField(item, type, path ? `${path}.${field}` : field, source);
  }
}

function checkField(value: unknown, type: FieldType, path: string, source: string): void {
  if (type === 'string') {
    if (typeof value !== 'string') throw typeError(source, path, 'a string', value, typeof value === 'number' || typeof value === 'boolean');
  } else if (type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError(source, path, 'a whole number', value);
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') throw typeError(source, path, 'true or false', value);
  } else if (type === 'strings') {
    if (!Array.isArray(value)) throw typeError(source, path, 'a list of strings', value);
    for (const [index, item] of value.entries()) checkField(item, 'string', `${path}[${index}]`, source);
  } else if (type === 'string-map') {
    if (!isPlainObject(value)) throw typeError(source, path, 'an object of strings', value);
    for (const [key, item] of Object.entries(value)) checkField(item, 'string', `${path}.${key}`, source);
  } else if ('list' in type) {
    if (!Array.isArray(value)) throw typeError(source, path, 'a list', value);
    for (const [index, item] of value.entries()) checkShape(item, type.list, `${path}[${index}]`, source);
  } else {
    checkShape(value, type.object, path, source);
  }
}

function typeError(source: string, path: string, expected: string, found: unknown, quote = false): InputError {
  // The value itself is not printed: it may be an environment value or a secret's source.
  return new InputError(`${source}: ${path} must be ${expected}, found ${describeKind(found)}${quote ? ': quote it' : ''}`);
}
