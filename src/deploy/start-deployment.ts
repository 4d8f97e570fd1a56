// UpdateService, and which deployment it started.
import type { Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from '../aws/ecs.js';
import { DeployError } from '../errors.js';
import type { RolloutTarget } from '../watch/contract.js';
import { describeAwsError } from '../aws/errors.js';
import { eventKey } from '../watch/snapshot.js';
import { identifyDeployment } from './identify-deployment.js';

export interface DeploymentRequest {
  cluster: string;
  region: string;
  taskDefinitionArn: string;
  desiredCount?: number;
  forceNewDeployment: boolean;
}

export async function startDeployment(ecs: EcsApi, before: Service, request: DeploymentRequest): Promise<RolloutTarget> {
  const serviceName = before.serviceName ?? '';
  const idsBefore = (before.deployments ?? []).flatMap((d) => (d.id ? [d.id] : []));
  let answer: Service | undefined;
  try {
    const out = await ecs.updateService({
      cluster: request.cluster,
      service: serviceName,
      taskDefinition: request.taskDefinitionArn,
      ...(request.desiredCount !== undefined ? { desiredCount: request.desiredCount } : {}),
      ...(request.forceNewDeployment ? { forceNewDeployment: true } : {}),
    });
    answer = out.service;
  } catch (error) {
    throw new DeployError(describeAwsError(`UpdateService ${serviceName}`, error));
  }
  return {
    cluster: request.cluster,
    service: serviceName,
    region: request.region,
    taskDefinitionArn: request.taskDefinitionArn,
    deploymentIdsBefore: idsBefore,
    eventKeysBefore: (before.events ?? []).map(eventKey),
    previous: { taskDefinitionArn: before.taskDefinition ?? '', desiredCount: before.desiredCount ?? 0 },
    ...identifyDeployment(answer, idsBefore, request.taskDefinitionArn),
  };
}
