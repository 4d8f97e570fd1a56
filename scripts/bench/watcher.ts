// 4. The watcher against the ECS stand-in on the real clock: how long after a rollout ended each watcher knew,
// and how often it asked DescribeServices. Ours is the bundle as a subprocess with its default polling; the
// reference runs in this process (reference-watcher.ts).
import { DEFAULT_TIMING, type EcsStandin, startEcsStandin } from '../../test/standin/index.js';
import { localAwsEnv } from './env.js';
import { referenceDeploy, REFERENCE_MIN_DELAY_S, standinClient } from './reference-watcher.js';
import { jsonOutputs, runNode, tail } from './run-node.js';
import { goalLine, median, perMinute, ratio, sec, verdictOf, type Row } from './stats.js';

const OURS_RUNS = 5;
const REFERENCE_RUNS = 3;
/**
 * Ours polls every 2 s from just after UpdateService, so how long it takes to notice depends on where the end falls
 * between two polls. The runs spread the end over one poll interval: rollouts 0.4 s apart, and task lifetimes that
 * move the breaker's trip about as much (the trip comes about 0.6 s + 1.75 lifetimes after the update).
 */
export const ROLLOUTS_MS = [3000, 3400, 3800, 4200, 4600] as const;
const TASK_LIFETIMES_MS = [800, 1030, 1260, 1490, 1720] as const;
const DESIRED_COUNT = 2;
const COMPLETION_GOAL_MS = 2000;
const FAILURE_GOAL_MS = 3000;
const DESCRIBE_GOAL_PER_MINUTE = 30;
/** How long the stand-in's rollback after a tripped breaker takes: as long as a rollout, unless set. */
const ROLLBACK_MS = DEFAULT_TIMING.rollbackMs;

type Kind = 'completion' | 'failure';

interface Watched {
  kind: Kind;
  service: string;
  /** When the stand-in's deployment completed, or its circuit breaker tripped. */
  happenedAt: number;
  /** When the run said so: its ending, or for a failure the line with the reason, printed as ECS begins rolling back. */
  noticedAt: number;
  /** When the run exited: for a failure, once ECS's rollback ended (wait-for-rollback). */
  exitedAt: number;
  updateAt: number;
  /** Times of the DescribeServices calls for this service from UpdateService to noticedAt. */
  describeAt: number[];
  /** The outcome was the one the scenario makes. */
  expected: boolean;
  detail: string;
}

export interface WatcherResult {
  rows: Row[];
  /** ECS calls per operation of the first healthy deploy of ours (the whole run, preflight included). */
  calls?: Map<string, number>;
}

export async function measureWatcher(bundle: string): Promise<WatcherResult> {
  console.log(
    `\n## 4. Watcher against the ECS stand-in (real clock): healthy rollouts of ${sec(ROLLOUTS_MS[0])} to ${sec(ROLLOUTS_MS[4])} and circuit-breaker ` +
      `failures with rollback, ${DESIRED_COUNT} tasks; ours ${OURS_RUNS} runs each (default poll interval), reference ${REFERENCE_RUNS} each`,
  );
  const standin = await startEcsStandin();
  try {
    const ours: Watched[] = [];
    let calls: Map<string, number> | undefined;
    for (const kind of ['completion', 'failure'] as const) {
      for (let run = 1; run <= OURS_RUNS; run++) {
        standin.resetCalls();
        const watched = await oursOnce(standin, bundle, kind, `ours-${kind}-${run}`, run - 1);
        if (!calls && kind === 'completion' && watched.expected) calls = new Map(Object.entries(standin.calls));
        printRun('ours', run, watched);
        ours.push(watched);
      }
    }
    console.log(`  reference (waitUntilServicesStable, minDelay ${REFERENCE_MIN_DELAY_S} s): ${REFERENCE_RUNS * 2} runs at once, each on its own service`);
    standin.resetCalls();
    const reference = await Promise.all(
      (['completion', 'failure'] as const).flatMap((kind) =>
        // The same spread as ours: the first, middle and last rollout or lifetime.
        Array.from({ length: REFERENCE_RUNS }, (_, index) =>
          referenceOnce(standin, kind, `ref-${kind}-${index + 1}`, Math.round((index * (OURS_RUNS - 1)) / (REFERENCE_RUNS - 1))),
        ),
      ),
    );
    reference.forEach((watched, index) => printRun('reference', (index % REFERENCE_RUNS) + 1, watched));
    const rows = summarise(ours, reference);
    for (const row of rows) console.log(`  ${goalLine(row)}`);
    return calls ? { rows, calls } : { rows };
  } finally {
    await standin.close();
  }
}

/** A steady service with its breaker on (rollback too), whose next deployment behaves as `kind` and `spread` say. */
function seedService(standin: EcsStandin, kind: Kind, name: string, spread: number): void {
  const base = standin.seedTaskDefinition({ family: name, containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({ serviceName: name, taskDefinition: base, desiredCount: DESIRED_COUNT, circuitBreaker: { enable: true, rollback: true } });
  standin.setScenario(
    name,
    kind === 'completion'
      ? { name: 'healthy', rolloutMs: ROLLOUTS_MS[spread] ?? ROLLOUTS_MS[0] }
      : { name: 'circuit-breaker', taskLifetimeMs: TASK_LIFETIMES_MS[spread] ?? TASK_LIFETIMES_MS[0] },
  );
}

async function oursOnce(standin: EcsStandin, bundle: string, kind: Kind, name: string, spread: number): Promise<Watched> {
  seedService(standin, kind, name, spread);
  const since = Date.now();
  const run = await runNode([bundle, '--service', name, '--family', name, '--image', 'nginx:1.25', '--verify-image', 'false', '--json'], {
    env: localAwsEnv(standin.url),
  });
  const status = jsonOutputs(run)?.['deployment-status'];
  const reasonAt = kind === 'failure' ? run.printedAt('ECS is rolling back') : run.exitedAt;
  const expected =
    (kind === 'completion' ? run.code === 0 && status === 'COMPLETED' : run.code === 1 && status === 'ROLLED_BACK') && reasonAt !== undefined;
  const observed = observe(standin, kind, name, since, reasonAt ?? run.exitedAt, run.exitedAt);
  return {
    ...observed,
    expected,
    detail: expected ? `exit ${run.code}, ${status}` : `unexpected: exit ${run.code}, ${status ?? 'no outputs'}\n${tail(run)}`,
  };
}

async function referenceOnce(standin: EcsStandin, kind: Kind, name: string, spread: number): Promise<Watched> {
  seedService(standin, kind, name, spread);
  const next = standin.seedTaskDefinition({ family: name, containerDefinitions: [{ name: 'web', image: 'nginx:1.25', memory: 256 }] });
  const ecs = standinClient(standin.url, standin.region);
  const since = Date.now();
  try {
    const result = await referenceDeploy(ecs, 'default', name, next);
    const expected = result.outcome === (kind === 'completion' ? 'completed' : 'failed');
    return { ...observe(standin, kind, name, since, result.noticedAt, result.noticedAt), expected, detail: `${result.outcome}: ${result.reason}` };
  } finally {
    ecs.destroy();
  }
}

/** What the stand-in saw of one run: when the rollout ended, the update, and the DescribeServices calls. */
function observe(
  standin: EcsStandin,
  kind: Kind,
  name: string,
  since: number,
  noticedAt: number,
  exitedAt: number,
): Omit<Watched, 'expected' | 'detail'> {
  const ending = kind === 'completion' ? / deployment completed\.$/ : / deployment failed: /;
  const event = standin
    .events(name)
    .map((e) => ({ at: Number(e['createdAt']) * 1000, message: String(e['message']) }))
    .filter((e) => e.at >= since && ending.test(e.message))
    .sort((a, b) => a.at - b.at)[0];
  const forService = standin.requests.filter((call) => {
    const input = call.input ?? {};
    return input['service'] === name || (Array.isArray(input['services']) && input['services'].includes(name));
  });
  const updateAt = forService.find((call) => call.operation === 'UpdateService')?.at ?? Number.NaN;
  const describeAt = forService
    .filter((call) => call.operation === 'DescribeServices' && call.at >= updateAt && call.at <= noticedAt)
    .map((call) => call.at);
  return { kind, service: name, happenedAt: event?.at ?? Number.NaN, noticedAt, exitedAt, updateAt, describeAt };
}

function printRun(who: string, run: number, watched: Watched): void {
  const latency = watched.noticedAt - watched.happenedAt;
  console.log(
    `  ${who.padEnd(9)} ${watched.kind.padEnd(10)} #${run}: ended ${sec(watched.happenedAt - watched.updateAt)} after UpdateService, ` +
      `noticed ${sec(latency)} later; ${watched.describeAt.length} DescribeServices; ${watched.detail}`,
  );
}

/** Polling rate: calls after the first per time between the first and the last, over all runs. */
function pollingRate(runs: readonly Watched[]): number {
  let gaps = 0;
  let span = 0;
  for (const run of runs) {
    const first = run.describeAt[0];
    const last = run.describeAt.at(-1);
    if (first === undefined || last === undefined || run.describeAt.length < 2) continue;
    gaps += run.describeAt.length - 1;
    span += last - first;
  }
  return span > 0 ? (gaps / span) * 60_000 : Number.NaN;
}

/** Calls per minute of watching: all calls from UpdateService to the end, over that time. */
function callsPerWatchMinute(runs: readonly Watched[]): number {
  const calls = runs.reduce((sum, run) => sum + run.describeAt.length, 0);
  const time = runs.reduce((sum, run) => sum + (run.noticedAt - run.updateAt), 0);
  return time > 0 ? (calls / time) * 60_000 : Number.NaN;
}

function summarise(ours: readonly Watched[], reference: readonly Watched[]): Row[] {
  const latencies = (runs: readonly Watched[], kind: Kind): number[] =>
    runs.filter((run) => run.kind === kind && run.expected).map((run) => run.noticedAt - run.happenedAt);
  const rows: Row[] = [];
  for (const [kind, goal, label] of [
    ['completion', COMPLETION_GOAL_MS, 'completion noticed after it happened'],
    ['failure', FAILURE_GOAL_MS, 'circuit-breaker failure: reason printed after it happened'],
  ] as const) {
    const ourValues = latencies(ours, kind);
    const refValues = latencies(reference, kind);
    const ourMedian = median(ourValues);
    const refMedian = median(refValues);
    const unexpected = ours.filter((run) => run.kind === kind && !run.expected).length;
    const refUnexpected = reference.filter((run) => run.kind === kind && !run.expected).length;
    rows.push({
      measure: `${label} (median)`,
      ours: `${sec(ourMedian)}${unexpected ? ` (${unexpected} runs wrong outcome)` : ''}`,
      reference: `${sec(refMedian)}${refUnexpected ? ` (${refUnexpected} runs wrong outcome)` : ''}`,
      ratio: ratio(ourMedian, refMedian),
      goal: `<= ${sec(goal)}`,
      verdict: ourValues.length === 0 ? 'NOT MEASURED' : verdictOf(unexpected === 0 && ourMedian <= goal),
    });
  }
  // The run now ends once ECS's rollback ended: how long after the failure, with that rollback followed. The
  // reference stops at the failure and follows no rollback, so it has no such figure.
  const exits = ours.filter((run) => run.kind === 'failure' && run.expected).map((run) => run.exitedAt - run.happenedAt);
  const exitMedian = median(exits);
  const wrongExits = ours.filter((run) => run.kind === 'failure' && !run.expected).length;
  rows.push({
    measure: `circuit-breaker failure: exit after it happened, ECS's ${sec(ROLLBACK_MS)} rollback followed (median)`,
    ours: `${sec(exitMedian)}${wrongExits ? ` (${wrongExits} runs wrong outcome)` : ''}`,
    reference: 'does not follow the rollback',
    goal: `<= rollback + ${sec(FAILURE_GOAL_MS)}`,
    verdict: exits.length === 0 ? 'NOT MEASURED' : verdictOf(wrongExits === 0 && exitMedian <= ROLLBACK_MS + FAILURE_GOAL_MS),
  });
  const ourRate = pollingRate(ours);
  const refRate = pollingRate(reference);
  rows.push({
    measure: 'DescribeServices per minute of rollout (polling rate)',
    ours: perMinute(ourRate),
    reference: perMinute(refRate),
    ratio: ratio(ourRate, refRate),
    goal: `<= ${DESCRIBE_GOAL_PER_MINUTE}/min (1 per 2 s)`,
    // Judged as printed, to 0.1/min: polls 2 s apart land a few ms early or late at the server.
    verdict: Number.isFinite(ourRate) ? verdictOf(Math.round(ourRate * 10) <= DESCRIBE_GOAL_PER_MINUTE * 10) : 'NOT MEASURED',
  });
  const ourCalls = callsPerWatchMinute(ours);
  const refCalls = callsPerWatchMinute(reference);
  rows.push({
    measure: 'DescribeServices per minute, calls / watch time',
    ours: perMinute(ourCalls),
    reference: perMinute(refCalls),
    ratio: ratio(ourCalls, refCalls),
    verdict: 'INFO',
  });
  return rows;
}
