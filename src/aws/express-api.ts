// The ECS Express Mode calls, made as the other changes in ecs.ts are: reads go through the SDK's retries, each
// change is sent once (its caller reads back before any second try), and the cancel aborts them unless the caller
// asks for the calls a cancel does not abort (the rollback of rollback-on-cancel).
import {
  CreateExpressGatewayServiceCommand,
  DescribeExpressGatewayServiceCommand,
  ECSClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateExpressGatewayServiceCommand,
  type CreateExpressGatewayServiceCommandInput,
  type ECSExpressGatewayService,
  type UpdateExpressGatewayServiceCommandInput,
  type UpdatedExpressGatewayService,
} from '@aws-sdk/client-ecs';
import type { Tag } from '../taskdef/types.js';
import { clientConfig, retryGarbledAnswers, type SessionOptions } from './clients.js';

export interface ExpressApi {
  /** DescribeExpressGatewayService with its tags; a read, retried by the SDK. */
  describe(serviceArn: string): Promise<ECSExpressGatewayService | undefined>;
  /** A change: one SDK attempt. It carries no idempotency token, so a lost answer is read back by name. */
  create(input: CreateExpressGatewayServiceCommandInput): Promise<ECSExpressGatewayService | undefined>;
  /** A change: one SDK attempt. */
  update(input: UpdateExpressGatewayServiceCommandInput): Promise<UpdatedExpressGatewayService | undefined>;
  /** Changes: one SDK attempt each; both are safe to send again (they set, not add). */
  tag(resourceArn: string, tags: readonly Tag[]): Promise<void>;
  untag(resourceArn: string, keys: readonly string[]): Promise<void>;
}

const made = new WeakMap<SessionOptions, { live: ExpressApi; afterCancel: ExpressApi }>();

/** The Express calls of a session, made once; `afterCancel`: calls the run's cancel does not abort. */
export function expressApi(options: SessionOptions, afterCancel = false): ExpressApi {
  let pair = made.get(options);
  if (!pair) {
    const reads = new ECSClient(clientConfig(options));
    reads.middlewareStack.add(retryGarbledAnswers(), { step: 'deserialize', priority: 'high', name: 'ecsDeliverRetryGarbledAnswers' });
    const changes = new ECSClient(clientConfig({ ...options, maxAttempts: 1 }));
    pair = { live: expressCalls(reads, changes, options.signal), afterCancel: expressCalls(reads, changes, undefined) };
    made.set(options, pair);
  }
  return afterCancel ? pair.afterCancel : pair.live;
}

export function expressCalls(reads: ECSClient, changes: ECSClient, signal: AbortSignal | undefined): ExpressApi {
  const sendOptions = signal ? { abortSignal: signal } : {};
  return {
    async describe(serviceArn) {
      const out = await reads.send(new DescribeExpressGatewayServiceCommand({ serviceArn, include: ['TAGS'] }), sendOptions);
      return out.service;
    },
    async create(input) {
      return (await changes.send(new CreateExpressGatewayServiceCommand(input), sendOptions)).service;
    },
    async update(input) {
      return (await changes.send(new UpdateExpressGatewayServiceCommand(input), sendOptions)).service;
    },
    async tag(resourceArn, tags) {
      await changes.send(new TagResourceCommand({ resourceArn, tags: tags.map((tag) => ({ key: tag.key, value: tag.value })) }), sendOptions);
    },
    async untag(resourceArn, keys) {
      await changes.send(new UntagResourceCommand({ resourceArn, tagKeys: [...keys] }), sendOptions);
    },
  };
}
