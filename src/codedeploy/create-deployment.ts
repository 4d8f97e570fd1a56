// CreateDeployment, made once per attempt. When its answer is lost, the deployment group's deployments created since
// are read back, and one whose AppSpec has this run's SHA-256 is this run's: a lost answer never starts two.
import { MayHaveBeenAppliedError, afterRefusal, pauseBefore } from '../aws/doubtful.js';
import { changeOutcome, describeError } from '../aws/errors.js';
import { systemClock, type Clock } from '../clock.js';
import { DeployError } from '../errors.js';
import type { Reporter } from '../report.js';
import type { CodeDeployApi } from './api.js';
import type { AppSpecContent } from './appspec.js';

export const CREATE_ATTEMPTS = 3;
/** How far before an attempt the read-back looks, for the clocks of this machine and CodeDeploy to differ. */
const CLOCK_MARGIN_MS = 10_000;
const READ_BACK_PAGES = 5;

export interface CreateRequest {
  application: string;
  deploymentGroup: string;
  appSpec: AppSpecContent;
  description?: string;
  deploymentConfig?: string;
}

export interface CreateOptions {
  reporter?: Pick<Reporter, 'info' | 'warn'>;
  clock?: Pick<Clock, 'sleep' | 'now'>;
}

export async function createDeployment(api: CodeDeployApi, request: CreateRequest, options: CreateOptions = {}): Promise<string> {
  const clock = options.clock ?? systemClock;
  const action = `CreateDeployment in ${request.application}/${request.deploymentGroup}`;
  const firstSentAt = clock.now();
  for (let attempt = 1; ; attempt++) {
    let failure: unknown;
    try {
      return await api.createDeployment({
        applicationName: request.application,
        deploymentGroupName: request.deploymentGroup,
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content: request.appSpec.content, sha256: request.appSpec.sha256 } },
        ...(request.description ? { description: request.description } : {}),
        ...(request.deploymentConfig ? { deploymentConfigName: request.deploymentConfig } : {}),
      });
    } catch (error) {
      failure = error;
    }
    if (changeOutcome(failure) === 'not-applied') {
      await afterRefusal(action, failure, attempt, CREATE_ATTEMPTS, { reporter: options.reporter, clock });
      continue;
    }

    options.reporter?.warn(`${action}: the answer was lost (${describeError(failure)}); reading back whether it was created.`);
    await clock.sleep(pauseBefore(attempt + 1));
    const found = await readBack(api, request, firstSentAt - CLOCK_MARGIN_MS, failure);
    if (found) {
      options.reporter?.info(`CodeDeploy deployment ${found} was created by that call: following it.`);
      return found;
    }
    if (attempt >= CREATE_ATTEMPTS) {
      throw new DeployError(`${action} failed ${attempt} times (last: ${describeError(failure)}); the deployment group shows no deployment of this run's AppSpec.`);
    }
    options.reporter?.info('The deployment group shows no deployment from that call: creating it again.');
  }
}

/**
 * After a cancel cut CreateDeployment short: the deployment that call may have created, read on clients the cancel
 * does not abort, so the caller can stop it. Undefined when the group shows none.
 */
export function deploymentCreatedSince(api: CodeDeployApi, request: CreateRequest, sentAt: number, lost: unknown): Promise<string | undefined> {
  return readBack(api, request, sentAt - CLOCK_MARGIN_MS, lost);
}

/** The group's deployment created since `since` whose AppSpec is this run's, if any. */
async function readBack(api: CodeDeployApi, request: CreateRequest, since: number, lost: unknown): Promise<string | undefined> {
  const { application, deploymentGroup } = request;
  const check =
    `the deployments of ${application}/${deploymentGroup} (aws deploy list-deployments --application-name ${application} ` +
    `--deployment-group-name ${deploymentGroup}) before running again`;
  // An earlier run of the same revision may also fall in the window: the newest deployment of this AppSpec is this run's.
  let found: { id: string; created: number } | undefined;
  try {
    let nextToken: string | undefined;
    for (let page = 0; page < READ_BACK_PAGES; page++) {
      const listed = await api.listDeployments({
        applicationName: application,
        deploymentGroupName: deploymentGroup,
        createTimeRange: { start: new Date(since) },
        ...(nextToken ? { nextToken } : {}),
      });
      for (const id of listed.deployments) {
        const info = await api.getDeployment(id);
        if (info?.revision?.appSpecContent?.sha256 !== request.appSpec.sha256) continue;
        const created = info.createTime?.getTime() ?? 0;
        if (!found || created > found.created) found = { id, created };
      }
      nextToken = listed.nextToken;
      if (!nextToken) break;
    }
    return found?.id;
  } catch (error) {
    throw new MayHaveBeenAppliedError(`CreateDeployment in ${application}/${deploymentGroup}`, describeError(lost), describeError(error), check);
  }
}
