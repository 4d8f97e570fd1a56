// 5. Many services: N services with rollouts of 4 to 8 s that end at different times, on the ECS stand-in,
// delivered by one run with services-file (several times, for a median) against N separate runs of one service
// each (child processes, all at once; one after another for the smaller N). How long after the slowest rollout
// ended, as the stand-in recorded it, the run exited; ECS calls counted by the stand-in, DescribeServices per
// poll, peak memory. Prints numbers and goals only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EcsStandin, startEcsStandin } from '../test/standin/index.js';
import { commandExists, localAwsEnv } from './bench/env.js';
import { jsonOutputs, runNode, tail, type NodeRun } from './bench/run-node.js';
import { goalLine, median, sec, verdictOf, type Row } from './bench/stats.js';

export const MANY_COUNTS = [10, 30] as const;
/** Rollouts spread from 4 s to 8 s, each service's own, so they end at different times. */
const ROLLOUT_MS = (index: number): number => 4_000 + ((index * 7) % 30) * 140;
const CLUSTER = 'default';
const TIME = '/usr/bin/time';
/**
 * One run of N services is measured this many times; its figures are the median and the worst. Each time every
 * rollout is longer by another fraction of the default poll interval, so the slowest one ends at another point
 * between two polls.
 */
const REPEATS = 5;
const POLL_INTERVAL_MS = 2_000;
const phaseOf = (repeat: number): number => ((repeat - 1) * POLL_INTERVAL_MS) / REPEATS;
const END_MEDIAN_GOAL_MS = 1_500;
const END_MAX_GOAL_MS = 2_500;
const POLL_GOAL = 3;
/** Separate runs one after another take N rollouts' time: measured for the smaller N only. */
const SEQUENTIAL_UP_TO = 10;
const RSS_GOAL_MB = 150;
const RSS_GOAL_AT = 30;
/** Calls closer together than this belong to the same poll. */
const SAME_POLL_MS = 500;

interface Measured {
  wallMs: number;
  calls: Record<string, number>;
  /** Peak resident set of the one process, or the largest of the separate ones. */
  peakMb?: number;
  /** The separate runs' peaks added up: what they hold at once when run side by side. */
  sumMb?: number;
}

export async function measureMany(bundle: string): Promise<{ rows: Row[] }> {
  const longest = Math.max(...Array.from({ length: 30 }, (_, i) => ROLLOUT_MS(i)));
  console.log(`\n## 5. Many services on the ECS stand-in: N = ${MANY_COUNTS.join(' and ')}, rollouts of ${sec(ROLLOUT_MS(0))} to ${sec(longest)}, one run ${REPEATS} times`);
  const rows: Row[] = [];
  const wrapper = commandExists(TIME) ? [TIME, '-v'] : undefined;
  if (!wrapper) console.log(`  ${TIME} missing (apt-get install -y time): peak memory not measured`);
  const standin = await startEcsStandin({ timing: { rolloutMs: ROLLOUT_MS(0) } });
  const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-bench-many-'));
  try {
    for (const n of MANY_COUNTS) rows.push(...(await measureCount(standin, bundle, dir, n, wrapper)));
  } finally {
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows };
}

async function measureCount(standin: EcsStandin, bundle: string, dir: string, n: number, wrapper: readonly string[] | undefined): Promise<Row[]> {
  const names = Array.from({ length: n }, (_, i) => `svc${n}-${i}`);
  console.log(`\n  N = ${n}`);

  const ones: OneRun[] = [];
  for (let repeat = 1; repeat <= REPEATS; repeat++) ones.push(await oneRun(standin, bundle, dir, names, `one${repeat}`, phaseOf(repeat), wrapper));
  const ends = ones.map((one) => one.endAfterRollout);
  const polls = ones.flatMap((one) => one.polls);
  const oneMeasured = ones[ones.length - 1]?.measured ?? { wallMs: Number.NaN, calls: {} };

  seed(standin, names, 'par');
  standin.resetCalls();
  const parallel = await Promise.all(names.map((name) => bundleRun(bundle, standin, single(`${name}-par`), wrapper)));
  parallel.forEach((run, i) => checkRun(run, `separate run ${i + 1} of ${n} (all at once)`));
  const parallelMeasured: Measured = {
    wallMs: Math.max(...parallel.map((run) => run.exitedAt)) - Math.min(...parallel.map((run) => run.startedAt)),
    calls: { ...standin.calls },
    ...peak(parallel),
  };
  report(`${n} separate runs at once`, parallelMeasured);
  const reference = [`${sec(parallelMeasured.wallMs)} for ${n} separate runs at once`];

  let sequentialMeasured: Measured | undefined;
  if (n <= SEQUENTIAL_UP_TO) {
    seed(standin, names, 'seq');
    standin.resetCalls();
    const sequential: NodeRun[] = [];
    for (const name of names) {
      const run = await bundleRun(bundle, standin, single(`${name}-seq`), wrapper);
      checkRun(run, `separate run ${sequential.length + 1} of ${n} (one after another)`);
      sequential.push(run);
    }
    sequentialMeasured = {
      wallMs: (sequential.at(-1)?.exitedAt ?? 0) - (sequential[0]?.startedAt ?? 0),
      calls: { ...standin.calls },
      ...peak(sequential),
    };
    report(`${n} separate runs one after another`, sequentialMeasured);
    reference.push(`${sec(sequentialMeasured.wallMs)} one after another`);
  }

  const perPoll = Math.ceil(n / 10);
  const rows: Row[] = [
    {
      measure: `N=${n}: one run exits after the slowest rollout ended (median of ${REPEATS})`,
      ours: `median ${sec(median(ends))}, max ${sec(Math.max(...ends))} (${ends.map(sec).join(', ')}); whole run ${sec(median(ones.map((one) => one.measured.wallMs)))}`,
      reference: reference.join(', '),
      goal: `median <= ${sec(END_MEDIAN_GOAL_MS)}, max <= ${sec(END_MAX_GOAL_MS)}`,
      verdict: verdictOf(median(ends) <= END_MEDIAN_GOAL_MS && Math.max(...ends) <= END_MAX_GOAL_MS),
    },
    {
      measure: `N=${n}: DescribeServices per poll, one cluster`,
      ours: `max ${Math.max(...polls)}, median ${median(polls)}`,
      reference: `${n} per poll (separate runs)`,
      goal: `<= ${Math.min(POLL_GOAL, perPoll)} (ceil(N/10))`,
      verdict: verdictOf(polls.length > 0 && Math.max(...polls) <= Math.min(POLL_GOAL, perPoll)),
    },
    {
      measure: `N=${n}: ECS calls in all`,
      ours: String(total(oneMeasured.calls)),
      reference: `${total(parallelMeasured.calls)} at once${sequentialMeasured ? `, ${total(sequentialMeasured.calls)} one after another` : ''}`,
      verdict: 'INFO',
    },
  ];
  if (oneMeasured.peakMb !== undefined) {
    rows.push({
      measure: `N=${n}: peak memory`,
      ours: `${oneMeasured.peakMb.toFixed(1)} MB`,
      reference: `${(parallelMeasured.sumMb ?? 0).toFixed(0)} MB for ${n} at once (${(parallelMeasured.peakMb ?? 0).toFixed(1)} MB the largest)`,
      ...(n === RSS_GOAL_AT ? { goal: `< ${RSS_GOAL_MB} MB` } : {}),
      verdict: n === RSS_GOAL_AT ? verdictOf(oneMeasured.peakMb < RSS_GOAL_MB) : 'INFO',
    });
  }
  for (const row of rows) console.log(`  ${goalLine(row)}`);
  return rows;
}

interface OneRun {
  measured: Measured;
  endAfterRollout: number;
  polls: number[];
}

/** One run of the services-file on fresh services (suffix `suffix`), their rollouts `longerMs` longer, measured. */
async function oneRun(
  standin: EcsStandin,
  bundle: string,
  dir: string,
  names: readonly string[],
  suffix: string,
  longerMs: number,
  wrapper: readonly string[] | undefined,
): Promise<OneRun> {
  seed(standin, names, suffix, longerMs);
  const file = join(dir, `services-${names.length}-${suffix}.json`);
  writeFileSync(file, JSON.stringify({ defaults: { cluster: CLUSTER, 'verify-image': false }, services: names.map((name) => ({ service: `${name}-${suffix}`, family: `${name}-${suffix}`, image: 'nginx:1.25' })) }));
  standin.resetCalls();
  const run = await bundleRun(bundle, standin, ['--services-file', file, '--wait-timeout', '60s', '--json'], wrapper);
  checkRun(run, `one run of ${names.length} (${suffix})`);
  const measured: Measured = { wallMs: run.exitedAt - run.startedAt, calls: { ...standin.calls }, ...peak([run]) };
  const polls = describePolls(standin);
  const endAfterRollout = run.exitedAt - slowestEnd(standin, names.map((name) => `${name}-${suffix}`), run.startedAt);
  report(`one run, services-file (${suffix}): exit ${sec(endAfterRollout)} after the slowest rollout ended`, measured);
  console.log(`    DescribeServices per poll: ${polls.join(', ')} (after the updates)`);
  return { measured, endAfterRollout, polls };
}

/** Each service on revision 1 of its own family, steady, with a healthy rollout of its own length next. */
function seed(standin: EcsStandin, names: readonly string[], suffix: string, longerMs = 0): void {
  standin.seedCluster(CLUSTER);
  names.forEach((base, i) => {
    const name = `${base}-${suffix}`;
    const taskDefinition = standin.seedTaskDefinition({ family: name, containerDefinitions: [{ name, image: 'nginx:1.24', memory: 256 }] });
    standin.seedService({ cluster: CLUSTER, serviceName: name, taskDefinition, desiredCount: 2 });
    standin.setScenario(name, { name: 'healthy', rolloutMs: ROLLOUT_MS(i) + longerMs }, { cluster: CLUSTER });
  });
}

function single(name: string): string[] {
  return ['--cluster', CLUSTER, '--service', name, '--family', name, '--image', 'nginx:1.25', '--verify-image', 'false', '--wait-timeout', '60s', '--json'];
}

function bundleRun(bundle: string, standin: EcsStandin, args: readonly string[], wrapper: readonly string[] | undefined): Promise<NodeRun> {
  return runNode([bundle, ...args], {
    env: { ...localAwsEnv(standin.url), AWS_ENDPOINT_URL_ECS: standin.url },
    ...(wrapper ? { wrapper } : {}),
    timeoutMs: 180_000,
  });
}

function checkRun(run: NodeRun, what: string): void {
  if (run.code !== 0 || jsonOutputs(run)?.['deployment-status'] !== 'COMPLETED') {
    throw new Error(`${what} did not complete (exit ${run.code}):\n${tail(run)}`);
  }
}

/** When the last of the services' rollouts ended: the stand-in's "deployment completed" event of each. */
function slowestEnd(standin: EcsStandin, services: readonly string[], since: number): number {
  const ends = services.map((service) => {
    const completed = standin
      .events(service, CLUSTER)
      .map((event) => ({ at: Number(event['createdAt']) * 1000, message: String(event['message']) }))
      .filter((event) => event.at >= since && / deployment completed\.$/.test(event.message));
    if (completed.length === 0) throw new Error(`the stand-in posted no completion for ${service}`);
    return Math.min(...completed.map((event) => event.at));
  });
  return Math.max(...ends);
}

/** DescribeServices calls per poll after the last UpdateService: calls within SAME_POLL_MS of each other are one poll. */
function describePolls(standin: EcsStandin): number[] {
  const lastUpdate = Math.max(...standin.requests.filter((call) => call.operation === 'UpdateService').map((call) => call.at));
  const times = standin.requests.filter((call) => call.operation === 'DescribeServices' && call.at > lastUpdate).map((call) => call.at);
  const polls: number[] = [];
  let start = -Infinity;
  for (const at of times) {
    if (at - start > SAME_POLL_MS) {
      polls.push(0);
      start = at;
    }
    polls[polls.length - 1] = (polls.at(-1) ?? 0) + 1;
  }
  return polls;
}

function peak(runs: readonly NodeRun[]): Pick<Measured, 'peakMb' | 'sumMb'> {
  const mb = runs.map((run) => /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1]).filter((kb): kb is string => kb !== undefined).map((kb) => Number(kb) / 1024);
  if (mb.length === 0) return {};
  return { peakMb: Math.max(...mb), sumMb: mb.reduce((sum, value) => sum + value, 0) };
}

function total(calls: Record<string, number>): number {
  return Object.entries(calls)
    .filter(([operation]) => operation !== '(none)')
    .reduce((sum, [, count]) => sum + count, 0);
}

function report(what: string, measured: Measured): void {
  const calls = Object.entries(measured.calls)
    .filter(([operation, count]) => operation !== '(none)' && count > 0)
    .map(([operation, count]) => `${operation} ${count}`)
    .join(', ');
  const memory = measured.peakMb === undefined ? '' : `, peak RSS ${measured.peakMb.toFixed(1)} MB`;
  console.log(`    ${what}: ${sec(measured.wallMs)}${memory}; calls: ${calls}`);
}
