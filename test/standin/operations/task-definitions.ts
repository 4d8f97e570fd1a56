import { clientException, invalidParameter } from '../errors.js';
import {
  type Body,
  includesTags,
  optionalObjectList,
  optionalString,
  optionalStringList,
  pageSize,
  requiredString,
} from '../input.js';
import type { Tag, TaskDefinitionRecord, TaskDefinitionStatus } from '../model.js';
import { nextToken, paginate } from '../pagination.js';
import { describeTaskDefinition } from '../task-definitions.js';
import { tagsToWire } from '../wire.js';
import type { OperationContext } from './context.js';

const STATUSES: readonly TaskDefinitionStatus[] = ['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS'];
const MAX_DELETED = 10;

export function registerTaskDefinition(body: Body, { world, now }: OperationContext): Body {
  const tags = readTags(body);
  const record = world.taskDefinitions.register(body, tags, now, world.options.registeredBy);
  return { taskDefinition: describeTaskDefinition(record), tags: tagsToWire(record.tags) };
}

export function describeTaskDefinitionOperation(body: Body, { world }: OperationContext): Body {
  const record = world.taskDefinitions.find(requiredString(body, 'taskDefinition'));
  if (!record) throw clientException('Unable to describe task definition.');
  return {
    taskDefinition: describeTaskDefinition(record),
    ...(includesTags(body) ? { tags: tagsToWire(record.tags) } : {}),
  };
}

export function listTaskDefinitions(body: Body, { world }: OperationContext): Body {
  const status = optionalString(body, 'status') ?? 'ACTIVE';
  if (!isStatus(status)) throw invalidParameter(`status must be one of ${STATUSES.join(', ')}.`);
  const sort = optionalString(body, 'sort') ?? 'ASC';
  if (sort !== 'ASC' && sort !== 'DESC') throw invalidParameter('sort must be ASC or DESC.');
  const records = world.taskDefinitions.list(optionalString(body, 'familyPrefix'), status);
  if (sort === 'DESC') records.reverse();
  const page = paginate(records, pageSize(body, 100, 100), optionalString(body, 'nextToken'));
  return { taskDefinitionArns: page.items.map((record) => record.arn), ...nextToken(page.nextToken) };
}

export function deregisterTaskDefinition(body: Body, { world, now }: OperationContext): Body {
  const reference = requiredString(body, 'taskDefinition');
  const record = hasRevision(reference) ? world.taskDefinitions.find(reference) : undefined;
  if (!record) throw clientException('The specified task definition does not exist.');
  world.taskDefinitions.deregister(record, now);
  return { taskDefinition: describeTaskDefinition(record) };
}

export function deleteTaskDefinitions(body: Body, { world, now }: OperationContext): Body {
  const references = optionalStringList(body, 'taskDefinitions') ?? [];
  if (references.length === 0 || references.length > MAX_DELETED) {
    throw invalidParameter(`taskDefinitions must have between 1 and ${MAX_DELETED} items.`);
  }
  const deleted: TaskDefinitionRecord[] = [];
  const failures: Body[] = [];
  for (const reference of references) {
    const record = hasRevision(reference) ? world.taskDefinitions.find(reference) : undefined;
    if (!record) {
      failures.push({ arn: reference, reason: 'The specified task definition does not exist.' });
    } else if (record.status === 'ACTIVE') {
      failures.push({
        arn: record.arn,
        reason: 'The specified task definition is still in ACTIVE status. Please deregister the target and try again.',
      });
    } else {
      world.taskDefinitions.delete(record, now);
      deleted.push(record);
    }
  }
  return { taskDefinitions: deleted.map(describeTaskDefinition), failures };
}

function readTags(body: Body): Tag[] {
  return (optionalObjectList(body, 'tags') ?? []).map((tag) => ({
    key: requiredString(tag, 'key'),
    value: optionalString(tag, 'value') ?? '',
  }));
}

function hasRevision(reference: string): boolean {
  return /:\d+$/.test(reference);
}

function isStatus(value: string): value is TaskDefinitionStatus {
  return (STATUSES as readonly string[]).includes(value);
}
