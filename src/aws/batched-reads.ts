// Many watchers, few calls: DescribeServices calls for one cluster made within a short window are sent as one
// call per 10 services (ECS's limit), and DescribeServiceDeployments as one per 20 ARNs. Every watcher keeps
// calling `describeServices(cluster, [its service])` and gets an answer holding only its own service, so each
// kind of watcher gets batching without knowing about it. Everything else passes through unchanged.
import type { DescribeServiceDeploymentsCommandOutput, DescribeServicesCommandOutput, Failure, Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from './ecs.js';

export const DESCRIBE_SERVICES_LIMIT = 10;
export const DESCRIBE_SERVICE_DEPLOYMENTS_LIMIT = 20;
/** How long the first call of a batch waits for others; watchers woken on a shared tick call within it. */
export const BATCH_WINDOW_MS = 50;

export interface BatchOptions {
  windowMs?: number;
  /** Runs `flush` once the window has passed (default: a timer); tests may flush by hand. */
  schedule?(flush: () => void, windowMs: number): void;
}

interface Waiter<T> {
  names: readonly string[];
  resolve(answer: T): void;
  reject(error: unknown): void;
}

/** Calls that share one key (a cluster), collected until the window ends or a full batch is there. */
class Batcher<T> {
  private readonly pending = new Map<string, Waiter<T>[]>();

  constructor(
    private readonly limit: number,
    private readonly send: (key: string, names: string[]) => Promise<T>,
    private readonly pick: (answer: T, names: readonly string[]) => T,
    private readonly options: Required<BatchOptions>,
  ) {}

  request(key: string, names: readonly string[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { names, resolve, reject };
      let queue = this.pending.get(key);
      if (queue) queue.push(waiter);
      else {
        const started = [waiter];
        queue = started;
        this.pending.set(key, started);
        // The window belongs to this batch: a batch sent early when full leaves the next one its own window.
        this.options.schedule(() => {
          if (this.pending.get(key) === started) this.flush(key);
        }, this.options.windowMs);
      }
      if (this.distinctNames(queue).length >= this.limit) this.flush(key);
    });
  }

  private distinctNames(queue: readonly Waiter<T>[]): string[] {
    return [...new Set(queue.flatMap((waiter) => waiter.names))];
  }

  private flush(key: string): void {
    const queue = this.pending.get(key);
    if (!queue) return;
    this.pending.delete(key);
    const names = this.distinctNames(queue);
    const chunks: string[][] = [];
    for (let start = 0; start < names.length; start += this.limit) chunks.push(names.slice(start, start + this.limit));
    const answers = chunks.map((chunk) => this.send(key, chunk));
    for (const waiter of queue) {
      // A waiter's names may span chunks only when it asked for more than one; it waits for each of them.
      const mine = chunks.flatMap((chunk, index) => (chunk.some((name) => waiter.names.includes(name)) ? [answers[index]] : []));
      Promise.all(mine).then(
        (parts) => waiter.resolve(this.pick(merge(parts as T[]), waiter.names)),
        (error: unknown) => waiter.reject(error),
      );
    }
  }
}

function merge<T>(parts: readonly T[]): T {
  if (parts.length === 1) return parts[0] as T;
  const merged: Record<string, unknown> = {};
  for (const part of parts as Record<string, unknown>[]) {
    for (const [field, value] of Object.entries(part)) {
      merged[field] = Array.isArray(value) ? [...((merged[field] as unknown[] | undefined) ?? []), ...(value as unknown[])] : value;
    }
  }
  return merged as T;
}

/** A service named by name or ARN, as DescribeServices takes either. */
function isNamed(name: string, service: Pick<Service, 'serviceName' | 'serviceArn'>): boolean {
  return name === service.serviceName || name === service.serviceArn || (service.serviceArn?.endsWith(`/${name}`) ?? false);
}

function failureOf(name: string, failure: Failure): boolean {
  return failure.arn === name || (failure.arn?.endsWith(`/${name}`) ?? false);
}

export function batchingEcsApi(inner: EcsApi, options: BatchOptions = {}): EcsApi {
  const settings: Required<BatchOptions> = {
    windowMs: options.windowMs ?? BATCH_WINDOW_MS,
    schedule: options.schedule ?? ((flush, ms) => void setTimeout(flush, ms)),
  };
  const services = new Batcher<DescribeServicesCommandOutput>(
    DESCRIBE_SERVICES_LIMIT,
    (cluster, names) => inner.describeServices(cluster, names),
    (answer, names) => ({
      ...answer,
      services: (answer.services ?? []).filter((service) => names.some((name) => isNamed(name, service))),
      failures: (answer.failures ?? []).filter((failure) => names.some((name) => failureOf(name, failure))),
    }),
    settings,
  );
  const deployments = new Batcher<DescribeServiceDeploymentsCommandOutput>(
    DESCRIBE_SERVICE_DEPLOYMENTS_LIMIT,
    (_key, arns) => inner.describeServiceDeployments(arns),
    (answer, arns) => ({
      ...answer,
      serviceDeployments: (answer.serviceDeployments ?? []).filter((deployment) => arns.includes(deployment.serviceDeploymentArn ?? '')),
      failures: (answer.failures ?? []).filter((failure) => arns.includes(failure.arn ?? '')),
    }),
    settings,
  );
  return {
    ...inner,
    describeServices: (cluster, names) => services.request(cluster, names),
    describeServiceDeployments: (arns) => deployments.request('', arns),
  };
}
