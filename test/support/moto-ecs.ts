// Sets up clusters, services and task definitions in moto through the real SDK, and reads them back.
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';

export const REGION = 'us-east-1';

export function awsEnv(url: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: url,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export function ecsClient(url: string): ECSClient {
  return new ECSClient({ endpoint: url, region: REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
}

export async function createCluster(ecs: ECSClient, clusterName: string): Promise<void> {
  await ecs.send(new CreateClusterCommand({ clusterName }));
}

export async function registerTaskDefinition(ecs: ECSClient, input: RegisterTaskDefinitionCommandInput): Promise<string> {
  const out = await ecs.send(new RegisterTaskDefinitionCommand(input));
  return out.taskDefinition?.taskDefinitionArn ?? '';
}

export async function createService(
  ecs: ECSClient,
  options: { cluster: string; serviceName: string; taskDefinition: string; desiredCount?: number; controller?: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL' },
): Promise<void> {
  await ecs.send(
    new CreateServiceCommand({
      cluster: options.cluster,
      serviceName: options.serviceName,
      taskDefinition: options.taskDefinition,
      desiredCount: options.desiredCount ?? 1,
      ...(options.controller ? { deploymentController: { type: options.controller } } : {}),
    }),
  );
}

export async function describeService(ecs: ECSClient, cluster: string, service: string) {
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  return out.services?.[0];
}

export async function describeTaskDefinition(ecs: ECSClient, taskDefinition: string) {
  return ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }));
}

export async function revisionsOf(ecs: ECSClient, family: string): Promise<string[]> {
  const out = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family }));
  return (out.taskDefinitionArns ?? []).filter((arn) => arn.includes(`/${family}:`));
}
