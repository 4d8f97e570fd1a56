// What a one-off task's container printed, read from CloudWatch Logs while the task runs and after it stops.
// Logs never fail a deploy: when they cannot be read, one line says why and the run goes on.
import { addAnswerRules, clientConfig, type SessionOptions } from '../aws/client-config.js';
import { describeError } from '../aws/errors.js';
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { Clock } from '../clock.js';
import type { Reporter } from '../report.js';
import { isDenied, isNotFound, isPermanent } from './aws-errors.js';
import { taskId } from './outcome.js';

export const KEPT_LINES = 20;
/** Pages read in one poll before the next DescribeTasks: a chatty task cannot starve the watch. */
const PAGES_PER_POLL = 10;
/** Pages read after the task stopped; a stream longer than this is cut, and the log says so. */
const PAGES_TO_DRAIN = 200;
/**
 * CloudWatch Logs shows lines some seconds after the container wrote them, and the last ones (often the error)
 * come after the task stopped: the stream is read again this often, until it stayed quiet this many times, for
 * at most LATE_LINES_MS.
 */
export const LATE_LINES_POLL_MS = 1000;
const QUIET_READS = 3;
export const LATE_LINES_MS = 15_000;

/** How drain waits for late lines; without it, drain reads once. */
export interface DrainWait {
  clock: Pick<Clock, 'now' | 'sleep'>;
  signal?: AbortSignal | undefined;
}

export interface LogTarget {
  container: string;
  region: string;
  group: string;
  stream: string;
}

export type LogSource = { target: LogTarget } | { notShown: string };

/** The container's awslogs stream: `prefix/container/task-id` in awslogs-group, in awslogs-region or the deploy's. */
export function logSourceFor(definition: ContainerDefinition | undefined, taskArn: string, deployRegion: string): LogSource {
  const container = definition?.name ?? 'the container';
  const configuration = definition?.logConfiguration;
  if (!configuration) return { notShown: `container ${container} has no logConfiguration` };
  if (configuration.logDriver !== 'awslogs') {
    return { notShown: `container ${container} logs with the ${configuration.logDriver ?? 'default'} driver, not awslogs` };
  }
  const options = configuration.options ?? {};
  const group = options['awslogs-group'];
  if (!group) return { notShown: `container ${container} sets no awslogs-group` };
  const prefix = options['awslogs-stream-prefix'];
  if (!prefix) {
    return { notShown: `container ${container} sets no awslogs-stream-prefix, so its stream is named after the Docker container id` };
  }
  return {
    target: {
      container,
      region: options['awslogs-region'] || deployRegion,
      group,
      stream: `${prefix}/${container}/${taskId(taskArn)}`,
    },
  };
}

export interface LogEventsRequest {
  region: string;
  logGroupName: string;
  logStreamName: string;
  nextToken?: string;
}

export interface LogEventsPage {
  events: readonly { message?: string | undefined }[];
  nextForwardToken?: string | undefined;
}

export interface LogsApi {
  getLogEvents(request: LogEventsRequest): Promise<LogEventsPage>;
}

type Printer = Pick<Reporter, 'info' | 'warn'>;

/** Follows one log stream: `poll` while the task runs, `drain` once it stopped, `lastLines` for the failure report. */
export class LogTail {
  private token: string | undefined;
  private stopped: string | undefined;
  private streamSeen = false;
  private printed = 0;
  private readonly kept: string[] = [];

  constructor(
    private readonly api: LogsApi,
    private readonly source: LogSource,
    private readonly reporter: Printer,
  ) {
    if ('notShown' in source) this.giveUp(source.notShown);
  }

  /** Prints what is new since the last read. Quiet while the stream does not exist yet. */
  async poll(): Promise<void> {
    await this.read(PAGES_PER_POLL, false);
  }

  /** Prints everything left in the stream, and the lines that arrive shortly after; called once the task stopped. */
  async drain(wait?: DrainWait): Promise<void> {
    const deadline = wait ? wait.clock.now() + LATE_LINES_MS : 0;
    let quiet = 0;
    for (;;) {
      const final = !wait || quiet >= QUIET_READS || wait.clock.now() >= deadline || wait.signal?.aborted === true;
      const before = this.printed;
      const complete = await this.read(PAGES_TO_DRAIN, final);
      if (!complete && !this.stopped) {
        this.reporter.info(`logs cut after ${PAGES_TO_DRAIN} pages: the rest is in ${this.describeTarget()}`);
        return;
      }
      if (final || this.stopped || !wait) return;
      quiet = this.printed === before ? quiet + 1 : 0;
      await wait.clock.sleep(LATE_LINES_POLL_MS, wait.signal);
    }
  }

  /** The last lines printed, oldest first. */
  lastLines(): readonly string[] {
    return [...this.kept];
  }

  /** Why logs are not (or no longer) shown, when they are not. */
  get notShown(): string | undefined {
    return this.stopped;
  }

  /** Reads up to `pages` pages; true when it reached the end of the stream. */
  private async read(pages: number, final: boolean): Promise<boolean> {
    if (this.stopped || !('target' in this.source)) return true;
    const target = this.source.target;
    for (let page = 0; page < pages; page += 1) {
      let answer: LogEventsPage;
      try {
        answer = await this.api.getLogEvents({
          region: target.region,
          logGroupName: target.group,
          logStreamName: target.stream,
          ...(this.token ? { nextToken: this.token } : {}),
        });
      } catch (error) {
        this.onError(error, final);
        return true;
      }
      this.streamSeen = true;
      for (const event of answer.events) this.print(event.message ?? '');
      const next = answer.nextForwardToken;
      const end = next === undefined || next === this.token;
      this.token = next ?? this.token;
      if (end) return true;
    }
    return false;
  }

  private onError(error: unknown, final: boolean): void {
    if (isDenied(error)) return this.giveUp(`reading ${this.describeTarget()} is denied (${describeError(error)}): grant logs:GetLogEvents`);
    if (isNotFound(error)) {
      // The stream appears once the container starts; only after the task stopped does its absence mean anything.
      if (final) this.giveUp(`${this.describeTarget()} does not exist${this.streamSeen ? ' any more' : ': the container wrote nothing, or never started'}`);
      return;
    }
    if (isPermanent(error) || final) this.giveUp(`${this.describeTarget()} could not be read (${describeError(error)})`);
    // Anything else (throttling, 5xx, a reset) is tried again at the next poll.
  }

  private giveUp(why: string): void {
    if (this.stopped) return;
    this.stopped = why;
    this.reporter.info(`logs not shown: ${why}`);
  }

  private print(message: string): void {
    const container = 'target' in this.source ? this.source.target.container : '';
    for (const line of message.replace(/\r?\n$/, '').split(/\r?\n/)) {
      this.reporter.info(`${container} | ${line}`);
      this.printed += 1;
      this.kept.push(line);
      if (this.kept.length > KEPT_LINES) this.kept.shift();
    }
  }

  private describeTarget(): string {
    if (!('target' in this.source)) return 'the log stream';
    const { group, stream, region } = this.source.target;
    return `log stream ${stream} in group ${group} (${region})`;
  }
}

/**
 * CloudWatch Logs clients, one per region (awslogs-region may differ from the deploy's), configured as the deploy's
 * own: timeouts, retries, and a deadline on each whole answer. The SDK is loaded only here, when a task's logs are
 * read; it honours AWS_ENDPOINT_URL_CLOUDWATCH_LOGS and AWS_ENDPOINT_URL.
 * @param options the deploy session's options (credentials, timeouts); its region is replaced.
 */
export async function createLogsApi(options: SessionOptions): Promise<LogsApi> {
  const { CloudWatchLogsClient, GetLogEventsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
  const clients = new Map<string, InstanceType<typeof CloudWatchLogsClient>>();
  const clientFor = (region: string) => {
    let client = clients.get(region);
    if (!client) {
      const regional = { ...options, region };
      client = new CloudWatchLogsClient(clientConfig(regional));
      addAnswerRules(client, regional, { retryGarbled: true });
      clients.set(region, client);
    }
    return client;
  };
  return {
    async getLogEvents(request) {
      const answer = await clientFor(request.region).send(
        new GetLogEventsCommand({
          logGroupName: request.logGroupName,
          logStreamName: request.logStreamName,
          startFromHead: true,
          ...(request.nextToken ? { nextToken: request.nextToken } : {}),
        }),
      );
      return { events: answer.events ?? [], nextForwardToken: answer.nextForwardToken };
    },
  };
}
