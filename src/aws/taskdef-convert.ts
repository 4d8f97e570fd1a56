// Between the SDK's task definition objects and the plain documents the task-definition logic works on.
import type { DescribeTaskDefinitionCommandOutput, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { withoutReadOnlyFields } from '../taskdef/read-only.js';
import type { Tag, TaskDefinition, TaskDefinitionDocument } from '../taskdef/types.js';

export interface DescribedRevision {
  arn: string;
  family: string;
  revision: number;
  status: string;
  document: TaskDefinitionDocument;
}

export function fromDescribed(out: DescribeTaskDefinitionCommandOutput): DescribedRevision {
  const td = out.taskDefinition;
  if (!td?.taskDefinitionArn || !td.family || td.revision === undefined) {
    throw new Error('DescribeTaskDefinition answered without a task definition ARN');
  }
  const tags: Tag[] = (out.tags ?? []).map((tag) => ({ key: tag.key ?? '', value: tag.value ?? '' }));
  return {
    arn: td.taskDefinitionArn,
    family: td.family,
    revision: td.revision,
    status: td.status ?? 'ACTIVE',
    document: { taskDefinition: withoutReadOnlyFields(td as unknown as TaskDefinition), tags },
  };
}

export function toRegisterInput(doc: TaskDefinitionDocument): RegisterTaskDefinitionCommandInput {
  return {
    ...(doc.taskDefinition as unknown as RegisterTaskDefinitionCommandInput),
    ...(doc.tags.length > 0 ? { tags: doc.tags.map((tag) => ({ ...tag })) } : {}),
  };
}

/** `family:revision` from a task definition ARN (or the text itself when it is not an ARN). */
export function shortName(taskDefinition: string): string {
  const slash = taskDefinition.lastIndexOf('/');
  return slash === -1 ? taskDefinition : taskDefinition.slice(slash + 1);
}

export function revisionOf(taskDefinition: string): number {
  const match = /:(\d+)$/.exec(taskDefinition);
  return match ? Number(match[1]) : 0;
}
