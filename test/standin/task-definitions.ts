// Task definition revisions, one family at a time, with the read-only fields and defaults ECS adds.
import { type Account, taskDefinitionArn } from './arns.js';
import { clientException } from './errors.js';
import { type Body, type Json, isBody, withoutNulls } from './input.js';
import type { Tag, TaskDefinitionRecord, TaskDefinitionStatus } from './model.js';

const READ_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
  'tags',
];

const FAMILY_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;

export class TaskDefinitionStore {
  private readonly families = new Map<string, TaskDefinitionRecord[]>();

  constructor(private readonly account: Account) {}

  register(input: Body, tags: Tag[], at: number, registeredBy: string): TaskDefinitionRecord {
    const family = input['family'];
    if (typeof family !== 'string' || !FAMILY_PATTERN.test(family)) {
      throw clientException('Family contains invalid characters or is empty.');
    }
    const revisions = this.families.get(family) ?? [];
    const revision = (revisions.at(-1)?.revision ?? 0) + 1;
    const record: TaskDefinitionRecord = {
      arn: taskDefinitionArn(this.account, family, revision),
      family,
      revision,
      status: 'ACTIVE',
      body: withDefaults(input),
      tags,
      registeredAt: at,
      registeredBy,
    };
    revisions.push(record);
    this.families.set(family, revisions);
    return record;
  }

  /** `family` (latest ACTIVE revision), `family:revision` or an ARN; deleted revisions are gone. */
  find(reference: string): TaskDefinitionRecord | undefined {
    const name = reference.startsWith('arn:') ? (reference.split(':task-definition/')[1] ?? '') : reference;
    const [family = '', revisionText] = name.split(':');
    const revisions = this.families.get(family) ?? [];
    if (revisionText === undefined) return revisions.filter((record) => record.status === 'ACTIVE').at(-1);
    const found = revisions.find((record) => String(record.revision) === revisionText);
    return found?.status === 'DELETE_IN_PROGRESS' ? undefined : found;
  }

  list(familyPrefix: string | undefined, status: TaskDefinitionStatus): TaskDefinitionRecord[] {
    const families = familyPrefix === undefined ? [...this.families.keys()].sort() : [familyPrefix];
    return families.flatMap((family) => (this.families.get(family) ?? []).filter((record) => record.status === status));
  }

  deregister(record: TaskDefinitionRecord, at: number): void {
    record.status = 'INACTIVE';
    record.deregisteredAt ??= at;
  }

  delete(record: TaskDefinitionRecord, at: number): void {
    record.status = 'DELETE_IN_PROGRESS';
    record.deleteRequestedAt = at;
  }

  clear(): void {
    this.families.clear();
  }
}

/** The describe shape of a revision: what was registered plus ECS's read-only fields. */
export function describeTaskDefinition(record: TaskDefinitionRecord): Body {
  const body = record.body;
  return {
    ...body,
    taskDefinitionArn: record.arn,
    revision: record.revision,
    status: record.status,
    requiresAttributes: [],
    compatibilities: compatibilities(body),
    registeredAt: record.registeredAt / 1000,
    registeredBy: record.registeredBy,
    ...(record.deregisteredAt === undefined ? {} : { deregisteredAt: record.deregisteredAt / 1000 }),
    ...(record.deleteRequestedAt === undefined ? {} : { deleteRequestedAt: record.deleteRequestedAt / 1000 }),
  };
}

function compatibilities(body: Body): string[] {
  const required = body['requiresCompatibilities'];
  const fargateReady = body['networkMode'] === 'awsvpc' && body['cpu'] !== undefined && body['memory'] !== undefined;
  const fargate = (Array.isArray(required) && required.includes('FARGATE')) || fargateReady;
  return fargate ? ['EC2', 'FARGATE'] : ['EC2'];
}

function withDefaults(input: Body): Body {
  const body: Body = {};
  for (const [key, value] of Object.entries(input)) {
    if (!READ_ONLY_FIELDS.includes(key)) body[key] = withoutNulls(value);
  }
  const containers = body['containerDefinitions'];
  if (!Array.isArray(containers) || containers.length === 0) throw clientException('Container list cannot be empty.');
  body['containerDefinitions'] = containers.map((container) => containerWithDefaults(container, body['networkMode']));
  body['volumes'] ??= [];
  body['placementConstraints'] ??= [];
  return body;
}

function containerWithDefaults(container: Json, networkMode: Json | undefined): Body {
  if (!isBody(container)) throw clientException('Container definition must be an object.');
  if (typeof container['name'] !== 'string' || container['name'] === '') {
    throw clientException('Container.name should not be null or empty.');
  }
  if (typeof container['image'] !== 'string' || container['image'] === '') {
    throw clientException('Container.image should not be null or empty.');
  }
  const portMappings = Array.isArray(container['portMappings']) ? container['portMappings'] : [];
  return {
    cpu: 0,
    essential: true,
    environment: [],
    mountPoints: [],
    volumesFrom: [],
    systemControls: [],
    ...container,
    portMappings: portMappings.map((mapping) => {
      if (!isBody(mapping)) return mapping;
      const hostPort = networkMode === 'awsvpc' && mapping['hostPort'] === undefined ? mapping['containerPort'] : undefined;
      return { ...mapping, ...(hostPort === undefined ? {} : { hostPort }), protocol: mapping['protocol'] ?? 'tcp' };
    }),
  };
}
