// One poll: DescribeServiceDeployments for this run's service deployment where the endpoint answers it, and
// DescribeServices always (events, counts, the deployments list). Where it does not, the watcher stops asking.
import type { EcsApi } from '../aws/ecs.js';
import type { Reporter } from '../report.js';
import { describeError, isNotSupported } from '../aws/errors.js';
import type { Snapshot } from './snapshot.js';

/** The service is gone or unusable: no later poll can change that. */
export class ServiceGoneError extends Error {
  override readonly name = 'ServiceGoneError';
}

/** Polls in a row a service deployment never answered may be MISSING before the watch gives up on it. */
export const MISSING_POLLS = 3;

export class Observer {
  private serviceDeploymentsAnswered = false;
  /** Service deployments DescribeServiceDeployments described at least once. */
  private readonly answeredArns = new Set<string>();
  private missingInARow = 0;
  private serviceDeploymentsSupported = true;

  constructor(
    private readonly ecs: EcsApi,
    private readonly reporter: Reporter,
    private readonly cluster: string,
    private readonly service: string,
  ) {}

  get supportsServiceDeployments(): boolean {
    return this.serviceDeploymentsSupported;
  }

  async observe(serviceDeploymentArn: string | undefined): Promise<Snapshot> {
    // The service deployment first: its status decides the verdict, and the service read after it is at least as
    // new, so the events and counts printed with a verdict already show what led to it.
    const serviceDeployment =
      serviceDeploymentArn !== undefined && this.serviceDeploymentsSupported
        ? await this.describeServiceDeployment(serviceDeploymentArn)
        : undefined;
    const service = await this.describeService();
    return serviceDeployment ? { service, serviceDeployment } : { service };
  }

  private async describeService() {
    const answer = await this.ecs.describeServices(this.cluster, [this.service]);
    const service = answer.services?.[0];
    if (!service) {
      const reason = answer.failures?.[0]?.reason ?? 'MISSING';
      throw new ServiceGoneError(`service ${this.service} not found in cluster ${this.cluster} (${reason})`);
    }
    if (service.status !== undefined && service.status !== 'ACTIVE') {
      throw new ServiceGoneError(`service ${this.service} is ${service.status}`);
    }
    return service;
  }

  private async describeServiceDeployment(arn: string) {
    try {
      const answer = await this.ecs.describeServiceDeployments([arn]);
      this.serviceDeploymentsAnswered = true;
      const deployments = answer.serviceDeployments ?? [];
      const found = deployments.find((deployment) => deployment.serviceDeploymentArn === arn) ?? deployments[0];
      if (found) {
        this.answeredArns.add(arn);
        this.missingInARow = 0;
        return found;
      }
      this.missing(arn, answer.failures?.find((failure) => failure.arn === arn)?.reason);
      return undefined;
    } catch (error) {
      if (error instanceof ServiceGoneError || !isNotSupported(error, !this.serviceDeploymentsAnswered)) throw error;
      this.serviceDeploymentsSupported = false;
      this.reporter.info(
        `DescribeServiceDeployments is not available here (${describeError(error)}); following the service's deployments list`,
      );
      return undefined;
    }
  }

  /**
   * ECS answered the service deployment as a failure (MISSING). Right after an update that may be eventual
   * consistency; once it was described, or after MISSING_POLLS polls in a row, ECS no longer knows it.
   */
  private missing(arn: string, reason: string | undefined): void {
    if (reason !== 'MISSING') return;
    this.missingInARow += 1;
    if (this.answeredArns.has(arn)) {
      throw new ServiceGoneError(`ECS answers service deployment ${arn} as MISSING, after describing it before`);
    }
    if (this.missingInARow >= MISSING_POLLS) {
      throw new ServiceGoneError(`ECS answered service deployment ${arn} as MISSING ${this.missingInARow} polls in a row`);
    }
  }
}
