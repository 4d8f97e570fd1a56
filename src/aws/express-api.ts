// The ECS Express Mode calls, on the session's ECS clients: reads go through the SDK's retries and are aborted by
// the run's cancel (or, for `afterCancel`, only once the run has ended); each change is one SDK attempt aborted only
// by the signal it is given, sent through aws/change.ts by its caller (see express/changes.ts).
import {
  CreateExpressGatewayServiceCommand,
  DescribeExpressGatewayServiceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateExpressGatewayServiceCommand,
  type CreateExpressGatewayServiceCommandInput,
  type ECSClient,
  type ECSExpressGatewayService,
  type UpdateExpressGatewayServiceCommandInput,
  type UpdatedExpressGatewayService,
} from '@aws-sdk/client-ecs';
import type { Tag } from '../taskdef/types.js';
import { endOfRun } from './change.js';

export interface ExpressApi {
  /** DescribeExpressGatewayService with its tags; a read, retried by the SDK. */
  describe(serviceArn: string): Promise<ECSExpressGatewayService | undefined>;
  /** Changes (this and below): one SDK attempt, aborted only by `signal`. */
  create(input: CreateExpressGatewayServiceCommandInput, signal?: AbortSignal): Promise<ECSExpressGatewayService | undefined>;
  update(input: UpdateExpressGatewayServiceCommandInput, signal?: AbortSignal): Promise<UpdatedExpressGatewayService | undefined>;
  tag(resourceArn: string, tags: readonly Tag[], signal?: AbortSignal): Promise<void>;
  untag(resourceArn: string, keys: readonly string[], signal?: AbortSignal): Promise<void>;
}

export interface ExpressApis {
  api: ExpressApi;
  /** The same calls, whose reads a cancel does not abort: for what a cancel itself reads back or undoes. */
  afterCancel: ExpressApi;
}

/** The Express calls on the session's clients: `reads` with the SDK's retries, `changes` with one attempt each. */
export function expressApisOn(reads: ECSClient, changes: ECSClient, signal: AbortSignal | undefined): ExpressApis {
  return { api: expressCalls(reads, changes, signal), afterCancel: expressCalls(reads, changes, endOfRun) };
}

function expressCalls(reads: ECSClient, changes: ECSClient, readSignal: AbortSignal | undefined): ExpressApi {
  const readOptions = readSignal ? { abortSignal: readSignal } : {};
  const changeOptions = (signal: AbortSignal | undefined) => (signal ? { abortSignal: signal } : {});
  return {
    async describe(serviceArn) {
      const out = await reads.send(new DescribeExpressGatewayServiceCommand({ serviceArn, include: ['TAGS'] }), readOptions);
      return out.service;
    },
    async create(input, signal) {
      return (await changes.send(new CreateExpressGatewayServiceCommand(input), changeOptions(signal))).service;
    },
    async update(input, signal) {
      return (await changes.send(new UpdateExpressGatewayServiceCommand(input), changeOptions(signal))).service;
    },
    async tag(resourceArn, tags, signal) {
      const command = new TagResourceCommand({ resourceArn, tags: tags.map((tag) => ({ key: tag.key, value: tag.value })) });
      await changes.send(command, changeOptions(signal));
    },
    async untag(resourceArn, keys, signal) {
      await changes.send(new UntagResourceCommand({ resourceArn, tagKeys: [...keys] }), changeOptions(signal));
    },
  };
}
