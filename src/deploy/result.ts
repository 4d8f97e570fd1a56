import type { DeploymentStatus, FailureReport } from '../watch/contract.js';

/** Everything a host needs to tell the user what happened: outputs, the job summary, the final line. */
export interface DeliveryResult {
  dryRun: boolean;
  region: string;
  cluster: string;
  service?: string;
  image: string;
  imageDigest?: string;
  taskDefinitionArn: string;
  revision: number;
  registered: boolean;
  desiredCount?: number;
  deploymentId?: string;
  deploymentStatus: DeploymentStatus;
  /** One line saying how the rollout ended, when it was watched. */
  statusMessage?: string;
  /** Lines describing what changed against the revision the service ran (values redacted). */
  diff: string[];
  startedAt: number;
  finishedAt: number;
  consoleUrl?: string;
  failure?: FailureReport;
  rolledBackTo?: string;
  deregistered: string[];
}
