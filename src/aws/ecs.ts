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

export interface EcsApi {
  describeCluster(cluster: string): Promise<Cluster | undefined>;
  describeServices(cluster: string, services: readonly string[]): Promise<DescribeServicesCommandOutput>;
  describeTaskDefinition(taskDefinition: string): Promise<DescribeTaskDefinitionCommandOutput>;
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

export function ecsApi(client: ECSClient): EcsApi {
  return {
    async describeCluster(cluster) {
      const out = await client.send(new DescribeClustersCommand({ clusters: [cluster] }));
      return out.clusters?.[0];
    },
    describeServices: (cluster, services) =>
      client.send(new DescribeServicesCommand({ cluster, services: [...services] })),
    describeTaskDefinition: (taskDefinition) =>
      client.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] })),
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
