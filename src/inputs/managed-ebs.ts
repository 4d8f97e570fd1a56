// The EBS volume ECS creates and attaches at launch for a volume the task definition marks configuredAtLaunch:
// a name and the JSON object UpdateService (service-managed-ebs-volume) or RunTask (run-task-managed-ebs-volume)
// takes. Fields the bundled SDK does not know would be dropped without a word on the way out, so they are refused;
// messages name fields, never values.
import type { ServiceVolumeConfiguration, TaskVolumeConfiguration } from '@aws-sdk/client-ecs';
import { InputError } from '../errors.js';
import { checkRole } from './ecs-limits.js';

type FieldKind = 'boolean' | 'number' | 'string' | 'tagSpecifications' | 'terminationPolicy';

const SERVICE_FIELDS: Readonly<Record<string, FieldKind>> = {
  roleArn: 'string',
  encrypted: 'boolean',
  kmsKeyId: 'string',
  volumeType: 'string',
  sizeInGiB: 'number',
  snapshotId: 'string',
  volumeInitializationRate: 'number',
  iops: 'number',
  throughput: 'number',
  tagSpecifications: 'tagSpecifications',
  filesystemType: 'string',
};

const TASK_FIELDS: Readonly<Record<string, FieldKind>> = { ...SERVICE_FIELDS, terminationPolicy: 'terminationPolicy' };

const FILESYSTEM_TYPES = ['ext3', 'ext4', 'xfs', 'ntfs'];

/**
 * The sizes in GiB ECS creates for each volume type (gp3 when volumeType is not set). io2 is given the larger
 * bound EC2 documents for it, so a size one reading of the documentation allows is never refused here.
 */
const SIZE_GIB: Readonly<Record<string, readonly [number, number]>> = {
  gp2: [1, 16_384],
  gp3: [1, 16_384],
  io1: [4, 16_384],
  io2: [4, 65_536],
  st1: [125, 16_384],
  sc1: [125, 16_384],
  standard: [1, 1_024],
};
const DEFAULT_VOLUME_TYPE = 'gp3';

export interface ManagedEbsInputNames {
  /** The input naming the volume, such as service-managed-ebs-volume-name. */
  name: string;
  /** The input holding the JSON object, such as service-managed-ebs-volume. */
  volume: string;
}

export const SERVICE_EBS_INPUTS: ManagedEbsInputNames = { name: 'service-managed-ebs-volume-name', volume: 'service-managed-ebs-volume' };
export const RUN_TASK_EBS_INPUTS: ManagedEbsInputNames = { name: 'run-task-managed-ebs-volume-name', volume: 'run-task-managed-ebs-volume' };

export function parseServiceManagedEbs(name: string, json: string): ServiceVolumeConfiguration | undefined {
  return parseManagedEbs(name, json, SERVICE_EBS_INPUTS, SERVICE_FIELDS) as ServiceVolumeConfiguration | undefined;
}

export function parseTaskManagedEbs(name: string, json: string): TaskVolumeConfiguration | undefined {
  return parseManagedEbs(name, json, RUN_TASK_EBS_INPUTS, TASK_FIELDS) as TaskVolumeConfiguration | undefined;
}

/** undefined when neither input is given; one without the other is refused, as is a volume ECS would refuse. */
function parseManagedEbs(
  name: string,
  json: string,
  inputs: ManagedEbsInputNames,
  fields: Readonly<Record<string, FieldKind>>,
): { name: string; managedEBSVolume: Record<string, unknown> } | undefined {
  const volumeName = name.trim();
  const text = json.trim();
  if (volumeName === '' && text === '') return undefined;
  if (volumeName === '' || text === '') {
    const [given, missing] = volumeName === '' ? [inputs.volume, inputs.name] : [inputs.name, inputs.volume];
    throw new InputError(
      `${inputs.name} and ${inputs.volume} go together: ${given} is set but ${missing} is not; set both (the volume's name in the task definition and its JSON configuration) or neither.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(`${inputs.volume}: is not JSON: write an object such as {"roleArn":"arn:aws:iam::123456789012:role/ecs-infrastructure","sizeInGiB":20}`);
  }
  if (!isRecord(value)) throw new InputError(`${inputs.volume}: expected a JSON object, such as {"roleArn":"...","sizeInGiB":20}`);
  const unknown = Object.keys(value).filter((key) => !Object.hasOwn(fields, key));
  if (unknown.length > 0) {
    throw new InputError(`${inputs.volume}: unknown field ${unknown.join(', ')}: use ${Object.keys(fields).join(', ')}`);
  }
  const roleArn = value['roleArn'];
  if (typeof roleArn !== 'string' || roleArn.trim() === '') {
    throw new InputError(
      `${inputs.volume}: needs "roleArn", the ECS infrastructure role that creates and attaches the volume (ECS requires it for a managed EBS volume)`,
    );
  }
  if (!roleArn.startsWith('arn:')) {
    throw new InputError(`${inputs.volume}: roleArn "${roleArn}" is not a role ARN; write arn:aws:iam::123456789012:role/name`);
  }
  checkRole(`${inputs.volume}: roleArn`, roleArn);
  for (const [field, kind] of Object.entries(fields)) {
    if (value[field] !== undefined) checkField(value[field], kind, `${inputs.volume}: ${field}`);
  }
  const filesystem = value['filesystemType'];
  if (typeof filesystem === 'string' && !FILESYSTEM_TYPES.includes(filesystem)) {
    throw new InputError(`${inputs.volume}: filesystemType "${filesystem}" is not one of ${FILESYSTEM_TYPES.join(', ')}`);
  }
  checkSize(value, inputs.volume);
  return { name: volumeName, managedEBSVolume: { ...value } };
}

function checkSize(value: Record<string, unknown>, input: string): void {
  const type = value['volumeType'] ?? DEFAULT_VOLUME_TYPE;
  const range = typeof type === 'string' && Object.hasOwn(SIZE_GIB, type) ? SIZE_GIB[type] : undefined;
  if (!range) {
    throw new InputError(`${input}: volumeType "${String(type)}" is not one ECS creates; use ${Object.keys(SIZE_GIB).join(', ')}`);
  }
  const size = value['sizeInGiB'];
  if (typeof size === 'number' && (size < range[0] || size > range[1])) {
    throw new InputError(`${input}: sizeInGiB ${size} is outside what ECS creates for ${String(type)} volumes; use ${range[0]} to ${range[1]}`);
  }
}

function checkField(value: unknown, kind: FieldKind, what: string): void {
  switch (kind) {
    case 'boolean':
      if (typeof value !== 'boolean') throw new InputError(`${what} must be true or false (a JSON boolean)`);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new InputError(`${what} must be a whole number`);
      return;
    case 'string':
      if (typeof value !== 'string') throw new InputError(`${what} must be a string`);
      return;
    case 'terminationPolicy':
      if (!isRecord(value) || typeof value['deleteOnTermination'] !== 'boolean' || Object.keys(value).length !== 1) {
        throw new InputError(`${what} must be {"deleteOnTermination": true or false}`);
      }
      return;
    case 'tagSpecifications':
      checkTagSpecifications(value, what);
      return;
  }
}

function checkTagSpecifications(value: unknown, what: string): void {
  if (!Array.isArray(value)) throw new InputError(`${what} must be an array of {resourceType, tags, propagateTags}`);
  for (const [at, spec] of value.entries()) {
    const where = `${what}[${at}]`;
    if (!isRecord(spec)) throw new InputError(`${where} must be an object`);
    const unknown = Object.keys(spec).filter((key) => !['resourceType', 'tags', 'propagateTags'].includes(key));
    if (unknown.length > 0) throw new InputError(`${where}: unknown field ${unknown.join(', ')}: use resourceType, tags, propagateTags`);
    if (spec['resourceType'] !== 'volume') throw new InputError(`${where}.resourceType must be "volume"`);
    const propagate = spec['propagateTags'];
    if (propagate !== undefined && !['SERVICE', 'TASK_DEFINITION', 'NONE'].includes(String(propagate))) {
      throw new InputError(`${where}.propagateTags must be SERVICE, TASK_DEFINITION or NONE`);
    }
    const tags = spec['tags'];
    if (tags === undefined) continue;
    if (!Array.isArray(tags) || !tags.every((tag) => isRecord(tag) && typeof tag['key'] === 'string' && typeof tag['value'] === 'string')) {
      throw new InputError(`${where}.tags must be an array of {"key": "...", "value": "..."}`);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
