// Everything the stand-in knows: clusters, services, task definitions, and the timeline that moves rollouts on.
import { type Account, clusterArn, clusterInArn, serviceArn, shortName } from './arns.js';
import { applyDeploymentConfiguration, ROLLING } from './deployment-configuration.js';
import { AWS_EXPRESS_READINGS, type ExpressReadings } from './express.js';
import { OneOffTasks } from './one-off-tasks.js';
import { clientException, clusterNotFound } from './errors.js';
import type { Body } from './input.js';
import type {
  CircuitBreakerConfig,
  ClusterRecord,
  DeploymentController,
  ServiceRecord,
  ServiceStatus,
  Tag,
  TaskDefinitionRecord,
} from './model.js';
import { type RolloutContext, seedDeployment } from './rollout.js';
import { type Scenario, type Timing, planFor } from './scenarios.js';
import { TaskDefinitionStore } from './task-definitions.js';
import { pruneStoppedTasks } from './tasks.js';
import { Timeline } from './timeline.js';

/** Seeded services look as if they had been running for a while, so their events predate any test. */
const SEED_AGE_MS = 10 * 60_000;

export interface ServiceSeed {
  /** Default "default"; created when missing. */
  cluster?: string;
  serviceName: string;
  /** `family`, `family:revision` or an ARN of a registered revision. */
  taskDefinition: string;
  /** Default 1. */
  desiredCount?: number;
  /** Default ECS (rolling update). */
  deploymentController?: DeploymentController;
  /** Default off, as ECS's API default. */
  circuitBreaker?: CircuitBreakerConfig;
  /** Default FARGATE. */
  launchType?: 'FARGATE' | 'EC2';
  /** Default ACTIVE; INACTIVE or DRAINING make UpdateService answer ServiceNotActiveException. */
  status?: ServiceStatus;
  tags?: Tag[];
  networkConfiguration?: Body;
  /** As CreateService takes them: a service with a capacity provider strategy has no launch type. */
  capacityProviderStrategy?: Body[];
  platformVersion?: string;
  /** `{ targetGroupArn, containerName, containerPort }` entries. */
  loadBalancers?: Body[];
  /**
   * As UpdateService takes it: `strategy` (BLUE_GREEN, LINEAR, CANARY), `bakeTimeInMinutes`, `lifecycleHooks`,
   * `linearConfiguration`, `canaryConfiguration`. Minutes may be fractions, so tests bake for seconds.
   */
  deploymentConfiguration?: Body;
}

export interface WorldOptions {
  account: Account;
  clock: () => number;
  timing: Timing;
  registeredBy: string;
  someoneElse: string;
  /** Strategy names accepted beyond the four ECS documents today. */
  laterStrategies: readonly string[];
  serviceDeploymentsMissing: ServiceDeploymentsMissing;
  /** How far DescribeServices lags behind the service deployments; undefined: not at all. */
  servicesLag?: ServicesLag;
}

/** See EcsStandinOptions.servicesLag. */
export interface ServicesLag {
  ms: number;
  currentServiceDeploymentToo?: boolean;
}

/** When DescribeServiceDeployments answers a service deployment MISSING: see EcsStandinOptions. */
export interface ServiceDeploymentsMissing {
  visibleAfterMs?: number;
  forgottenAfterMs?: number;
}

export class World {
  readonly clusters = new Map<string, ClusterRecord>();
  readonly taskDefinitions: TaskDefinitionStore;
  readonly timeline = new Timeline();
  readonly rollout: RolloutContext;
  /** Tasks started by RunTask, outside any service. */
  readonly oneOffTasks: OneOffTasks;
  /** How Express services behave where AWS is unclear; changed in place, so existing services follow. */
  readonly expressReadings: ExpressReadings = structuredClone(AWS_EXPRESS_READINGS);
  /** Images whose tasks fail to start: an Express deployment of one fails and rolls back. */
  readonly failingImages = new Set<string>();

  constructor(readonly options: WorldOptions) {
    this.taskDefinitions = new TaskDefinitionStore(options.account);
    this.oneOffTasks = new OneOffTasks(options.account);
    this.rollout = {
      account: options.account,
      timeline: this.timeline,
      taskDefinitions: this.taskDefinitions,
      someoneElse: options.someoneElse,
      timing: options.timing,
    };
  }

  get account(): Account {
    return this.options.account;
  }

  now(): number {
    return this.options.clock();
  }

  /** Runs everything due by now; every request and every inspection starts here. */
  advance(): number {
    const now = this.now();
    this.timeline.runUntil(now);
    for (const cluster of this.clusters.values()) {
      for (const service of cluster.services.values()) pruneStoppedTasks(service, now);
    }
    return now;
  }

  /** A cluster by name or ARN; ECS's default cluster is "default". */
  cluster(reference: string | undefined): ClusterRecord {
    const cluster = this.clusters.get(shortName(reference ?? 'default'));
    if (!cluster) throw clusterNotFound();
    return cluster;
  }

  /** A service by name or ARN, in the cluster given or the one its ARN names. */
  findService(clusterReference: string | undefined, serviceReference: string): ServiceRecord | undefined {
    const cluster = this.cluster(clusterReference ?? clusterInArn(serviceReference));
    return cluster.services.get(shortName(serviceReference));
  }

  seedCluster(name: string): ClusterRecord {
    const existing = this.clusters.get(name);
    if (existing) return existing;
    const cluster: ClusterRecord = {
      name,
      arn: clusterArn(this.account, name),
      createdAt: this.now() - SEED_AGE_MS,
      services: new Map(),
    };
    this.clusters.set(name, cluster);
    return cluster;
  }

  seedTaskDefinition(input: Body, tags: Tag[] = []): TaskDefinitionRecord {
    return this.taskDefinitions.register(input, tags, this.now() - SEED_AGE_MS, this.options.registeredBy);
  }

  seedService(seed: ServiceSeed): ServiceRecord {
    this.advance();
    const cluster = this.seedCluster(seed.cluster ?? 'default');
    const taskDefinition = this.taskDefinitions.find(seed.taskDefinition);
    if (!taskDefinition) throw clientException(`Task definition ${seed.taskDefinition} is not registered.`);
    const at = this.now() - SEED_AGE_MS;
    const service = this.newService(cluster, seed.serviceName, taskDefinition.arn, at);
    service.status = seed.status ?? 'ACTIVE';
    service.desiredCount = seed.desiredCount ?? 1;
    service.controller = seed.deploymentController ?? 'ECS';
    if (seed.circuitBreaker) service.circuitBreaker = seed.circuitBreaker;
    service.launchType = seed.launchType ?? 'FARGATE';
    service.tags = seed.tags ?? [];
    applyDeploymentConfiguration(service, seed.deploymentConfiguration, this.options.laterStrategies);
    if (seed.networkConfiguration) service.networkConfiguration = seed.networkConfiguration;
    if (seed.capacityProviderStrategy) service.capacityProviderStrategy = seed.capacityProviderStrategy;
    if (seed.platformVersion) service.platformVersion = seed.platformVersion;
    if (seed.loadBalancers) service.loadBalancers = seed.loadBalancers;
    // An INACTIVE service has neither deployments nor tasks left.
    if (service.status !== 'INACTIVE') seedDeployment(this.rollout, service, at);
    cluster.services.set(service.name, service);
    return service;
  }

  /** A service record with ECS's defaults, no deployment yet, not yet in its cluster. */
  newService(cluster: ClusterRecord, name: string, taskDefinitionArn: string, at: number): ServiceRecord {
    return {
      name,
      arn: serviceArn(this.account, cluster.name, name),
      clusterName: cluster.name,
      clusterArn: cluster.arn,
      status: 'ACTIVE',
      desiredCount: 1,
      taskDefinitionArn,
      controller: 'ECS',
      circuitBreaker: { enable: false, rollback: false },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      launchType: 'FARGATE',
      tags: [],
      createdAt: at,
      deployments: [],
      events: [],
      tasks: [],
      serviceDeployments: [],
      steady: false,
      nextPlan: undefined,
      reconcileTimes: new Set(),
      strategy: ROLLING,
    };
  }

  setScenario(service: ServiceRecord, scenario: Scenario, deployments: number): void {
    const plan = planFor(scenario, this.options.timing);
    if (plan.tasks === 'failing' && plan.breakerExpected !== service.circuitBreaker.enable) {
      const wording = service.circuitBreaker.enable ? 'has its circuit breaker on' : 'has no circuit breaker';
      throw new Error(
        `service ${service.name} ${wording}, so this scenario cannot happen; seed it with circuitBreaker ` +
          `${plan.breakerExpected ? '{ enable: true, rollback: ... }' : '{ enable: false, rollback: false }'}`,
      );
    }
    service.nextPlan = { plan, remaining: deployments };
  }

  reset(): void {
    this.clusters.clear();
    this.taskDefinitions.clear();
    this.timeline.clear();
    this.oneOffTasks.clear();
    this.failingImages.clear();
    Object.assign(this.expressReadings, structuredClone(AWS_EXPRESS_READINGS));
  }
}
