// The ECS calls ecs-deliver makes, behind one small interface so the deploy flow and the watcher take it
// as a parameter and tests hand in aws-sdk-client-mock or a plain object.
import {
  DeregisterTaskDefinitionCommand,
  DescribeClustersCommand,
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopServiceDeploymentCommand,
  DescribeServiceRevisionsCommand,
  type DescribeServiceRevisionsCommandOutput,
  StopTaskCommand,
  UpdateServiceCommand,
  type Cluster,
  type ContinueServiceDeploymentCommandOutput,
  type DescribeServiceDeploymentsCommandOutput,
  type DescribeServicesCommandOutput,
  type DescribeTaskDefinitionCommandInput,
  type DescribeTaskDefinitionCommandOutput,
  type ListServiceDeploymentsCommandInput,
  type ListServiceDeploymentsCommandOutput,
  type ListTaskDefinitionsCommandInput,
  type ListTaskDefinitionsCommandOutput,
  type ListTasksCommandInput,
  type ListTasksCommandOutput,
  type RegisterTaskDefinitionCommandInput,
  type RegisterTaskDefinitionCommandOutput,
  type RunTaskCommandInput,
  type RunTaskCommandOutput,
  type StopServiceDeploymentCommandOutput,
  type StopTaskCommandOutput,
  type Task,
  type TaskDefinition,
  type UpdateServiceCommandInput,
  type UpdateServiceCommandOutput,
} from '@aws-sdk/client-ecs';
import type { DeserializeMiddleware } from '@smithy/types';
import { unmodelledAnswerFields } from './unmodelled.js';

/** A DescribeTaskDefinition answer, with the fields ECS sent that the bundled SDK dropped while reading it. */
export type DescribedTaskDefinition = DescribeTaskDefinitionCommandOutput & { unmodelledFields?: string[] };

export interface EcsApi {
  describeCluster(cluster: string): Promise<Cluster | undefined>;
  describeServices(cluster: string, services: readonly string[]): Promise<DescribeServicesCommandOutput>;
  describeTaskDefinition(taskDefinition: string): Promise<DescribedTaskDefinition>;
  /** Changes (this and below): one SDK attempt, aborted only by `signal`, never by the run's cancel (see change.ts). */
  registerTaskDefinition(input: RegisterTaskDefinitionCommandInput, signal?: AbortSignal): Promise<RegisterTaskDefinitionCommandOutput>;
  listTaskDefinitions(input: ListTaskDefinitionsCommandInput): Promise<ListTaskDefinitionsCommandOutput>;
  deregisterTaskDefinition(taskDefinition: string, signal?: AbortSignal): Promise<TaskDefinition | undefined>;
  updateService(input: UpdateServiceCommandInput, signal?: AbortSignal): Promise<UpdateServiceCommandOutput>;
  listClusters(nextToken?: string): Promise<{ clusterArns: string[]; nextToken?: string }>;
  listServices(cluster: string, nextToken?: string): Promise<{ serviceArns: string[]; nextToken?: string }>;
  listTasks(input: ListTasksCommandInput): Promise<ListTasksCommandOutput>;
  describeTasks(cluster: string, tasks: readonly string[]): Promise<Task[]>;
  listServiceDeployments(input: ListServiceDeploymentsCommandInput): Promise<ListServiceDeploymentsCommandOutput>;
  describeServiceDeployments(arns: readonly string[]): Promise<DescribeServiceDeploymentsCommandOutput>;
  describeServiceRevisions(arns: readonly string[]): Promise<DescribeServiceRevisionsCommandOutput>;
  /** Carries a client token: sent again, ECS answers with the task it started for it. */
  runTask(input: RunTaskCommandInput, signal?: AbortSignal): Promise<RunTaskCommandOutput>;
  /** `reason` is cut to the 255 characters ECS takes. */
  stopTask(cluster: string, task: string, reason: string, signal?: AbortSignal): Promise<StopTaskCommandOutput>;
  /** ROLLBACK puts the service back on the revision the deployment started from. */
  stopServiceDeployment(arn: string, stopType: 'ROLLBACK' | 'ABORT', signal?: AbortSignal): Promise<StopServiceDeploymentCommandOutput>;
  /** The PAUSE hook lets the deployment go on (CONTINUE) or rolls it back (ROLLBACK). */
  continueServiceDeployment(arn: string, hookId: string, action: 'CONTINUE' | 'ROLLBACK', signal?: AbortSignal): Promise<ContinueServiceDeploymentCommandOutput>;
}

/**
 * Sits between the SDK's reader and the HTTP answer: keeps the answer's JSON so that fields the SDK does not
 * know can be named, then hands the same bytes on.
 */
function keepRawAnswer(
  raw: { body?: Record<string, unknown> },
): DeserializeMiddleware<DescribeTaskDefinitionCommandInput, DescribeTaskDefinitionCommandOutput> {
  return (next) => async (args) => {
    const result = await next(args);
    const response = result.response as { body?: unknown };
    if (response.body && typeof (response.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
      const chunks: Uint8Array[] = [];
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) chunks.push(chunk);
      const bytes = Buffer.concat(chunks);
      response.body = new Uint8Array(bytes);
      try {
        raw.body = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      } catch {
        // Not JSON: the SDK's own reader reports it.
      }
    }
    return result;
  };
}

export interface EcsApiOptions {
  /** The client for every change (RegisterTaskDefinition, UpdateService, RunTask, the stops): one SDK attempt each. */
  changes?: ECSClient;
  /** Aborts every read in flight (the run's cancel). Changes are aborted only by the signal each is given. */
  signal?: AbortSignal;
}

export function ecsApi(client: ECSClient, options: EcsApiOptions = {}): EcsApi {
  const changes = options.changes ?? client;
  const sendOptions = options.signal ? { abortSignal: options.signal } : {};
  const changeOptions = (signal: AbortSignal | undefined) => (signal ? { abortSignal: signal } : {});
  return {
    async describeCluster(cluster) {
      const out = await client.send(new DescribeClustersCommand({ clusters: [cluster] }), sendOptions);
      return out.clusters?.[0];
    },
    describeServices: (cluster, services) =>
      client.send(new DescribeServicesCommand({ cluster, services: [...services] }), sendOptions),
    async describeTaskDefinition(taskDefinition) {
      const command = new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] });
      const raw: { body?: Record<string, unknown> } = {};
      command.middlewareStack.add(keepRawAnswer(raw), { step: 'deserialize', priority: 'low', name: 'ecsDeliverKeepRawAnswer' });
      const out = await client.send(command, sendOptions);
      const answered = raw.body?.['taskDefinition'];
      const unmodelled = answered && typeof answered === 'object' ? unmodelledAnswerFields(answered as Record<string, unknown>) : [];
      return unmodelled.length > 0 ? { ...out, unmodelledFields: unmodelled } : out;
    },
    registerTaskDefinition: (input, signal) => changes.send(new RegisterTaskDefinitionCommand(input), changeOptions(signal)),
    listTaskDefinitions: (input) => client.send(new ListTaskDefinitionsCommand(input), sendOptions),
    async deregisterTaskDefinition(taskDefinition, signal) {
      const out = await changes.send(new DeregisterTaskDefinitionCommand({ taskDefinition }), changeOptions(signal));
      return out.taskDefinition;
    },
    updateService: (input, signal) => changes.send(new UpdateServiceCommand(input), changeOptions(signal)),
    async listClusters(nextToken) {
      const out = await client.send(new ListClustersCommand(nextToken ? { nextToken } : {}), sendOptions);
      return { clusterArns: out.clusterArns ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
    },
    async listServices(cluster, nextToken) {
      const out = await client.send(new ListServicesCommand({ cluster, ...(nextToken ? { nextToken } : {}) }), sendOptions);
      return { serviceArns: out.serviceArns ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
    },
    listTasks: (input) => client.send(new ListTasksCommand(input), sendOptions),
    async describeTasks(cluster, tasks) {
      if (tasks.length === 0) return [];
      const out = await client.send(new DescribeTasksCommand({ cluster, tasks: [...tasks] }), sendOptions);
      return out.tasks ?? [];
    },
    listServiceDeployments: (input) => client.send(new ListServiceDeploymentsCommand(input), sendOptions),
    describeServiceDeployments: (arns) =>
      client.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [...arns] }), sendOptions),
    describeServiceRevisions: (arns) => client.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [...arns] }), sendOptions),
    runTask: (input, signal) => changes.send(new RunTaskCommand(input), changeOptions(signal)),
    stopTask: (cluster, task, reason, signal) =>
      changes.send(new StopTaskCommand({ cluster, task, reason: reason.slice(0, 255) }), changeOptions(signal)),
    stopServiceDeployment: (arn, stopType, signal) =>
      changes.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType }), changeOptions(signal)),
    continueServiceDeployment: (arn, hookId, action, signal) =>
      changes.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId, action }), changeOptions(signal)),
  };
}
