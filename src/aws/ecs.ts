// The ECS calls ecs-deliver makes, behind one small interface so the deploy flow and the watcher take it
// as a parameter and tests hand in aws-sdk-client-mock or a plain object.
import {
  DeregisterTaskDefinitionCommand,
  DescribeClustersCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Cluster,
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
  registerTaskDefinition(input: RegisterTaskDefinitionCommandInput): Promise<RegisterTaskDefinitionCommandOutput>;
  listTaskDefinitions(input: ListTaskDefinitionsCommandInput): Promise<ListTaskDefinitionsCommandOutput>;
  deregisterTaskDefinition(taskDefinition: string): Promise<TaskDefinition | undefined>;
  updateService(input: UpdateServiceCommandInput): Promise<UpdateServiceCommandOutput>;
  listServices(cluster: string, nextToken?: string): Promise<{ serviceArns: string[]; nextToken?: string }>;
  listTasks(input: ListTasksCommandInput): Promise<ListTasksCommandOutput>;
  describeTasks(cluster: string, tasks: readonly string[]): Promise<Task[]>;
  listServiceDeployments(input: ListServiceDeploymentsCommandInput): Promise<ListServiceDeploymentsCommandOutput>;
  describeServiceDeployments(arns: readonly string[]): Promise<DescribeServiceDeploymentsCommandOutput>;
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

export function ecsApi(client: ECSClient): EcsApi {
  return {
    async describeCluster(cluster) {
      const out = await client.send(new DescribeClustersCommand({ clusters: [cluster] }));
      return out.clusters?.[0];
    },
    describeServices: (cluster, services) =>
      client.send(new DescribeServicesCommand({ cluster, services: [...services] })),
    async describeTaskDefinition(taskDefinition) {
      const command = new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] });
      const raw: { body?: Record<string, unknown> } = {};
      command.middlewareStack.add(keepRawAnswer(raw), { step: 'deserialize', priority: 'low', name: 'ecsDeliverKeepRawAnswer' });
      const out = await client.send(command);
      const answered = raw.body?.['taskDefinition'];
      const unmodelled = answered && typeof answered === 'object' ? unmodelledAnswerFields(answered as Record<string, unknown>) : [];
      return unmodelled.length > 0 ? { ...out, unmodelledFields: unmodelled } : out;
    },
    registerTaskDefinition: (input) => client.send(new RegisterTaskDefinitionCommand(input)),
    listTaskDefinitions: (input) => client.send(new ListTaskDefinitionsCommand(input)),
    async deregisterTaskDefinition(taskDefinition) {
      const out = await client.send(new DeregisterTaskDefinitionCommand({ taskDefinition }));
      return out.taskDefinition;
    },
    updateService: (input) => client.send(new UpdateServiceCommand(input)),
    async listServices(cluster, nextToken) {
      const out = await client.send(new ListServicesCommand({ cluster, ...(nextToken ? { nextToken } : {}) }));
      return { serviceArns: out.serviceArns ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
    },
    listTasks: (input) => client.send(new ListTasksCommand(input)),
    async describeTasks(cluster, tasks) {
      if (tasks.length === 0) return [];
      const out = await client.send(new DescribeTasksCommand({ cluster, tasks: [...tasks] }));
      return out.tasks ?? [];
    },
    listServiceDeployments: (input) => client.send(new ListServiceDeploymentsCommand(input)),
    describeServiceDeployments: (arns) =>
      client.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [...arns] })),
  };
}
