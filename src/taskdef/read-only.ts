import type { TaskDefinition } from './types.js';

/** Fields DescribeTaskDefinition answers that RegisterTaskDefinition does not take. */
export const READ_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
] as const;

export function withoutReadOnlyFields(td: TaskDefinition): TaskDefinition {
  const copy: TaskDefinition = {};
  for (const [key, value] of Object.entries(td)) {
    if ((READ_ONLY_FIELDS as readonly string[]).includes(key) || value === null || value === undefined) continue;
    copy[key] = value;
  }
  return copy;
}
