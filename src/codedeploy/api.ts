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
import { clientConfig, retryGarbledAnswers, type SessionOptions } from '../aws/clients.js';

export interface CodeDeployApi {
  getDeploymentGroup(applicationName: string, deploymentGroupName: string): Promise<DeploymentGroupInfo | undefined>;
  getDeploymentConfig(deploymentConfigName: string): Promise<DeploymentConfigInfo | undefined>;
  /** A change: one SDK attempt; a lost answer is read back with listDeployments (see create-deployment.ts). */
  createDeployment(input: CreateDeploymentInput): Promise<string>;
  getDeployment(deploymentId: string): Promise<DeploymentInfo | undefined>;
  listDeployments(input: ListDeploymentsInput): Promise<{ deployments: string[]; nextToken?: string }>;
  listDeploymentTargets(deploymentId: string, nextToken?: string): Promise<{ targetIds: string[]; nextToken?: string }>;
  getDeploymentTarget(deploymentId: string, targetId: string): Promise<DeploymentTarget | undefined>;
  /** A change: one SDK attempt. */
  stopDeployment(deploymentId: string, autoRollbackEnabled: boolean): Promise<StopDeploymentOutput>;
}

export interface CodeDeployApis {
  api: CodeDeployApi;
  /** The same calls, not aborted by the run's cancel: for the StopDeployment a cancel itself makes. */
  afterCancel: CodeDeployApi;
}

/** Clients configured like the session's ECS ones: timeouts, SDK retries on reads, one attempt for each change. */
export function codeDeployApis(options: SessionOptions): CodeDeployApis {
  const reads = new CodeDeployClient(clientConfig(options));
  reads.middlewareStack.add(retryGarbledAnswers(), { step: 'deserialize', priority: 'high', name: 'ecsDeliverRetryGarbledAnswers' });
  const changes = new CodeDeployClient(clientConfig({ ...options, maxAttempts: 1 }));
  return {
    api: codeDeployApi(reads, changes, options.signal),
    afterCancel: codeDeployApi(reads, changes, undefined),
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
    async createDeployment(input) {
      const out = await changes.send(new CreateDeploymentCommand(input), sendOptions);
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
    stopDeployment: (deploymentId, autoRollbackEnabled) =>
      changes.send(new StopDeploymentCommand({ deploymentId, autoRollbackEnabled }), sendOptions),
  };
}
