// Records as ECS answers them: JSON bodies with timestamps in epoch seconds.
import type { Body, Json } from './input.js';
import type { ClusterRecord, DeploymentRecord, EventRecord, ServiceRecord, Tag, TaskRecord } from './model.js';
import { countsOf, isLive } from './tasks.js';
import { strategyToWire } from './deployment-configuration.js';

const seconds = (millis: number): number => millis / 1000;

const optional = (key: string, value: Json | undefined): Body => (value === undefined ? {} : { [key]: value });

export function deploymentConfigurationOf(service: ServiceRecord): Body {
  const breaker = service.circuitBreaker;
  return {
    deploymentCircuitBreaker: {
      enable: breaker.enable,
      rollback: breaker.rollback,
      ...optional('resetOnHealthyTask', breaker.resetOnHealthyTask),
      ...optional('thresholdConfiguration', breaker.thresholdConfiguration),
    },
    maximumPercent: service.maximumPercent,
    minimumHealthyPercent: service.minimumHealthyPercent,
    ...strategyToWire(service.strategy),
  };
}

// An Express service may come without taskDefinition; ExpressReadings.describeServicesTaskDefinition decides.
export function serviceToWire(
  service: ServiceRecord,
  options: { withTags: boolean; currentServiceDeployment: boolean },
): Body {
  const counts = service.deployments.map((deployment) => countsOf(service, deployment.id));
  const current = service.serviceDeployments[0];
  return {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: service.clusterArn,
    loadBalancers: service.loadBalancers ?? [],
    serviceRegistries: [],
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: counts.reduce((sum, count) => sum + count.running, 0),
    pendingCount: counts.reduce((sum, count) => sum + count.pending, 0),
    ...(service.capacityProviderStrategy ? { capacityProviderStrategy: service.capacityProviderStrategy } : { launchType: service.launchType }),
    ...(service.launchType === 'FARGATE' ? { platformVersion: service.platformVersion ?? 'LATEST', platformFamily: 'Linux' } : {}),
    ...(service.express && !service.express.readings.describeServicesTaskDefinition ? {} : { taskDefinition: service.taskDefinitionArn }),
    deploymentConfiguration: deploymentConfigurationOf(service),
    deployments: service.deployments.map((deployment) => deploymentToWire(service, deployment)),
    events: service.events.map(eventToWire),
    createdAt: seconds(service.createdAt),
    ...(options.currentServiceDeployment && current ? { currentServiceDeployment: current.arn } : {}),
    placementConstraints: [],
    placementStrategy: [],
    ...optional('networkConfiguration', service.networkConfiguration),
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: service.controller },
    ...(options.withTags ? { tags: tagsToWire(service.tags) } : {}),
    enableECSManagedTags: false,
    propagateTags: 'NONE',
    enableExecuteCommand: false,
    availabilityZoneRebalancing: 'DISABLED',
    // ECS for an Express service; whether ECS answers CUSTOMER or nothing for the others is not documented.
    ...(service.express ? { resourceManagementType: 'ECS' } : {}),
  };
}

function deploymentToWire(service: ServiceRecord, deployment: DeploymentRecord): Body {
  const { running, pending } = countsOf(service, deployment.id);
  return {
    id: deployment.id,
    status: deployment.status,
    taskDefinition: deployment.taskDefinitionArn,
    desiredCount: deployment.desiredCount,
    pendingCount: pending,
    runningCount: running,
    failedTasks: deployment.failedTasks,
    createdAt: seconds(deployment.createdAt),
    updatedAt: seconds(deployment.updatedAt),
    launchType: service.launchType,
    ...(service.launchType === 'FARGATE' ? { platformVersion: '1.4.0', platformFamily: 'Linux' } : {}),
    ...optional('networkConfiguration', service.networkConfiguration),
    // ECS gives a rollout state only for rolling updates.
    ...(service.controller === 'ECS'
      ? { rolloutState: deployment.rolloutState, rolloutStateReason: deployment.rolloutStateReason }
      : {}),
  };
}

export function eventToWire(event: EventRecord): Body {
  return { id: event.id, createdAt: seconds(event.createdAt), message: event.message };
}

export function taskToWire(task: TaskRecord, region: string, tags: Tag[] | undefined): Body {
  return {
    attachments: [],
    attributes: [],
    availabilityZone: `${region}a`,
    clusterArn: task.clusterArn,
    connectivity: task.lastStatus === 'PENDING' ? 'DISCONNECTED' : 'CONNECTED',
    containers: task.containers.map((container) => ({
      containerArn: container.arn,
      taskArn: task.arn,
      name: container.name,
      image: container.image,
      lastStatus: container.lastStatus,
      ...optional('exitCode', container.exitCode),
      ...optional('reason', container.reason),
      networkBindings: [],
      networkInterfaces: [],
      healthStatus: 'UNKNOWN',
      cpu: '0',
    })),
    ...optional('cpu', task.cpu),
    ...optional('memory', task.memory),
    createdAt: seconds(task.createdAt),
    desiredStatus: task.desiredStatus,
    enableExecuteCommand: false,
    group: `service:${task.serviceName}`,
    healthStatus: task.healthStatus,
    lastStatus: task.lastStatus,
    launchType: task.launchType,
    overrides: { containerOverrides: [], inferenceAcceleratorOverrides: [] },
    ...(task.launchType === 'FARGATE' ? { platformVersion: '1.4.0', platformFamily: 'Linux' } : {}),
    ...optional('pullStartedAt', task.startedAt === undefined ? undefined : seconds(task.createdAt)),
    ...optional('startedAt', task.startedAt === undefined ? undefined : seconds(task.startedAt)),
    startedBy: task.deploymentId,
    ...optional('stopCode', task.stopCode),
    ...optional('stoppedAt', task.stoppedAt === undefined ? undefined : seconds(task.stoppedAt)),
    ...optional('executionStoppedAt', task.stoppedAt === undefined ? undefined : seconds(task.stoppedAt)),
    ...optional('stoppingAt', task.stoppingAt === undefined ? undefined : seconds(task.stoppingAt)),
    ...optional('stoppedReason', task.stoppedReason),
    ...(tags === undefined ? {} : { tags: tagsToWire(tags) }),
    taskArn: task.arn,
    taskDefinitionArn: task.taskDefinitionArn,
    version: task.version,
  };
}

export function clusterToWire(cluster: ClusterRecord): Body {
  const services = [...cluster.services.values()].filter((service) => service.status !== 'INACTIVE');
  const tasks = services.flatMap((service) => service.tasks.filter(isLive));
  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: 'ACTIVE',
    registeredContainerInstancesCount: 0,
    runningTasksCount: tasks.filter((task) => task.lastStatus === 'RUNNING').length,
    pendingTasksCount: tasks.filter((task) => task.lastStatus === 'PENDING').length,
    activeServicesCount: services.length,
    statistics: [],
    tags: [],
    settings: [{ name: 'containerInsights', value: 'disabled' }],
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
  };
}

export function tagsToWire(tags: Tag[]): Json[] {
  return tags.map((tag) => ({ key: tag.key, value: tag.value }));
}
