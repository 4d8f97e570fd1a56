// The CodeDeploy part of a plan, found by reads alone: the application and deployment group (they must exist and
// deploy this service), the deployment configuration when one is named, and which AppSpec the deployment gets.
import type { DeploymentConfigInfo } from '@aws-sdk/client-codedeploy';
import { readFileSync, statSync } from 'node:fs';
import type { LoadBalancer, Service } from '@aws-sdk/client-ecs';
import { errorName } from '../aws/errors.js';
import { formatDuration, resourceName } from '../aws/names.js';
import { readFailure } from '../aws/read-failure.js';
import { InputError, PreflightError } from '../errors.js';
import type { CodeDeployInputs } from '../inputs/codedeploy.js';
import type { Reporter } from '../report.js';
import type { CodeDeployApi } from '../aws/codedeploy-api.js';
import { appSpecNeedsYaml, describeAppSpec, parseAppSpec, serviceLaunchOf, type AppSpecSource } from './appspec.js';

export const DEFAULT_APPSPEC = 'appspec.yaml';
const MAX_APPSPEC_BYTES = 1024 * 1024;

export interface CodeDeployPlan {
  application: string;
  deploymentGroup: string;
  description?: string;
  /** The deployment configuration named by codedeploy-deployment-config; the group's own otherwise. */
  deploymentConfig?: string;
  /** What the deployment group uses when none is named. */
  groupDeploymentConfig?: string;
  appSpec: AppSpecSource;
  /** How long the group keeps the original task set after traffic moved. */
  terminationWaitMinutes?: number;
  /** With a ready wait (STOP_DEPLOYMENT), how long CodeDeploy waits for ContinueDeployment. */
  readyWaitMinutes?: number;
  /** How long the deployment config takes to move all traffic (linear and canary). */
  routingMinutes?: number;
  /** The wait the run chose, when wait-timeout was not set: enough for the ready wait, routing and termination. */
  waitTimeoutMs?: number;
}

/** Time beyond the group's waits and the routing for the deployment itself, and the least wait. */
const SLACK_MINUTES = 10;
const LEAST_WAIT_MINUTES = 30;

export interface CodeDeployPlanDeps {
  api: CodeDeployApi;
  reporter: Reporter;
  /** The file's text; undefined when no such file exists. */
  readFile?(path: string): string | undefined;
}

export function defaultApplication(cluster: string, service: string): string {
  return `AppECS-${resourceName(cluster)}-${resourceName(service)}`;
}

export function defaultDeploymentGroup(cluster: string, service: string): string {
  return `DgpECS-${resourceName(cluster)}-${resourceName(service)}`;
}

export async function planCodeDeploy(
  deps: CodeDeployPlanDeps,
  inputs: CodeDeployInputs,
  target: { cluster: string; service: Service; region: string; waitTimeoutMs?: number; waitTimeoutSet?: boolean },
): Promise<CodeDeployPlan> {
  const serviceName = target.service.serviceName ?? '';
  const application = inputs.application || defaultApplication(target.cluster, serviceName);
  const deploymentGroup = inputs.deploymentGroup || defaultDeploymentGroup(target.cluster, serviceName);
  const appSpec = await chooseAppSpec(deps, inputs.appspec || DEFAULT_APPSPEC, target.service);
  const group = await readDeploymentGroup(deps.api, application, deploymentGroup, target.region, inputs);
  if (group.computePlatform && group.computePlatform !== 'ECS') {
    throw new PreflightError(
      `codedeploy-deployment-group: "${deploymentGroup}" deploys to ${group.computePlatform}, not ECS; name the deployment group of service ${serviceName}.`,
    );
  }
  const services = group.ecsServices ?? [];
  const ours = services.some(
    (listed) => listed.serviceName === serviceName && resourceName(listed.clusterName ?? '') === resourceName(target.cluster),
  );
  if (services.length > 0 && !ours) {
    const named = services.map((listed) => `${listed.serviceName ?? '?'} in ${listed.clusterName ?? '?'}`).join(', ');
    throw new PreflightError(
      `codedeploy-deployment-group: "${deploymentGroup}" deploys ${named}, not ${serviceName} in ${resourceName(target.cluster)}; set codedeploy-deployment-group (and codedeploy-application) to the group of this service.`,
    );
  }
  const configName = inputs.deploymentConfig || group.deploymentConfigName;
  const config = configName ? await checkDeploymentConfig(deps.api, configName, target.region, inputs.deploymentConfig ? 'codedeploy-deployment-config' : undefined) : undefined;
  const routing = routingMinutesOf(config);
  deps.reporter.info(`CodeDeploy: ${application}/${deploymentGroup}; AppSpec: ${describeAppSpec(appSpec)}.`);
  const blueGreen = group.blueGreenDeploymentConfiguration;
  const termination = blueGreen?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes;
  const ready = blueGreen?.deploymentReadyOption;
  const readyMinutes = ready?.actionOnTimeout === 'STOP_DEPLOYMENT' ? (ready.waitTimeInMinutes ?? 0) : 0;
  const neededMinutes = readyMinutes + routing + (termination ?? 0) + SLACK_MINUTES;
  const parts = `ready wait ${readyMinutes} min + traffic routing ${routing} min${configName ? ` (${configName})` : ''} + termination wait ${termination ?? 0} min + ${SLACK_MINUTES} min`;
  let chosenWaitMs: number | undefined;
  if (target.waitTimeoutMs !== undefined && target.waitTimeoutSet === false) {
    chosenWaitMs = Math.max(LEAST_WAIT_MINUTES, neededMinutes) * 60_000;
    deps.reporter.info(`CodeDeploy wait: ${formatDuration(chosenWaitMs)} (wait-timeout not set; at least ${LEAST_WAIT_MINUTES} min, and ${parts}).`);
  } else if (target.waitTimeoutMs !== undefined && neededMinutes * 60_000 > target.waitTimeoutMs) {
    deps.reporter.warn(
      `wait-timeout ${formatDuration(target.waitTimeoutMs)} is shorter than this CodeDeploy deployment may take: ${parts} = ${neededMinutes} min; raise wait-timeout, or leave it out to wait that long.`,
    );
  }
  return {
    application,
    deploymentGroup,
    ...(inputs.description ? { description: inputs.description } : {}),
    ...(inputs.deploymentConfig ? { deploymentConfig: inputs.deploymentConfig } : {}),
    ...(group.deploymentConfigName ? { groupDeploymentConfig: group.deploymentConfigName } : {}),
    appSpec,
    ...(termination !== undefined ? { terminationWaitMinutes: termination } : {}),
    ...(ready?.actionOnTimeout === 'STOP_DEPLOYMENT' && ready.waitTimeInMinutes !== undefined ? { readyWaitMinutes: ready.waitTimeInMinutes } : {}),
    ...(routing > 0 ? { routingMinutes: routing } : {}),
    ...(chosenWaitMs !== undefined ? { waitTimeoutMs: chosenWaitMs } : {}),
  };
}

/**
 * Minutes from the first traffic shift to the last: a linear config shifts its share every interval until all of
 * it moved (10% every 3 minutes: 9 intervals, 27 minutes); a canary shifts the rest after one interval.
 */
export function routingMinutesOf(config: DeploymentConfigInfo | undefined): number {
  const routing = config?.trafficRoutingConfig;
  if (routing?.type === 'TimeBasedLinear') {
    const percentage = routing.timeBasedLinear?.linearPercentage ?? 100;
    const interval = routing.timeBasedLinear?.linearInterval ?? 0;
    return percentage > 0 ? (Math.ceil(100 / percentage) - 1) * interval : 0;
  }
  if (routing?.type === 'TimeBasedCanary') return routing.timeBasedCanary?.canaryInterval ?? 0;
  return 0;
}

/**
 * The user's file when there is one; only when the default appspec.yaml does not exist is one generated, from the
 * container name and port of the service's load balancer.
 */
async function chooseAppSpec(deps: CodeDeployPlanDeps, path: string, service: Service): Promise<AppSpecSource> {
  const text = (deps.readFile ?? readAppSpecFile)(path);
  if (text !== undefined) {
    const yaml = appSpecNeedsYaml(text) ? await import('yaml') : undefined;
    return { kind: 'file', path, data: parseAppSpec(text, path, yaml) };
  }
  if (path !== DEFAULT_APPSPEC) {
    throw new InputError(`codedeploy-appspec: "${path}" does not exist; give a path relative to the working directory, or leave codedeploy-appspec out.`);
  }
  const balancer = (service.loadBalancers ?? []).find((candidate): candidate is LoadBalancer & { containerName: string; containerPort: number } =>
    Boolean(candidate.containerName) && candidate.containerPort !== undefined,
  );
  if (!balancer) {
    throw new PreflightError(
      `codedeploy-appspec: there is no ${DEFAULT_APPSPEC} in the working directory, and service ${service.serviceName ?? ''} names no load balancer container and port to make one from; add an AppSpec file, or set codedeploy-appspec to yours.`,
    );
  }
  const fromService = serviceLaunchOf(service);
  return {
    kind: 'generated',
    containerName: balancer.containerName,
    containerPort: balancer.containerPort,
    ...(Object.keys(fromService).length > 0 ? { fromService } : {}),
  };
}

/** The file's text, or undefined when there is no such file. */
export function readAppSpecFile(path: string): string | undefined {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError(`codedeploy-appspec: "${path}" is not a regular file; give the path of a JSON or YAML AppSpec.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new InputError(`codedeploy-appspec: cannot read "${path}" (${code ?? String(error)}); check the file.`);
  }
  if (size > MAX_APPSPEC_BYTES) throw new InputError(`codedeploy-appspec: "${path}" is ${size} bytes; an AppSpec is far smaller.`);
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
}

async function readDeploymentGroup(api: CodeDeployApi, application: string, deploymentGroup: string, region: string, inputs: CodeDeployInputs) {
  try {
    const group = await api.getDeploymentGroup(application, deploymentGroup);
    if (!group) throw new PreflightError(`codedeploy-deployment-group: "${deploymentGroup}" was not found in ${application}.`);
    return group;
  } catch (error) {
    if (error instanceof PreflightError) throw error;
    const name = errorName(error);
    if (name === 'ApplicationDoesNotExistException') {
      throw new PreflightError(
        `codedeploy-application: "${application}" does not exist in ${region}; set codedeploy-application to the CodeDeploy application of this service${inputs.application ? '' : ' (the default is the name the ECS console gives)'}.`,
      );
    }
    if (name === 'DeploymentGroupDoesNotExistException') {
      throw new PreflightError(
        `codedeploy-deployment-group: "${deploymentGroup}" does not exist in application ${application}; set codedeploy-deployment-group to the deployment group of this service${inputs.deploymentGroup ? '' : ' (the default is the name the ECS console gives)'}.`,
      );
    }
    throw readFailure(`GetDeploymentGroup ${application}/${deploymentGroup}`, error);
  }
}

/** The deployment config; `input` names the input that named it (none: the group's own, which is not checked). */
async function checkDeploymentConfig(api: CodeDeployApi, name: string, region: string, input: string | undefined): Promise<DeploymentConfigInfo | undefined> {
  try {
    const config = await api.getDeploymentConfig(name);
    if (input && config?.computePlatform && config.computePlatform !== 'ECS') {
      throw new PreflightError(`codedeploy-deployment-config: "${name}" is for ${config.computePlatform}, not ECS; name an ECS configuration such as CodeDeployDefault.ECSAllAtOnce.`);
    }
    return config;
  } catch (error) {
    if (error instanceof PreflightError) throw error;
    if (!input) return undefined;
    if (errorName(error) === 'DeploymentConfigDoesNotExistException') {
      throw new PreflightError(`codedeploy-deployment-config: "${name}" does not exist in ${region}; name an ECS configuration such as CodeDeployDefault.ECSAllAtOnce, or leave it out to use the deployment group's.`);
    }
    throw readFailure(`GetDeploymentConfig ${name}`, error);
  }
}
