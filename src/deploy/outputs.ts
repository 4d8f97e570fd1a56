import type { DeliveryResult } from './result.js';

/** The run's outputs, keyed as in action.yml. */
export function outputsOf(result: DeliveryResult): Record<string, string> {
  return {
    'task-definition-arn': result.taskDefinitionArn,
    'task-definition-revision': result.revision ? String(result.revision) : '',
    registered: String(result.registered),
    image: result.image,
    'image-digest': result.imageDigest ?? '',
    'deployment-id': result.deploymentId ?? '',
    'codedeploy-deployment-id': result.codeDeployDeploymentId ?? '',
    'deployment-status': result.deploymentStatus,
    deregistered: result.deregistered.join(','),
    'run-task-arn': result.runTask?.taskArn ?? '',
    'run-task-exit-code': result.runTask?.exitCode === undefined ? '' : String(result.runTask.exitCode),
    'service-deployment-arn': result.serviceDeploymentArn ?? '',
  };
}
