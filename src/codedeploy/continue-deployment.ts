// ContinueDeployment (READY_WAIT) of the deployment that waits in Ready, through aws/change.ts: a lost answer is read
// back (the deployment left Ready: the reroute began), and the call is not sent twice, as CodeDeploy refuses a second
// one (DeploymentIsNotInReadyStateException).
import type { DeploymentInfo } from '@aws-sdk/client-codedeploy';
import { sendChange } from '../aws/change.js';
import { errorName } from '../aws/errors.js';
import type { Clock } from '../clock.js';
import { PreflightError } from '../errors.js';
import type { Reporter } from '../report.js';
import type { CodeDeployApi } from '../aws/codedeploy-api.js';
import { deploymentsInFlight, whatTheGroupDoes } from './in-flight.js';
import type { GroupName } from './previous-revision.js';
import { waitsInReady } from './ready.js';

/** Reads after the continue until CodeDeploy no longer shows the deployment Ready, so the watch does not stop at it. */
const LEFT_READY_READS = 10;
const LEFT_READY_PAUSE_MS = 500;

/**
 * The deployment of the group that waits in Ready: `given` (the codedeploy-deployment-id a paused deploy gave),
 * checked to be of this group and in Ready, or the one found. Refused (exit 2) saying what happens instead.
 */
export async function findReady(api: CodeDeployApi, group: GroupName, given: string): Promise<DeploymentInfo> {
  const where = `${group.application}/${group.deploymentGroup}`;
  if (given) {
    const info = await api.getDeployment(given).catch((error: unknown) => {
      if (errorName(error) === 'DeploymentDoesNotExistException') return undefined;
      throw error;
    });
    if (!info) throw new PreflightError(`codedeploy-deployment-id: "${given}" was not found; check it, or leave it unset to continue the deployment of ${where} that waits.`);
    if (info.applicationName !== group.application || info.deploymentGroupName !== group.deploymentGroup) {
      throw new PreflightError(`codedeploy-deployment-id: "${given}" is a deployment of ${info.applicationName ?? '?'}/${info.deploymentGroupName ?? '?'}, not of ${where}; give a deployment of this service's group.`);
    }
    if (!waitsInReady(info)) {
      throw new PreflightError(`nothing waits in Ready: CodeDeploy deployment ${given} is ${info.status ?? '?'}; continue only lets a deployment that waits for its traffic reroute go on.`);
    }
    return info;
  }
  const inFlight = await deploymentsInFlight(api, group);
  const ready = inFlight.find(waitsInReady);
  if (ready) return ready;
  throw new PreflightError(`nothing of CodeDeploy group ${where} waits in Ready: ${await whatTheGroupDoes(api, group, inFlight)}; continue only lets a deployment that waits for its traffic reroute go on.`);
}

/** ContinueDeployment READY_WAIT, then a few reads until CodeDeploy shows the reroute under way. */
export async function continueReady(
  api: CodeDeployApi,
  deploymentId: string,
  { clock, reporter, cancel }: { clock: Pick<Clock, 'now' | 'sleep'>; reporter: Pick<Reporter, 'info' | 'warn'>; cancel?: AbortSignal },
): Promise<void> {
  await sendChange(
    {
      action: `ContinueDeployment ${deploymentId} (READY_WAIT)`,
      send: (signal) => api.continueDeployment(deploymentId, 'READY_WAIT', signal),
      async readBack() {
        const info = await api.getDeployment(deploymentId);
        return info && !waitsInReady(info) ? { applied: true, value: undefined } : { applied: false, ...(info?.status ? { seen: info.status } : {}) };
      },
      resendIsSafe: false,
      whatToCheck: `aws deploy get-deployment --deployment-id ${deploymentId}`,
    },
    { clock, reporter, cancel },
  );
  for (let read = 0; read < LEFT_READY_READS; read++) {
    if (!waitsInReady(await api.getDeployment(deploymentId))) return;
    await clock.sleep(LEFT_READY_PAUSE_MS, cancel);
  }
}
