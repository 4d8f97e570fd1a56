// CreateDeployment, sent through aws/change.ts. The description carries a token of this run after the user's own
// text: when the answer is lost, the deployment group's deployments created since are read back, and the one whose
// description holds the token (and whose AppSpec, when CodeDeploy echoes it, is this run's) is this run's. A lost
// answer never starts two.
import { randomUUID } from 'node:crypto';
import { CANCEL_FOLLOW_UP_MS, type ChangeCancelledError, sendChange } from '../aws/change.js';
import { errorName } from '../aws/errors.js';
import { systemClock, type Clock } from '../clock.js';
import { errorMessage } from '../errors.js';
import type { Reporter } from '../report.js';
import type { CodeDeployApi } from '../aws/codedeploy-api.js';
import type { AppSpecContent } from './appspec.js';

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
  /** The run's cancel: the call in flight is waited for a few seconds, then read back once. */
  cancel?: AbortSignal;
  /** For tests: the token that marks this run's deployment. */
  runToken?: string;
}

/** The user's description, then the run's token on a line of its own. */
export function describedWithToken(description: string | undefined, token: string): string {
  const mark = `ecs-deliver run ${token}`;
  return description ? `${description}\n${mark}` : mark;
}

export async function createDeployment(api: CodeDeployApi, request: CreateRequest, options: CreateOptions = {}): Promise<string> {
  const clock = options.clock ?? systemClock;
  const token = options.runToken ?? randomUUID();
  const description = describedWithToken(request.description, token);
  const firstSentAt = clock.now();
  const where = `${request.application}/${request.deploymentGroup}`;
  return sendChange(
    {
      action: `CreateDeployment in ${where}`,
      send: (signal) =>
        api.createDeployment(
          {
            applicationName: request.application,
            deploymentGroupName: request.deploymentGroup,
            revision: { revisionType: 'AppSpecContent', appSpecContent: { content: request.appSpec.content, sha256: request.appSpec.sha256 } },
            description,
            ...(request.deploymentConfig ? { deploymentConfigName: request.deploymentConfig } : {}),
          },
          signal,
        ),
      async readBack() {
        const found = await deploymentOfRun(api, request, token, firstSentAt - CLOCK_MARGIN_MS);
        if (!found) return { applied: false };
        options.reporter?.info(`CodeDeploy deployment ${found} was created by that call.`);
        return { applied: true, value: found };
      },
      resendIsSafe: false,
      whatToCheck: `the deployments of ${where} (aws deploy list-deployments --application-name ${request.application} --deployment-group-name ${request.deploymentGroup})`,
    },
    { clock, reporter: options.reporter, cancel: options.cancel },
  );
}

/**
 * A cancel cut CreateDeployment short: a deployment the read-back found is stopped with rollback (within
 * CANCEL_FOLLOW_UP_MS); what could not be settled is named. Answers what the run's ending says about it.
 */
export async function settleCancelledCreate(
  afterCancel: CodeDeployApi,
  cancelled: ChangeCancelledError<string>,
  request: CreateRequest,
  { reporter, clock }: { reporter: Pick<Reporter, 'warn'>; clock: Pick<Clock, 'sleep'> },
): Promise<string> {
  const where = `${request.application}/${request.deploymentGroup}`;
  const seen = cancelled.settled;
  let detail: string;
  if (seen.state === 'not-applied') detail = `CreateDeployment started no deployment in ${where}`;
  else if (seen.state === 'unsettled') detail = `CreateDeployment may still start a deployment in ${where}: check it (aws deploy list-deployments --application-name ${request.application} --deployment-group-name ${request.deploymentGroup})`;
  else {
    const id = seen.value;
    const stopWaiting = new AbortController();
    const stop = await Promise.race([
      Promise.resolve()
        .then(() => afterCancel.stopDeployment(id, true))
        .then(
          () => 'stopped' as const,
          (error: unknown) => (errorMessage(error).includes('DeploymentAlreadyCompletedException') || errorName(error) === 'DeploymentAlreadyCompletedException' ? 'ended' : 'failed'),
        ),
      clock.sleep(CANCEL_FOLLOW_UP_MS, stopWaiting.signal).then(() => 'failed' as const),
    ]);
    stopWaiting.abort();
    detail =
      stop === 'stopped'
        ? `CreateDeployment had started ${id} in ${where}: stopped it with rollback`
        : stop === 'ended'
          ? `CreateDeployment had started ${id} in ${where}, which had already ended`
          : `CreateDeployment had started ${id} in ${where}, and stopping it did not go through: stop it (aws deploy stop-deployment --deployment-id ${id} --auto-rollback-enabled)`;
  }
  reporter.warn(`Cancelled during CreateDeployment: ${detail}.`);
  return detail;
}

/** The group's deployment created since `since` whose description carries `token`, if any. */
async function deploymentOfRun(api: CodeDeployApi, request: CreateRequest, token: string, since: number): Promise<string | undefined> {
  const mark = describedWithToken(undefined, token);
  let nextToken: string | undefined;
  for (let page = 0; page < READ_BACK_PAGES; page++) {
    const listed = await api.listDeployments({
      applicationName: request.application,
      deploymentGroupName: request.deploymentGroup,
      createTimeRange: { start: new Date(since) },
      ...(nextToken ? { nextToken } : {}),
    });
    for (const id of listed.deployments) {
      const info = await api.getDeployment(id);
      if (!info?.description?.includes(mark)) continue;
      // CodeDeploy need not echo the AppSpec; when it does, it must be this run's.
      const echoed = info.revision?.appSpecContent?.content;
      if (echoed !== undefined && echoed !== request.appSpec.content) continue;
      return id;
    }
    nextToken = listed.nextToken;
    if (!nextToken) break;
  }
  return undefined;
}
