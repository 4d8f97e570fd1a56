// The CodeDeploy calls ecs-deliver makes, behind one small interface (as aws/ecs.ts does for ECS). This module holds
// the CodeDeploy SDK: it is loaded only for a service whose deployment controller is CODE_DEPLOY.
import {
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  GetDeploymentConfigCommand,
  GetDeploymentGroupCommand,
  GetDeploymentTargetCommand,
  ListDeploymentTargetsCommand,
  ListDeploymentsCommand,
  StopDeploymentCommand,
  type CreateDeploymentInput,
  type DeploymentConfigInfo,
  type DeploymentGroupInfo,
  type DeploymentInfo,
  type DeploymentTarget,
  type ListDeploymentsInput,
  type StopDeploymentOutput,
} from '@aws-sdk/client-codedeploy';
import { endOfRun, sendChange } from './change.js';
import { systemClock } from '../clock.js';

export interface CodeDeployApi {
  getDeploymentGroup(applicationName: string, deploymentGroupName: string): Promise<DeploymentGroupInfo | undefined>;
  getDeploymentConfig(deploymentConfigName: string): Promise<DeploymentConfigInfo | undefined>;
  /** Changes (this and stopDeployment): one SDK attempt, aborted only by `signal` (see aws/change.ts). */
  createDeployment(input: CreateDeploymentInput, signal?: AbortSignal): Promise<string>;
  getDeployment(deploymentId: string): Promise<DeploymentInfo | undefined>;
  listDeployments(input: ListDeploymentsInput): Promise<{ deployments: string[]; nextToken?: string }>;
  listDeploymentTargets(deploymentId: string, nextToken?: string): Promise<{ targetIds: string[]; nextToken?: string }>;
  getDeploymentTarget(deploymentId: string, targetId: string): Promise<DeploymentTarget | undefined>;
  stopDeployment(deploymentId: string, autoRollbackEnabled: boolean, signal?: AbortSignal): Promise<StopDeploymentOutput>;
}

export interface CodeDeployApis {
  api: CodeDeployApi;
  /** The same calls, not aborted by the run's cancel: for the StopDeployment a cancel itself makes. */
  afterCancel: CodeDeployApi;
}

/**
 * The calls on clients the session configured: `reads` with the SDK's retries, `changes` with one attempt each.
 * `signal` is the run's cancel, which aborts reads and the sends it may abort.
 */
export function codeDeployApisOn(reads: CodeDeployClient, changes: CodeDeployClient, signal: AbortSignal | undefined): CodeDeployApis {
  const afterCancel = codeDeployApi(reads, changes, endOfRun);
  return {
    api: withSettledStop(codeDeployApi(reads, changes, signal), afterCancel, signal),
    afterCancel: withSettledStop(afterCancel, afterCancel, undefined, AFTER_CANCEL_STOP_MS),
  };
}

/** A stop a cancel asks for is tried again only this long: the run must end soon after. */
const AFTER_CANCEL_STOP_MS = 6_000;

/**
 * StopDeployment through aws/change.ts: a throttled, 5xx or lost answer is sent again (stopping twice stops once)
 * and the deployment read back, so a stop is reported failed only when CodeDeploy refused it.
 */
function withSettledStop(api: CodeDeployApi, reads: CodeDeployApi, cancel: AbortSignal | undefined, withinMs?: number): CodeDeployApi {
  return {
    ...api,
    stopDeployment: (deploymentId, autoRollbackEnabled) =>
      sendChange(
        {
          action: `StopDeployment ${deploymentId}`,
          send: (signal) => api.stopDeployment(deploymentId, autoRollbackEnabled, signal),
          async readBack() {
            const status = (await reads.getDeployment(deploymentId))?.status;
            return status === 'Stopped' ? { applied: true, value: { status: 'Succeeded', $metadata: {} } } : { applied: false };
          },
          resendIsSafe: true,
          whatToCheck: `aws deploy get-deployment --deployment-id ${deploymentId}`,
        },
        { clock: systemClock, cancel, ...(withinMs !== undefined ? { deadlineAt: systemClock.now() + withinMs } : {}) },
      ),
  };
}

export function codeDeployApi(reads: CodeDeployClient, changes: CodeDeployClient = reads, signal?: AbortSignal): CodeDeployApi {
  const sendOptions = signal ? { abortSignal: signal } : {};
  return {
    async getDeploymentGroup(applicationName, deploymentGroupName) {
      const out = await reads.send(new GetDeploymentGroupCommand({ applicationName, deploymentGroupName }), sendOptions);
      return out.deploymentGroupInfo;
    },
    async getDeploymentConfig(deploymentConfigName) {
      const out = await reads.send(new GetDeploymentConfigCommand({ deploymentConfigName }), sendOptions);
      return out.deploymentConfigInfo;
    },
    async createDeployment(input, signal) {
      const out = await changes.send(new CreateDeploymentCommand(input), signal ? { abortSignal: signal } : {});
      if (!out.deploymentId) throw new Error('CreateDeployment answered without a deployment id');
      return out.deploymentId;
    },
    async getDeployment(deploymentId) {
      const out = await reads.send(new GetDeploymentCommand({ deploymentId }), sendOptions);
      return out.deploymentInfo;
    },
    async listDeployments(input) {
      const out = await reads.send(new ListDeploymentsCommand(input), sendOptions);
      return { deployments: out.deployments ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
    },
    async listDeploymentTargets(deploymentId, nextToken) {
      const out = await reads.send(new ListDeploymentTargetsCommand({ deploymentId, ...(nextToken ? { nextToken } : {}) }), sendOptions);
      return { targetIds: out.targetIds ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
    },
    async getDeploymentTarget(deploymentId, targetId) {
      const out = await reads.send(new GetDeploymentTargetCommand({ deploymentId, targetId }), sendOptions);
      return out.deploymentTarget;
    },
    stopDeployment: (deploymentId, autoRollbackEnabled, signal) =>
      changes.send(new StopDeploymentCommand({ deploymentId, autoRollbackEnabled }), signal ? { abortSignal: signal } : {}),
  };
}
