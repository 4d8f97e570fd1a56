// The batching wrapper under the real rolling watcher: N services watched side by side on a shared tick cost
// ceil(N/10) DescribeServices per cluster per poll, and each watcher still sees only its own service.
import type { DescribeServiceDeploymentsCommandOutput, DescribeServicesCommandOutput, Service } from '@aws-sdk/client-ecs';
import { describe, expect, test } from 'vitest';
import { batchingEcsApi } from '../../src/aws/batched-reads.js';
import type { EcsApi } from '../../src/aws/ecs.js';
import { sharedTickClock } from '../../src/fleet/shared-tick.js';
import { watchRolling } from '../../src/watch/watch-rollout.js';
import type { Clock } from '../../src/clock.js';
import { EPOCH, RecordingReporter, deployment, options, target, td } from './watch-fakes.js';

const POLL_MS = 2_000;
/**
 * Virtual time for many sleepers at once: each sleep ends at the time it was asked for, counted when it was asked,
 * and time moves to the next such end only once every watcher still running sleeps.
 */
class VirtualClock implements Clock {
  /** Watchers still running; set by the test. */
  running = 0;
  private t = EPOCH;
  private timers: { at: number; wake: () => void }[] = [];

  get elapsed(): number {
    return this.t - EPOCH;
  }

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => {
      this.timers.push({ at: this.t + ms, wake });
      this.advanceWhenAllSleep();
    });
  }

  /** A watcher ended: the others may all be asleep now. */
  ended(): void {
    this.running -= 1;
    this.advanceWhenAllSleep();
  }

  private advanceWhenAllSleep(): void {
    if (this.timers.length === 0 || this.timers.length < this.running) return;
    const next = Math.min(...this.timers.map((timer) => timer.at));
    this.t = Math.max(this.t, next);
    const due = this.timers.filter((timer) => timer.at <= this.t);
    this.timers = this.timers.filter((timer) => timer.at > this.t);
    for (const timer of due) timer.wake();
  }
}

interface DescribeCall {
  cluster: string;
  services: readonly string[];
  at: number;
}

/**
 * Services of several clusters, each rolling out from revision 1 to 2 and completing `completesAt[name]` ms after
 * EPOCH; answers DescribeServices for up to 10 names at once, as ECS does.
 */
function fleetEcs(clock: VirtualClock, completesAt: ReadonlyMap<string, number>) {
  const calls: DescribeCall[] = [];
  const deploymentCalls: string[][] = [];
  const serviceOf = (cluster: string, name: string): Service => {
    const done = clock.elapsed >= (completesAt.get(`${cluster}/${name}`) ?? Infinity);
    const ours = deployment({ id: `ecs-svc/2${name}`, taskDefinition: td(2, name), desiredCount: 1, runningCount: done ? 1 : 0, rolloutState: done ? 'COMPLETED' : 'IN_PROGRESS' });
    const old = deployment({ id: `ecs-svc/1${name}`, status: 'ACTIVE', taskDefinition: td(1, name), desiredCount: 1, runningCount: 1, rolloutState: 'COMPLETED', createdAt: new Date(EPOCH - 86_400_000) });
    return {
      serviceName: name,
      serviceArn: `arn:aws:ecs:eu-west-1:123456789012:service/${cluster}/${name}`,
      status: 'ACTIVE',
      desiredCount: 1,
      runningCount: 1,
      taskDefinition: td(done ? 2 : 1, name),
      deployments: done ? [ours] : [ours, old],
      events: [],
    };
  };
  const unused = async (): Promise<never> => {
    throw new Error('not called by a watch that completes');
  };
  const ecs: EcsApi = {
    describeServices: async (cluster, services): Promise<DescribeServicesCommandOutput> => {
      if (services.length > 10) throw new Error(`DescribeServices takes at most 10 services; got ${services.length}`);
      calls.push({ cluster, services: [...services], at: clock.elapsed });
      return { $metadata: {}, services: services.map((name) => serviceOf(cluster, name)), failures: [] };
    },
    describeServiceDeployments: async (arns): Promise<DescribeServiceDeploymentsCommandOutput> => {
      if (arns.length > 20) throw new Error(`DescribeServiceDeployments takes at most 20 ARNs; got ${arns.length}`);
      deploymentCalls.push([...arns]);
      return { $metadata: {}, serviceDeployments: arns.map((arn) => ({ serviceDeploymentArn: arn, status: 'IN_PROGRESS' })), failures: [] };
    },
    describeCluster: unused,
    stopServiceDeployment: unused,
    continueServiceDeployment: unused,
    describeServiceRevisions: unused,
    describeTaskDefinition: unused,
    registerTaskDefinition: unused,
    listTaskDefinitions: unused,
    deregisterTaskDefinition: unused,
    updateService: unused,
    listClusters: unused,
    listServices: unused,
    listTasks: unused,
    describeTasks: unused,
    listServiceDeployments: unused,
    runTask: unused,
    stopTask: unused,
  };
  return { ecs, calls, deploymentCalls };
}

/** Flushes a batch once every watcher woken at this moment has asked: after the pending callbacks have run. */
const afterPendingCallbacks = (flush: () => void): void => {
  setImmediate(() => setImmediate(flush));
};

async function watchSideBySide(names: readonly string[], completesAt: ReadonlyMap<string, number>) {
  const clock = new VirtualClock();
  const fake = fleetEcs(clock, completesAt);
  const ecs = batchingEcsApi(fake.ecs, { schedule: afterPendingCallbacks });
  const tick = sharedTickClock(clock, POLL_MS);
  const reporter = new RecordingReporter();
  clock.running = names.length;
  const outcomes = await Promise.all(
    names.map((key) => {
      const [cluster = '', service = ''] = key.split('/');
      return watchRolling(
        { ecs, clock: tick, reporter },
        target({ cluster, service, taskDefinitionArn: td(2, service), deploymentId: `ecs-svc/2${service}`, deploymentIdsBefore: [`ecs-svc/1${service}`] }),
        options({ pollIntervalMs: POLL_MS }),
      ).finally(() => clock.ended());
    }),
  );
  return { outcomes, calls: fake.calls };
}

function perTickAndCluster(calls: readonly DescribeCall[]): Map<string, DescribeCall[]> {
  const groups = new Map<string, DescribeCall[]>();
  for (const call of calls) {
    const key = `${call.at} ${call.cluster}`;
    groups.set(key, [...(groups.get(key) ?? []), call]);
  }
  return groups;
}

describe('batched DescribeServices under many watchers', () => {
  test.each([1, 9, 10, 11, 25, 30])('%i services of one cluster: ceil(N/10) calls per poll, each with at most 10 names', async (n) => {
    const names = Array.from({ length: n }, (_, i) => `prod/svc${i}`);
    const { outcomes, calls } = await watchSideBySide(names, new Map(names.map((name) => [name, 5_000])));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(names.map(() => 'COMPLETED'));
    const groups = perTickAndCluster(calls);
    // Polls at 0, 2 s, 4 s and 6 s (completed): four ticks, each asking for every service once.
    expect(groups.size).toBe(4);
    for (const group of groups.values()) {
      expect(group).toHaveLength(Math.ceil(n / 10));
      expect(group.flatMap((call) => call.services).sort()).toEqual(names.map((name) => name.split('/')[1]).sort());
    }
  });

  test('two clusters are batched apart, and a service that completed is no longer asked for', async () => {
    const prod = Array.from({ length: 12 }, (_, i) => `prod/web${i}`);
    const batch = Array.from({ length: 3 }, (_, i) => `batch/job${i}`);
    const completesAt = new Map([...prod.map((name): [string, number] => [name, 5_000]), ...batch.map((name): [string, number] => [name, 1_000])]);
    const { outcomes, calls } = await watchSideBySide([...prod, ...batch], completesAt);

    expect(outcomes.every((outcome) => outcome.status === 'COMPLETED')).toBe(true);
    const groups = perTickAndCluster(calls);
    expect(groups.get(`0 prod`)).toHaveLength(2);
    expect(groups.get(`0 batch`)).toHaveLength(1);
    // batch's services completed at the 2 s poll; from 4 s on only prod is asked about.
    expect(groups.get(`${POLL_MS} batch`)).toHaveLength(1);
    expect(groups.get(`${2 * POLL_MS} batch`)).toBeUndefined();
    expect(groups.get(`${2 * POLL_MS} prod`)).toHaveLength(2);
  });

  test('a sleep ends on the next tick counted from the run start, so watchers started apart poll together', async () => {
    const clock = new VirtualClock();
    const tick = sharedTickClock(clock, POLL_MS);
    await clock.sleep(700);
    await tick.sleep(POLL_MS);
    expect(clock.now() - EPOCH).toBe(2 * POLL_MS);
    await tick.sleep(POLL_MS - 300);
    expect(clock.now() - EPOCH).toBe(3 * POLL_MS);
    await tick.sleep(0);
    expect(clock.now() - EPOCH).toBe(3 * POLL_MS);
  });
});

describe('batched DescribeServiceDeployments', () => {
  test('45 ARNs asked for at once go out as three calls of at most 20, and each caller gets its own', async () => {
    const clock = new VirtualClock();
    const fake = fleetEcs(clock, new Map());
    const ecs = batchingEcsApi(fake.ecs, { schedule: afterPendingCallbacks });
    const arns = Array.from({ length: 45 }, (_, i) => `arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/svc${i}/sd`);

    const answers = await Promise.all(arns.map((arn) => ecs.describeServiceDeployments([arn])));

    expect(fake.deploymentCalls.map((call) => call.length)).toEqual([20, 20, 5]);
    answers.forEach((answer, i) => expect(answer.serviceDeployments?.map((d) => d.serviceDeploymentArn)).toEqual([arns[i]]));
  });

  test('a batch sent early because it was full leaves the next batch its own window', async () => {
    const fake = fleetEcs(new VirtualClock(), new Map());
    const windows: (() => void)[] = [];
    const ecs = batchingEcsApi(fake.ecs, { schedule: (flush) => void windows.push(flush) });
    const names = Array.from({ length: 13 }, (_, i) => `svc${i}`);
    const sizes = (): number[] => fake.calls.map((call) => call.services.length);

    const answers = Promise.all(names.map((name) => ecs.describeServices('prod', [name])));
    expect(sizes()).toEqual([10]);
    windows[0]?.();
    expect(sizes()).toEqual([10]);
    windows[1]?.();
    expect(sizes()).toEqual([10, 3]);
    expect((await answers).map((answer) => answer.services?.[0]?.serviceName)).toEqual(names);
  });

  test('a failed call fails the callers of that batch only', async () => {
    const clock = new VirtualClock();
    const fake = fleetEcs(clock, new Map());
    let call = 0;
    const failing: EcsApi = {
      ...fake.ecs,
      describeServices: async (cluster, services) => {
        call += 1;
        if (call === 2) throw new Error('ThrottlingException');
        return fake.ecs.describeServices(cluster, services);
      },
    };
    const ecs = batchingEcsApi(failing, { schedule: afterPendingCallbacks });
    const names = Array.from({ length: 15 }, (_, i) => `svc${i}`);

    const answers = await Promise.allSettled(names.map((name) => ecs.describeServices('prod', [name])));

    expect(answers.slice(0, 10).every((answer) => answer.status === 'fulfilled')).toBe(true);
    expect(answers.slice(10).every((answer) => answer.status === 'rejected')).toBe(true);
    const first = answers[0];
    expect(first?.status === 'fulfilled' ? first.value.services?.map((s) => s.serviceName) : []).toEqual(['svc0']);
  });
});
