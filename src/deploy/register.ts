// RegisterTaskDefinition, or reuse of the family's latest revision when the rendered one equals it.
import type { EcsApi } from '../aws/ecs.js';
import { toRegisterInput, type DescribedRevision } from '../aws/taskdef-convert.js';
import { DeployError } from '../errors.js';
import { sameTaskDefinition } from '../taskdef/normalize.js';
import type { TaskDefinitionDocument } from '../taskdef/types.js';
import { describeAwsError } from '../aws/errors.js';

export interface RegisteredRevision {
  arn: string;
  revision: number;
  registered: boolean;
}

export function reusableRevision(
  rendered: TaskDefinitionDocument,
  latest: DescribedRevision | undefined,
  mode: 'if-changed' | 'always',
): DescribedRevision | undefined {
  if (mode === 'always' || !latest || latest.status !== 'ACTIVE') return undefined;
  return sameTaskDefinition(rendered, latest.document) ? latest : undefined;
}

export async function registerRevision(ecs: EcsApi, rendered: TaskDefinitionDocument): Promise<RegisteredRevision> {
  try {
    const out = await ecs.registerTaskDefinition(toRegisterInput(rendered));
    const td = out.taskDefinition;
    if (!td?.taskDefinitionArn) throw new Error('the answer has no task definition ARN');
    return { arn: td.taskDefinitionArn, revision: td.revision ?? 0, registered: true };
  } catch (error) {
    throw new DeployError(describeAwsError(`RegisterTaskDefinition ${rendered.taskDefinition.family ?? ''}`, error));
  }
}
