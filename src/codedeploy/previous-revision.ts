// Which revision a CodeDeploy service goes back to once its deployments have ended: GetDeployment's previousRevision of
// the group's newest successful deployment. GetDeployment names an AppSpec by its sha256 and, as the API Reference
// says, without its content; the content is read with GetApplicationRevision when it is not given.
import type { RevisionLocation } from '@aws-sdk/client-codedeploy';
import type { Service } from '@aws-sdk/client-ecs';
import { errorName } from '../aws/errors.js';
import { familyRevision, sameRevision } from '../aws/names.js';
import { readFailure } from '../aws/read-failure.js';
import { PreflightError } from '../errors.js';
import type { CodeDeployApi } from '../aws/codedeploy-api.js';
import { newestFirst } from './in-flight.js';
import { appSpecNeedsYaml, parseAppSpec, taskDefinitionOfAppSpec, type AppSpecContent } from './appspec.js';

export interface GroupName {
  application: string;
  deploymentGroup: string;
}

/** A revision CodeDeploy deployed, with its AppSpec in full and the task definition that AppSpec names. */
export interface DeployedRevision {
  appSpec: AppSpecContent;
  taskDefinition: string;
}

export interface ChosenRevision extends DeployedRevision {
  /** Why this one, for the log. */
  why: string;
}

/** The AppSpec of `revision` in full, and its TaskDefinition; undefined when CodeDeploy has no such revision. */
export async function readRevision(api: CodeDeployApi, application: string, revision: RevisionLocation): Promise<DeployedRevision | undefined> {
  const given = revision.appSpecContent;
  let content = given?.content;
  if (content === undefined) {
    try {
      content = (await api.getApplicationRevision(application, revision))?.appSpecContent?.content;
    } catch (error) {
      if (errorName(error) === 'RevisionDoesNotExistException') return undefined;
      throw readFailure(`GetApplicationRevision ${given?.sha256 ?? '?'}`, error);
    }
  }
  if (content === undefined) return undefined;
  const yaml = appSpecNeedsYaml(content) ? await import('yaml') : undefined;
  const taskDefinition = taskDefinitionOfAppSpec(parseAppSpec(content, `revision ${given?.sha256 ?? ''}`, yaml, 'CodeDeploy'));
  if (!taskDefinition) return undefined;
  return { appSpec: { content, sha256: given?.sha256 ?? '' }, taskDefinition };
}

/**
 * The revision before the group's newest successful deployment; refused (exit 2) naming why when there is none, or
 * when it is what the service runs now.
 */
export async function previousRevision(api: CodeDeployApi, group: GroupName, service: Service): Promise<ChosenRevision> {
  const name = service.serviceName ?? '?';
  const where = `${group.application}/${group.deploymentGroup}`;
  const listed = await api.listDeployments({ applicationName: group.application, deploymentGroupName: group.deploymentGroup, includeOnlyStatuses: ['Succeeded'] });
  const [newestInfo] = await newestFirst(api, listed.deployments);
  const newest = newestInfo?.deploymentId;
  if (!newestInfo || !newest) {
    throw new PreflightError(`nothing to go back to: CodeDeploy group ${where} of ${name} has no successful deployment; give task-definition-arn to choose a revision.`);
  }
  const previous = newestInfo.previousRevision;
  if (!previous) {
    throw new PreflightError(
      `nothing to go back to: ${name}'s newest successful CodeDeploy deployment ${newest} names no previousRevision (CodeDeploy names none for a group's first successful deployment); give task-definition-arn to choose a revision.`,
    );
  }
  const revision = await readRevision(api, group.application, previous);
  if (!revision) {
    throw new PreflightError(`nothing to go back to: the previousRevision of CodeDeploy deployment ${newest} cannot be read from application ${group.application}; give task-definition-arn to choose a revision.`);
  }
  if (sameRevision(revision.taskDefinition, service.taskDefinition)) {
    throw new PreflightError(
      `nothing to go back to: ${name} runs ${familyRevision(revision.taskDefinition)}, the previousRevision of its newest successful CodeDeploy deployment ${newest}; give task-definition-arn to choose another revision.`,
    );
  }
  return { ...revision, why: `the revision before ${name}'s newest successful CodeDeploy deployment ${newest} (its previousRevision)` };
}
