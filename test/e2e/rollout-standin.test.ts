// The built bundle watching rollouts on the ECS stand-in: how each one ends, what the log says about it, the
// outputs and the exit code, and how many calls the watch made.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin, EcsStandinOptions, Scenario, ServiceSeed } from '../standin/index.js';
import { parseGithubOutput } from '../support/github-output.js';
import { type BundleOptions, type BundleRun, runBundle } from '../support/run-bundle.js';
import { SHORT_TIMING, arnOf, deployWeb, ecsCall, outputsOf, seedWeb, standinEnv, standinForTest } from '../support/standin-e2e.js';

const POLL_MS = 1000;
/** Far longer than any run here: a run that hits it has hung, and the test fails on its exit code. */
const KILL_AFTER_MS = 20_000;
/** The circuit breaker on, with ECS's own rollback or without it. */
const BREAKER_ROLLBACK: Partial<ServiceSeed> = { circuitBreaker: { enable: true, rollback: true } };
const BREAKER_ONLY: Partial<ServiceSeed> = { circuitBreaker: { enable: true, rollback: false } };

interface Setup {
  options?: EcsStandinOptions;
  service?: Partial<ServiceSeed>;
  scenario?: Scenario;
}

/** A stand-in with web:1 (nginx:1.24) running steady as service web, and the scenario its next deployment plays. */
async function standinWith(context: TestContext, { options = {}, service = {}, scenario }: Setup = {}): Promise<EcsStandin> {
  const standin = await standinForTest(context, { ...options, timing: { ...SHORT_TIMING, ...options.timing } });
  seedWeb(standin, service);
  if (scenario) standin.setScenario('web', scenario);
  return standin;
}

/** Deploys nginx:1.25 to service web from the shell host, with --json; `args` come last and win. */
function deploy(standin: EcsStandin, args: string[] = [], options: Omit<BundleOptions, 'args' | 'env'> = {}): Promise<BundleRun> {
  return deployWeb(standin, args, { waitTimeout: '20s', timeoutMs: KILL_AFTER_MS, ...options });
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

function count(run: BundleRun, line: string): number {
  return lines(run.log).filter((candidate) => candidate === line).length;
}

interface WireDeployment {
  id: string;
  status: string;
  taskDefinition: string;
  rolloutState?: string;
}

function deploymentsOf(standin: EcsStandin): WireDeployment[] {
  return standin.service('web')['deployments'] as unknown as WireDeployment[];
}

function primaryId(standin: EcsStandin): string {
  const primary = deploymentsOf(standin).find((deployment) => deployment.status === 'PRIMARY');
  if (!primary) throw new Error('service web has no PRIMARY deployment');
  return primary.id;
}

/** What UpdateService was asked and answered, in order (an SDK retry of a throttled call is one update). */
function updates(standin: EcsStandin): Record<string, unknown>[] {
  return standin.requests.filter((call) => call.operation === 'UpdateService' && call.status === 200).map((call) => call.input ?? {});
}

/** Calls of one operation after this run's (first) UpdateService. */
function callsAfterUpdate(standin: EcsStandin, operation: string): { at: number }[] {
  const update = standin.requests.find((call) => call.operation === 'UpdateService');
  if (!update) throw new Error('no UpdateService call');
  return standin.requests.filter((call) => call.operation === operation && call.at >= update.at);
}

/**
 * Polls one `interval` apart fit at most `span / interval + 1` times in the time from the update to the last
 * poll; one more allows for the calls' own latency.
 */
function pollBound(standin: EcsStandin, operation: string): number {
  const update = standin.requests.find((call) => call.operation === 'UpdateService');
  const polls = callsAfterUpdate(standin, operation);
  const last = polls.at(-1);
  if (!update || !last) return 0;
  return Math.floor((last.at - update.at) / POLL_MS) + 2;
}

/** A service event as the watcher prints it: `HH:MM:SSZ message`. */
function eventLine(event: Record<string, unknown>): string {
  return `${new Date(Number(event['createdAt']) * 1000).toISOString().slice(11, 19)}Z ${String(event['message'])}`;
}

/** Each event ECS posted since the (first recorded) UpdateService, as the watcher prints it. */
function eventLinesSinceUpdate(standin: EcsStandin): string[] {
  const update = standin.requests.find((call) => call.operation === 'UpdateService');
  if (!update) throw new Error('no UpdateService call');
  return standin
    .events('web')
    .filter((event) => Number(event['createdAt']) * 1000 >= update.at)
    .map(eventLine);
}

const CONSOLE_LINK = 'Console: https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/default/services/web/deployments?region=us-east-1';

describe.concurrent('a healthy rollout', () => {
  test.for([
    ['on', true],
    ['off', false],
  ] as const)('with the service-deployment API %s: COMPLETED, each event once, one DescribeServices per poll', async ([, api], context) => {
    const standin = await standinWith(context, { options: { serviceDeploymentApi: api, timing: { rolloutMs: 3000 } } });
    const before = primaryId(standin);

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(0);
    const ours = primaryId(standin);
    expect(ours).not.toBe(before);
    expect(outputsOf(run)).toMatchObject({
      'deployment-status': 'COMPLETED',
      'deployment-id': ours,
      'task-definition-arn': arnOf(standin, 'web:2'),
      registered: 'true',
    });
    expect(run.log).toContain(`Following deployment ${ours} (web:2)`);
    expect(run.log).toMatch(new RegExp(`deployment ${ours} \\(web:2\\) completed in \\d+(\\.\\d)?s`));
    expect(run.log).toContain('Done in');

    const events = eventLinesSinceUpdate(standin);
    expect(events.some((line) => line.endsWith(`(service web) (deployment ${ours}) deployment completed.`))).toBe(true);
    expect(events.some((line) => line.endsWith('(service web) has reached a steady state.'))).toBe(true);
    for (const line of events) expect(count(run, line), `${line}\n${run.log}`).toBe(1);

    const polls = callsAfterUpdate(standin, 'DescribeServices');
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.length, run.log).toBeLessThanOrEqual(pollBound(standin, 'DescribeServices'));
    const serviceDeploymentCalls = callsAfterUpdate(standin, 'DescribeServiceDeployments').length;
    if (api) {
      expect(run.log).toContain('Service deployment SUCCESSFUL');
      expect(serviceDeploymentCalls).toBeGreaterThanOrEqual(1);
      expect(serviceDeploymentCalls).toBeLessThanOrEqual(pollBound(standin, 'DescribeServiceDeployments'));
    } else {
      // The update named no service deployment, so the watcher followed the deployments list alone.
      expect(serviceDeploymentCalls).toBe(0);
      expect(run.log).not.toContain('Service deployment');
    }
    expect(updates(standin)).toHaveLength(1);
  });

  test('a deploy right after another prints only the events posted since its own update', async (context) => {
    const standin = await standinWith(context);
    const first = await deploy(standin);
    expect(first.code, first.log).toBe(0);
    const firstId = outputsOf(first)['deployment-id'] ?? '';
    const earlier = standin.events('web').map((event) => eventLine(event));
    expect(earlier.some((line) => line.endsWith(`(deployment ${firstId}) deployment completed.`))).toBe(true);
    standin.resetCalls();

    const second = await deploy(standin, ['--image', 'nginx:1.26']);

    expect(second.code, second.log).toBe(0);
    expect(outputsOf(second)['deployment-status']).toBe('COMPLETED');
    for (const line of earlier) expect(count(second, line), `${line}\n${second.log}`).toBe(0);
    const own = eventLinesSinceUpdate(standin);
    expect(own.length).toBeGreaterThanOrEqual(3);
    for (const line of own) expect(count(second, line), `${line}\n${second.log}`).toBe(1);
  });

  test('every third call throttled: the SDK retries, and the rollout still COMPLETES with each event once', async (context) => {
    const standin = await standinWith(context);
    standin.setFaults({ throttleEvery: 3 });

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('COMPLETED');
    const throttled = standin.requests.filter((call) => call.errorType === 'ThrottlingException');
    expect(throttled.length).toBeGreaterThanOrEqual(3);
    // The watch's own reads were throttled too, whichever of them fell on every third call.
    const watchReads = [...callsAfterUpdate(standin, 'DescribeServices'), ...callsAfterUpdate(standin, 'DescribeServiceDeployments')];
    expect(watchReads.some((call) => 'errorType' in call)).toBe(true);
    for (const line of eventLinesSinceUpdate(standin)) expect(count(run, line), `${line}\n${run.log}`).toBe(1);
    expect(updates(standin)).toHaveLength(1);
  });

  test('a burst of 5xx longer than the SDK retries: one poll fails, the watcher says so and goes on to COMPLETED', async (context) => {
    const standin = await standinWith(context, { options: { timing: { rolloutMs: 2500 } } });
    // DescribeServices only: the preflight and the first poll get through, then 7 answers are HTTP 500, more than
    // the SDK's 5 attempts of one call.
    standin.setFaults({ serverErrorBurst: { after: 2, count: 7 }, operations: ['DescribeServices'] });

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('COMPLETED');
    expect(standin.requests.filter((call) => call.status === 500)).toHaveLength(7);
    expect(lines(run.log).filter((line) => line.startsWith('warning: ECS did not answer ('))).toHaveLength(1);
    expect(run.log).toContain('retrying until the timeout');
  });

  test('superseded midway by a deployment someone else started: SUPERSEDED, naming what took over, no rollback', async (context) => {
    const standin = await standinWith(context, { scenario: { name: 'superseded', supersedeAfterMs: 700 } });

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(1);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('SUPERSEDED');
    const theirs = primaryId(standin);
    expect(theirs).not.toBe(outputs['deployment-id']);
    expect(run.log).toContain(
      `warning: deployment ${outputs['deployment-id']} (web:2) was superseded by deployment ${theirs} (web:3), ` +
        'which another update started',
    );
    expect(run.log).toMatch(/^error: deployment SUPERSEDED: /m);
    expect(updates(standin)).toHaveLength(1);
    expect(deploymentsOf(standin)[0]?.taskDefinition).toBe(arnOf(standin, 'web:3'));
  });
});

describe.concurrent('a failing rollout', () => {
  test('circuit breaker with ECS rollback: ROLLED_BACK, the reason, events, stopped tasks; no UpdateService of ours', async (context) => {
    const standin = await standinWith(context, { service: BREAKER_ROLLBACK, scenario: { name: 'circuit-breaker', failure: 'oom' } });
    const before = primaryId(standin);

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(1);
    const outputs = outputsOf(run);
    const ours = outputs['deployment-id'] ?? '';
    expect(ours).toMatch(/^ecs-svc\/\d+$/);
    expect(ours).not.toBe(before);
    expect(outputs['deployment-status']).toBe('ROLLED_BACK');
    expect(run.log).toContain(
      `error: deployment ${ours} (web:2) failed: ECS deployment circuit breaker: tasks failed to start; ECS is rolling back to web:1`,
    );
    expect(run.log).toContain(
      `warning: deployment ${ours} (web:2) failed: ECS deployment circuit breaker: tasks failed to start; ECS rolled back to web:1`,
    );
    // Each event once as it came, and once more in the failure report.
    const failed = `(service web) (deployment ${ours}) deployment failed: tasks failed to start.`;
    for (const message of [failed, `(service web) rolling back to deployment ${before}.`]) {
      const line = eventOf(standin, message);
      expect(count(run, line), run.log).toBe(1);
      expect(count(run, `  ${line}`), run.log).toBe(1);
    }
    expect(run.log).toContain('Stopped tasks of this deployment, newest first:');
    expect(run.log).toMatch(/^ {2}task [0-9a-f]{32}: Essential container in task exited \(EssentialContainerExited\)$/m);
    expect(run.log).toContain('    container web: exit code 137: OutOfMemoryError: Container killed due to memory usage');
    expect(count(run, CONSOLE_LINK)).toBe(1);
    // ECS rolled back on its own: the only UpdateService is the deploy's.
    expect(updates(standin)).toHaveLength(1);
    expect(run.log).not.toContain('Rolling back web');
  });

  test('circuit breaker without ECS rollback: ecs-deliver rolls back to web:1 itself and watches that to its end', async (context) => {
    const standin = await standinWith(context, { service: BREAKER_ONLY, scenario: 'circuit-breaker' });

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(1);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('ROLLED_BACK');
    expect(run.log).toContain(
      `error: deployment ${outputs['deployment-id']} (web:2) failed: ECS deployment circuit breaker: tasks failed to start`,
    );
    expect(run.log).toContain('    container web: exit code 1');
    expect(run.log).toContain('warning: Rolling back web to web:1');
    expect(run.log).toMatch(/rolled back to web:1$/m);
    const calls = updates(standin);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ service: 'web', taskDefinition: arnOf(standin, 'web:1'), desiredCount: 2 });
    expect(deploymentsOf(standin)).toEqual([
      expect.objectContaining({ taskDefinition: arnOf(standin, 'web:1'), rolloutState: 'COMPLETED' }),
    ]);
  });

  test('tasks failing with the breaker off: FAILED once --max-failed-tasks is reached, with why they stopped', async (context) => {
    const scenario: Scenario = { name: 'failing-no-breaker', failure: 'image-pull' };
    const standin = await standinWith(context, { service: { desiredCount: 4 }, scenario });

    const run = await deploy(standin, ['--max-failed-tasks', '2', '--rollback', 'false']);

    expect(run.code, run.log).toBe(1);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('FAILED');
    expect(run.log).toMatch(
      new RegExp(
        `error: deployment ${outputs['deployment-id']} \\(web:2\\) failed: ` +
          '\\d+ tasks failed to start or stay healthy \\(max-failed-tasks 2\\)',
      ),
    );
    expect(run.log).toMatch(/^ {2}task [0-9a-f]{32}: CannotPullContainerError: .* \(TaskFailedToStart\)$/m);
    expect(run.log).toContain('    container web: no exit code: CannotPullContainerError:');
    expect(run.log).toContain(CONSOLE_LINK);
    expect(updates(standin)).toHaveLength(1);
  });

  test('never stabilising, --wait-timeout 5s: the state at the timeout is printed, then the rollback: ROLLED_BACK', async (context) => {
    const standin = await standinWith(context, { scenario: 'never-stabilises' });

    const run = await deploy(standin, ['--wait-timeout', '5s']);

    expect(run.code, run.log).toBe(1);
    const outputs = outputsOf(run);
    const ours = outputs['deployment-id'] ?? '';
    expect(outputs['deployment-status']).toBe('ROLLED_BACK');
    expect(run.log).toContain(`error: deployment ${ours} (web:2) did not finish within 5s`);
    expect(run.log).toContain('Deployments at the end:');
    expect(run.log).toContain(`  PRIMARY ${ours} web:2: 1/2 running, 1 pending, 0 failed, IN_PROGRESS`);
    expect(run.log).toContain(`deployment ${ours} (web:2) did not finish within 5s; rolled back to web:1`);
    // The service deployment was still in flight: StopServiceDeployment rolled it back, not a second UpdateService.
    expect(updates(standin)).toHaveLength(1);
    expect(standin.requests.filter((call) => call.operation === 'StopServiceDeployment').map((call) => call.input?.['stopType'])).toEqual(['ROLLBACK']);
  });

  test('never stabilising with --rollback false: TIMED_OUT, and the service left as it is', async (context) => {
    const standin = await standinWith(context, { scenario: 'never-stabilises' });

    const run = await deploy(standin, ['--wait-timeout', '5s', '--rollback', 'false']);

    expect(run.code, run.log).toBe(1);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('TIMED_OUT');
    expect(run.log).toContain(`\ndeployment TIMED_OUT: deployment ${outputs['deployment-id']} (web:2) did not finish within 5s`);
    expect(lines(run.log).filter((line) => line.startsWith('error: '))).toHaveLength(1);
    expect(run.log).toContain(`  PRIMARY ${outputs['deployment-id']} web:2: 1/2 running, 1 pending, 0 failed, IN_PROGRESS`);
    expect(run.log).not.toContain('Rolling back');
    expect(updates(standin)).toHaveLength(1);
  });
});

describe.concurrent('a cancelled wait', () => {
  /** Sends `signal` once the watcher printed its first poll. */
  const signalAfterFirstPoll = (signal: NodeJS.Signals): Pick<BundleOptions, 'onStart'> => ({
    onStart(child) {
      let seen = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        const already = seen.includes('PRIMARY ');
        seen += chunk.toString();
        if (!already && seen.includes('PRIMARY ')) child.kill(signal);
      });
    },
  });

  test('SIGTERM: exit 143 at once, with the state printed and nothing rolled back', async (context) => {
    const standin = await standinWith(context, { scenario: 'never-stabilises' });

    // A wait-timeout past the kill timeout: only the signal can end this run in time.
    const run = await deploy(standin, ['--wait-timeout', '60s'], signalAfterFirstPoll('SIGTERM'));

    expect(run.signal, run.log).toBeNull();
    expect(run.code, run.log).toBe(143);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('CANCELLED');
    expect(run.log).toContain('warning: SIGTERM received: stopping.');
    expect(run.log).toContain(`warning: cancelled while deployment ${outputs['deployment-id']} (web:2) was in progress`);
    expect(run.log).toContain('Deployments when cancelled:');
    expect(run.log).toMatch(new RegExp(`^ {2}PRIMARY ${outputs['deployment-id']} web:2: `, 'm'));
    expect(updates(standin)).toHaveLength(1);
  });

  test('SIGINT with --rollback-on-cancel: exit 130 after starting the rollback to web:1', async (context) => {
    const standin = await standinWith(context, { scenario: 'never-stabilises' });

    const run = await deploy(standin, ['--wait-timeout', '60s', '--rollback-on-cancel', 'true'], signalAfterFirstPoll('SIGINT'));

    expect(run.code, run.log).toBe(130);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('CANCELLED');
    expect(run.log).toContain('warning: SIGINT received: stopping.');
    expect(run.log).toContain(
      `cancelled while deployment ${outputs['deployment-id']} (web:2) was in progress; the rollback to web:1 started`,
    );
    const calls = updates(standin);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ service: 'web', taskDefinition: arnOf(standin, 'web:1'), desiredCount: 2 });
  });
});

describe.concurrent('around the watch', () => {
  test('keep-revisions 2 deregisters the older revisions no service uses', async (context) => {
    const standin = await standinForTest(context, { timing: SHORT_TIMING });
    for (let revision = 1; revision <= 5; revision++) {
      standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: `nginx:1.2${revision}`, memory: 256 }] });
    }
    standin.seedService({ serviceName: 'web', taskDefinition: 'web:5', desiredCount: 2 });
    standin.seedService({ serviceName: 'worker', taskDefinition: 'web:2', desiredCount: 1 });

    const run = await deploy(standin, ['--image', 'nginx:1.30', '--keep-revisions', '2']);

    expect(run.code, run.log).toBe(0);
    const outputs = outputsOf(run);
    expect(outputs).toMatchObject({ 'deployment-status': 'COMPLETED', 'task-definition-revision': '6', deregistered: 'web:4,web:3,web:1' });
    expect(run.log).toContain('Deregistered web:4, web:3, web:1.');
    const active = await ecsCall(standin, 'ListTaskDefinitions', { familyPrefix: 'web', status: 'ACTIVE', sort: 'ASC' });
    expect(active['taskDefinitionArns']).toEqual(['web:2', 'web:5', 'web:6'].map((revision) => arnOf(standin, revision)));
  });

  test('on GitHub Actions the watch and the rollback print inside ::group:: lines; outputs go to GITHUB_OUTPUT', async (context) => {
    const standin = await standinWith(context, { service: BREAKER_ONLY, scenario: 'circuit-breaker' });
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-rollout-gh-'));
    const outputFile = join(dir, 'output');
    writeFileSync(outputFile, '');

    const run = await runBundle({
      env: {
        ...standinEnv(standin),
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: outputFile,
        INPUT_SERVICE: 'web',
        INPUT_FAMILY: 'web',
        INPUT_IMAGE: 'nginx:1.25',
        'INPUT_VERIFY-IMAGE': 'false',
        'INPUT_POLL-INTERVAL': '1s',
        'INPUT_WAIT-TIMEOUT': '20s',
      },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(1);
    expect(parseGithubOutput(readFileSync(outputFile, 'utf8'))).toMatchObject({ 'deployment-status': 'ROLLED_BACK' });
    const stdout = lines(run.stdout);
    const groups = groupsOf(stdout);
    expect(groups.map((group) => group.title)).toEqual(
      expect.arrayContaining(['Watching rollout of web', 'Watching rollback of web to web:1']),
    );
    // What the watcher prints while it waits: start lines, deployment lines, service-deployment lines, events.
    const watcherLine = /^(Following deployment |(PRIMARY|ACTIVE) ecs-svc\/|Service deployment |\d\d:\d\d:\d\dZ \(service web\))/;
    const watcherLines = stdout.map((line, index) => ({ line, index })).filter(({ line }) => watcherLine.test(line));
    expect(watcherLines.length).toBeGreaterThanOrEqual(8);
    for (const { line, index } of watcherLines) {
      expect(groups.some((group) => group.start < index && index < group.end), `outside any group: ${line}\n${run.stdout}`).toBe(true);
    }
    // One rollout failure, one annotation: the watcher's; the run's last line repeats the status unannotated.
    expect(stdout.filter((line) => line.startsWith('::error::'))).toEqual([expect.stringMatching(/^::error::deployment ecs-svc\/\d+ \(web:2\) failed: /)]);
    expect(stdout).toContainEqual(expect.stringMatching(/^deployment ROLLED_BACK: /));
  });
});

function eventOf(standin: EcsStandin, message: string): string {
  const event = standin.events('web').find((candidate) => candidate['message'] === message);
  if (!event) throw new Error(`no event "${message}"`);
  return eventLine(event);
}

/** `::group::` ... `::endgroup::` ranges of a GitHub Actions log, by line index. */
function groupsOf(stdout: string[]): { title: string; start: number; end: number }[] {
  const groups: { title: string; start: number; end: number }[] = [];
  let open: { title: string; start: number } | undefined;
  stdout.forEach((line, index) => {
    if (line.startsWith('::group::')) {
      expect(open, `nested group at line ${index}`).toBeUndefined();
      open = { title: line.slice('::group::'.length), start: index };
    } else if (line === '::endgroup::' && open) {
      groups.push({ ...open, end: index });
      open = undefined;
    }
  });
  expect(open, 'a group left open').toBeUndefined();
  return groups;
}
