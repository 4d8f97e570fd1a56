/**
 * ECS stand-in: a local server that speaks ECS's wire protocol (AWS JSON 1.1) and plays rollouts over time, for
 * end-to-end tests, the benchmark and the demo. Point the real SDK (or the bundle, via AWS_ENDPOINT_URL_ECS) at `url`.
 *
 *   const standin = await startEcsStandin({ serviceDeploymentApi: true, timing: { rolloutMs: 1500 } });
 *   standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx' }] }); // web:1
 *   standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2,
 *                         circuitBreaker: { enable: true, rollback: true } });  // cluster "default", steady
 *   standin.setScenario('web', 'circuit-breaker');       // how the next deployment UpdateService starts behaves
 *   standin.setFaults({ throttleEvery: 3 });             // or serverErrorBurst, latencyMs, rateLimits...
 *   standin.calls.DescribeServices;                      // calls per operation, faulted ones included
 *   standin.service('web'); standin.events('web'); standin.tasks('web'); // state as ECS would describe it
 *   standin.taskDefinitions('web');                      // every revision of the family, oldest first
 *   standin.setTaskScript({ runMs: 2000, exitCodes: { app: 3 } }); // how the next RunTask tasks run and stop
 *   standin.oneOffTasks();                               // tasks RunTask started, as DescribeTasks answers them
 *   standin.codeDeploy.seedDeploymentGroup({ application: 'AppECS-default-bg', deploymentGroup: 'DgpECS-default-bg',
 *                                           service: 'bg', autoRollback: true }); // for a CODE_DEPLOY service
 *   standin.codeDeploy.script({ failEvent: 'AfterAllowTestTraffic', diagnostics: { message: '503' } }); // next deployment
 *   await standin.close();
 *
 * Scenarios (options in scenarios.ts; durations in ms, defaults in DEFAULT_TIMING):
 *   healthy            tasks start over rolloutMs, then COMPLETED and a steady state (the default).
 *   circuit-breaker    tasks fail; the breaker trips (FAILED) and, with rollback, the last completed deployment
 *                      becomes PRIMARY again under its old id and completes. Needs the service's breaker on.
 *   failing-no-breaker tasks fail forever; failedTasks climbs, IN_PROGRESS stays. Needs the breaker off.
 *                      Both failing scenarios take `failure`: 'exit' | 'oom' | 'image-pull' | 'health-check' | own.
 *   never-stabilises   some tasks run, the rest stay PENDING; no events after the first ones.
 *   superseded         midway, someone else registers a revision and deploys it; ours drains, theirs completes.
 * Blue/green, linear, canary (strategies.ts): seed the service with `deploymentConfiguration: { strategy:
 *   'BLUE_GREEN' | 'LINEAR' | 'CANARY', bakeTimeInMinutes, lifecycleHooks, linearConfiguration, canaryConfiguration }`
 *   (or send it with UpdateService); minutes may be fractions. The next deployment walks through the lifecycle
 *   stages (timing.stageMs each at least), lambda hooks pass after timing.hookMs unless the scenario says otherwise:
 *   setScenario('web', { name: 'healthy', hooks: { [lambdaArn]: 'fail' | 'time-out' } }). PAUSE hooks await
 *   ContinueServiceDeployment; StopServiceDeployment (ROLLBACK) rolls back; a newer update stops the old one.
 * Express Mode services (express.ts, operations/express.ts): CreateExpressGatewayService makes an ECS service with a
 *   canary (5%, then 100%, bake times from `express.canary`) and its first service deployment; Update starts a new
 *   one and answers no deployment; Describe answers status, currentDeployment and activeConfigurations with the
 *   endpoint. `failImage(image)`: deployments of that image fail to start and roll back. Where AWS is unclear,
 *   `express` (or setExpressReadings) picks the reading: see docs/express-notes.md.
 * Rollouts are computed from the clock at each request (see timeline.ts), so polling never changes an outcome.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CodeDeployStandin, codeDeployOf } from './codedeploy.js';
import type { ExpressReadings } from './express.js';
import { FaultInjector, type Faults } from './faults.js';
import { describeExpressGatewayService } from './operations/express.js';
import type { ServiceDeploymentsMissing, ServicesLag } from './world.js';
import { type Body, isBody } from './input.js';
import type { Tag } from './model.js';
import type { TaskScript } from './one-off-tasks.js';
import { DEFAULT_TIMING, type Scenario, type Timing } from './scenarios.js';
import { describeTaskDefinition } from './task-definitions.js';
import { type MissingOperationAnswer, type RecordedCall, createRequestHandler } from './server.js';
import { describeServiceDeployment } from './service-deployments.js';
import { eventToWire, serviceToWire, taskToWire } from './wire.js';
import { type ServiceSeed, World } from './world.js';

export type { CodeDeployScript, CodeDeployStandin, DeploymentGroupSeed } from './codedeploy.js';
export type { ExpressReadings } from './express.js';
export { AWS_EXPRESS_READINGS } from './express.js';
export type { Faults } from './faults.js';
export type { TaskScript } from './one-off-tasks.js';
export { DEFAULT_TASK_SCRIPT } from './one-off-tasks.js';
export type { FailurePreset, Scenario, ScenarioName, TaskFailure, Timing } from './scenarios.js';
export type { MissingOperationAnswer, RecordedCall } from './server.js';
export type { ServiceSeed } from './world.js';
export { DEFAULT_TIMING, FAILURES } from './scenarios.js';

export interface EcsStandinOptions {
  /** Answer ListServiceDeployments / DescribeServiceDeployments. Default true. */
  serviceDeploymentApi?: boolean;
  /** How those two are answered when the API is off. Default 'server-error' (HTTP 500, as moto answers). */
  missingServiceDeploymentApi?: MissingOperationAnswer;
  /** Default us-east-1. */
  region?: string;
  /** Default 123456789012. */
  accountId?: string;
  /** Durations of rollouts, failures and rollbacks. */
  timing?: Partial<Timing>;
  /** Epoch milliseconds; tests can pass a clock they move by hand. Default Date.now. */
  clock?: () => number;
  /** Default 0 (any free port). */
  port?: number;
  /**
   * Strategy names a later ECS accepts beyond ROLLING, BLUE_GREEN, LINEAR and CANARY, as a deployment strategy ECS
   * adds after this release would appear; their deployments walk the lifecycle stages as blue/green's do.
   */
  laterStrategies?: readonly string[];
  /** How Express services behave where AWS is unclear, and their canary. Default AWS_EXPRESS_READINGS. */
  express?: Partial<ExpressReadings>;
  /**
   * When DescribeServiceDeployments answers a service deployment as a `failures` entry with reason MISSING, as
   * ECS may: right after UpdateService, until `visibleAfterMs` has passed (eventual consistency), and from
   * `forgottenAfterMs` after it was created on (a deployment ECS no longer knows). Default: never.
   */
  serviceDeploymentsMissing?: ServiceDeploymentsMissing;
  /**
   * DescribeServices' deployments list lags `ms` behind DescribeServiceDeployments: a deployment is listed only
   * this long after it started. Whether currentServiceDeployment lags too AWS does not say: by default it does
   * not; `currentServiceDeploymentToo` makes it. Default: no lag.
   */
  servicesLag?: ServicesLag;
  /** Operations the caller may not call (its role lacks the permission): answered AccessDeniedException. */
  deniedOperations?: readonly string[];
}

export interface TaskDefinitionSeed {
  family: string;
  containerDefinitions: object[];
  tags?: Tag[];
  [member: string]: unknown;
}

export interface EcsStandin {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly region: string;
  /** Calls per operation name (e.g. calls.DescribeServices), faulted ones included; '(none)' without a target. */
  readonly calls: Readonly<Record<string, number>>;
  /** The last 1000 calls in order, with their inputs and answer status. */
  readonly requests: readonly RecordedCall[];
  /** Creates the cluster (no-op when it exists); returns its ARN. */
  seedCluster(name: string): string;
  /** Registers the next revision of the family; returns its ARN. */
  seedTaskDefinition(input: TaskDefinitionSeed): string;
  /** Creates a service already steady on its task definition, with its tasks running; returns its ARN. */
  seedService(seed: ServiceSeed): string;
  /** How the next `deployments` (default 1) deployments of the service behave; later ones are healthy. */
  setScenario(service: string, scenario: Scenario, options?: { cluster?: string; deployments?: number }): void;
  /** Replaces the faults in force and restarts their call counting. `setFaults({})` clears them. */
  setFaults(faults: Faults): void;
  /** The service as DescribeServices answers it. */
  service(name: string, cluster?: string): Body;
  /** The service's events, newest first, as DescribeServices answers them. */
  events(name: string, cluster?: string): Body[];
  /** All the service's tasks, stopped ones included, as DescribeTasks answers them. */
  tasks(name: string, cluster?: string): Body[];
  /** The service's service deployments, newest first, as DescribeServiceDeployments answers them. */
  serviceDeployments(name: string, cluster?: string): Body[];
  /** Every revision of the family not deleted, oldest first, as DescribeTaskDefinition answers them. */
  taskDefinitions(family: string): Body[];
  /**
   * The newest service deployment of a blue/green, linear or canary service: each lifecycle stage with when it
   * began, its status, and when it finished (epoch ms on the stand-in's clock).
   */
  stageHistory(name: string, cluster?: string): { stages: { stage: string; at: number }[]; status: string; finishedAt?: number };
  /** Changes how Express services behave where AWS is unclear, for services that exist too. */
  setExpressReadings(readings: Partial<ExpressReadings>): void;
  /** Tasks of this image fail to start (CannotPullContainerError): an Express deployment of it fails and rolls back. */
  failImage(image: string): void;
  /** The Express service as DescribeExpressGatewayService answers it, tags included. */
  expressService(name: string, cluster?: string): Body;
  /** How the tasks the next RunTask calls start behave: durations, exit codes per container. */
  setTaskScript(script: TaskScript): void;
  /** Every task RunTask started, oldest first, as DescribeTasks answers them now. */
  oneOffTasks(): Body[];
  /** CodeDeploy on the same port (AWS_ENDPOINT_URL_CODEDEPLOY=url): deployment groups, scripts, deployments. */
  readonly codeDeploy: CodeDeployStandin;
  /** Zeroes `calls` and empties `requests`. */
  resetCalls(): void;
  /** Forgets every cluster, service, task definition, scenario and fault. */
  reset(): void;
  close(): Promise<void>;
}

const SOMEONE_ELSE = 'someone-else';
const DEPLOYER = 'deployer';

export async function startEcsStandin(options: EcsStandinOptions = {}): Promise<EcsStandin> {
  const account = { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '123456789012' };
  const clock = options.clock ?? Date.now;
  const timing: Timing = {
    ...DEFAULT_TIMING,
    rollbackMs: options.timing?.rolloutMs ?? DEFAULT_TIMING.rollbackMs,
    ...options.timing,
  };
  const serviceDeploymentApi = options.serviceDeploymentApi ?? true;
  const world = new World({
    account,
    clock,
    timing,
    registeredBy: `arn:aws:iam::${account.accountId}:user/${DEPLOYER}`,
    someoneElse: `arn:aws:iam::${account.accountId}:user/${SOMEONE_ELSE}`,
    laterStrategies: options.laterStrategies ?? [],
    serviceDeploymentsMissing: options.serviceDeploymentsMissing ?? {},
    ...(options.servicesLag === undefined ? {} : { servicesLag: options.servicesLag }),
  });
  Object.assign(world.expressReadings, options.express ?? {});
  const faults = new FaultInjector();
  const calls: Record<string, number> = {};
  const requests: RecordedCall[] = [];

  const server = createServer(
    createRequestHandler({
      world,
      faults,
      calls,
      requests,
      serviceDeploymentApi,
      missingServiceDeploymentApi: options.missingServiceDeploymentApi ?? 'server-error',
      timing,
      deniedOperations: options.deniedOperations ?? [],
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const serviceNamed = (name: string, cluster: string | undefined) => {
    world.advance();
    const service = world.findService(cluster, name);
    if (!service) throw new Error(`no service ${name} in cluster ${cluster ?? 'default'}`);
    return service;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    region: account.region,
    calls,
    requests,
    seedCluster: (name) => world.seedCluster(name).arn,
    seedTaskDefinition: ({ tags, ...input }) => {
      const body: unknown = JSON.parse(JSON.stringify(input));
      if (!isBody(body)) throw new Error('a task definition must be an object');
      return world.seedTaskDefinition(body, tags ?? []).arn;
    },
    seedService: (seed) => world.seedService(seed).arn,
    setScenario: (name, scenario, { cluster, deployments = 1 } = {}) =>
      world.setScenario(serviceNamed(name, cluster), scenario, deployments),
    setFaults: (next) => faults.set(next, clock()),
    service: (name, cluster) =>
      serviceToWire(serviceNamed(name, cluster), { withTags: true, currentServiceDeployment: serviceDeploymentApi }),
    events: (name, cluster) => serviceNamed(name, cluster).events.map(eventToWire),
    tasks: (name, cluster) => serviceNamed(name, cluster).tasks.map((task) => taskToWire(task, account.region, [])),
    serviceDeployments: (name, cluster) => {
      const service = serviceNamed(name, cluster);
      return service.serviceDeployments.map((record) => describeServiceDeployment(record, service));
    },
    taskDefinitions: (family) =>
      (['ACTIVE', 'INACTIVE'] as const)
        .flatMap((status) => world.taskDefinitions.list(family, status))
        .sort((a, b) => a.revision - b.revision)
        .map(describeTaskDefinition),
    stageHistory: (name, cluster) => {
      const record = serviceNamed(name, cluster).serviceDeployments[0];
      return {
        stages: [...(record?.stages?.history ?? [])],
        status: record?.status ?? 'NONE',
        ...(record?.finishedAt === undefined ? {} : { finishedAt: record.finishedAt }),
      };
    },
    setExpressReadings: (readings) => {
      Object.assign(world.expressReadings, readings);
    },
    failImage: (image) => {
      world.failingImages.add(image);
    },
    expressService: (name, cluster) => {
      const service = serviceNamed(name, cluster);
      const answer = describeExpressGatewayService(
        { serviceArn: service.arn, include: ['TAGS'] },
        { world, now: clock(), serviceDeploymentApi, timing },
      );
      const described = answer['service'];
      if (!isBody(described)) throw new Error(`${name} is not an Express service`);
      return described;
    },
    setTaskScript: (script) => world.oneOffTasks.setScript(script),
    oneOffTasks: () => {
      const now = world.advance();
      return world.oneOffTasks.all().map((task) => world.oneOffTasks.toWire(task, now));
    },
    codeDeploy: codeDeployOf(world),
    resetCalls: () => {
      for (const key of Object.keys(calls)) delete calls[key];
      requests.length = 0;
    },
    reset: () => {
      world.reset();
      codeDeployOf(world).reset();
      faults.set({}, clock());
      for (const key of Object.keys(calls)) delete calls[key];
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
