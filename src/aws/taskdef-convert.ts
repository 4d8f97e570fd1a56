// Between the SDK's task definition objects and the plain documents the task-definition logic works on.
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { DescribedTaskDefinition } from './ecs.js';
import { toTaskDefinitionDocument } from '../taskdef/parse-file.js';
import type { TaskDefinitionDocument } from '../taskdef/types.js';

export interface DescribedRevision {
  arn: string;
  family: string;
  revision: number;
  status: string;
  document: TaskDefinitionDocument;
  /** Fields ECS answered that the bundled SDK could not read: they are not in `document`. */
  unmodelledFields: string[];
}

export function fromDescribed(out: DescribedTaskDefinition): DescribedRevision {
  const td = out.taskDefinition;
  if (!td?.taskDefinitionArn || !td.family || td.revision === undefined) {
    throw new Error('DescribeTaskDefinition answered without a task definition ARN');
  }
  return {
    arn: td.taskDefinitionArn,
    family: td.family,
    revision: td.revision,
    status: td.status ?? 'ACTIVE',
    document: toTaskDefinitionDocument({ taskDefinition: td, tags: out.tags ?? [] }, td.taskDefinitionArn),
    unmodelledFields: out.unmodelledFields ?? [],
  };
}

export function toRegisterInput(doc: TaskDefinitionDocument): RegisterTaskDefinitionCommandInput {
  return {
    ...(doc.taskDefinition as unknown as RegisterTaskDefinitionCommandInput),
    ...(doc.tags.length > 0 ? { tags: doc.tags.map((tag) => ({ ...tag })) } : {}),
  };
}
