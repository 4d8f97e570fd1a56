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

export class Observer {
  private serviceDeploymentsAnswered = false;
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
      return deployments.find((deployment) => deployment.serviceDeploymentArn === arn) ?? deployments[0];
    } catch (error) {
      if (!isNotSupported(error, !this.serviceDeploymentsAnswered)) throw error;
      this.serviceDeploymentsSupported = false;
      this.reporter.info(
        `DescribeServiceDeployments is not available here (${describeError(error)}); following the service's deployments list`,
      );
      return undefined;
    }
  }
}
