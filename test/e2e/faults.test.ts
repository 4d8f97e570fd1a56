// The built bundle against the ECS stand-in through the fault proxy: hangs, answers lost after ECS applied the call,
// garbled answers, 5xx, throttling and a lost endpoint, in each phase of a deploy (issue 8). What must hold: the run
// never hangs, nothing happens twice, no outcome is reported that did not happen, a cancel is a cancel.
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin } from '../standin/index.js';
import { type Rig, type SignalledRun, faultRig, signalOnProxyCall } from '../support/fault-rig.js';
import type { ProxyCall } from '../support/fault-proxy.js';
import type { BundleOptions, BundleRun } from '../support/run-bundle.js';
import { SHORT_TIMING, applied, arnOf, deployWeb, ecsCall, outputsOf, seedWeb } from '../support/standin-e2e.js';

/** Generous: the bundle's own per-attempt timeouts, not the wait-timeout, must end a hanging call. */
const WAIT_TIMEOUT = '60s';
/** Past the wait-timeout: a run that reaches it hung, and the test fails on its exit code. */
const KILL_HUNG_RUN_MS = 100_000;
/** Far longer than any run here that no call hangs in: a run that reaches it hung. */
const KILL_AFTER_MS = 25_000;
/** A bound to tell a run that stops on a signal from one that hangs; not a performance check. */
const SIGNAL_BOUND_MS = 5_000;
/** The same with a change in flight, whose answer a cancel waits for 5 s before reading it back once. */
const CHANGE_SIGNAL_BOUND_MS = 12_000;
const CONSOLE_LINK = 'Console: https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/default/services/web/deployments?region=us-east-1';

/** web:1 (nginx:1.24) running steady as service web on a stand-in with short rollouts, and the proxy in front of it. */
async function rig(context: TestContext): Promise<Rig> {
  const setup = await faultRig(context, { timing: SHORT_TIMING });
  seedWeb(setup.standin);
  return setup;
}

/** Deploys nginx:1.25 to service web through the proxy, with --json; `args` come last and win. */
function deploy({ proxy, standin }: Rig, args: string[] = [], options: Omit<BundleOptions, 'args' | 'env'> = {}): Promise<BundleRun> {
  return deployWeb(standin, args, { url: proxy.url, waitTimeout: WAIT_TIMEOUT, timeoutMs: KILL_AFTER_MS, ...options });
}

async function activeRevisions(standin: EcsStandin): Promise<string[]> {
  const answer = await ecsCall(standin, 'ListTaskDefinitions', { familyPrefix: 'web', status: 'ACTIVE', sort: 'ASC' });
  return (answer['taskDefinitionArns'] as string[]).map((arn) => arn.slice(arn.lastIndexOf('/') + 1));
}

async function allRevisions(standin: EcsStandin): Promise<string[]> {
  const active = await activeRevisions(standin);
  const answer = await ecsCall(standin, 'ListTaskDefinitions', { familyPrefix: 'web', status: 'INACTIVE', sort: 'ASC' });
  const inactive = (answer['taskDefinitionArns'] as string[]).map((arn) => arn.slice(arn.lastIndexOf('/') + 1));
  return [...active, ...inactive];
}

/** Runs the deploy and sends `signal` as soon as the proxy holds a call that `ready` picks. */
function deployAndSignal(rig: Rig, args: string[], ready: (call: ProxyCall) => boolean, signal: NodeJS.Signals = 'SIGTERM'): Promise<SignalledRun> {
  return signalOnProxyCall(rig.proxy, ready, (onStart) => deploy(rig, args, { timeoutMs: KILL_AFTER_MS, onStart }), signal);
}

function doneLines(run: BundleRun): string[] {
  return run.log.split(/\r?\n/).filter((line) => line.startsWith('Done'));
}

describe.concurrent('no call can hang a run (issue 8, section 2)', () => {
  test('a: one DescribeServices during the watch and one RegisterTaskDefinition hang once: COMPLETED', { timeout: 130_000 }, async (context) => {
    const setup = await rig(context);
    setup.proxy.inject({ operation: 'RegisterTaskDefinition', fault: 'hang' });
    setup.proxy.inject({ operation: 'DescribeServices', fault: 'hang', after: 'UpdateService' });

    const run = await deploy(setup, [], { timeoutMs: KILL_HUNG_RUN_MS });

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)).toMatchObject({ 'deployment-status': 'COMPLETED', 'task-definition-arn': arnOf(setup.standin, 'web:2') });
    expect(setup.proxy.calls.filter((call) => call.action === 'hang').map((call) => call.operation)).toEqual([
      'RegisterTaskDefinition',
      'DescribeServices',
    ]);
    expect(await activeRevisions(setup.standin)).toEqual(['web:1', 'web:2']);
    expect(applied(setup.standin, 'UpdateService')).toHaveLength(1);
  });
});

describe.concurrent('nothing happens twice (issue 8, section 3)', () => {
  test('b: RegisterTaskDefinition reset after ECS applied it: one new revision, named in the outputs, no duplicate', async (context) => {
    const setup = await rig(context);
    setup.proxy.inject({ operation: 'RegisterTaskDefinition', fault: 'reset-after' });

    const run = await deploy(setup);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)).toMatchObject({
      'deployment-status': 'COMPLETED',
      'task-definition-arn': arnOf(setup.standin, 'web:2'),
      'task-definition-revision': '2',
      registered: 'true',
    });
    expect(await allRevisions(setup.standin)).toEqual(['web:1', 'web:2']);
    expect(applied(setup.standin, 'UpdateService')).toEqual([expect.objectContaining({ taskDefinition: arnOf(setup.standin, 'web:2') })]);
  });

  test('b: RegisterTaskDefinition reset after it went through, three times: one revision left beyond the base, or a failure naming each', async (context) => {
    const setup = await rig(context);
    setup.proxy.inject({ operation: 'RegisterTaskDefinition', fault: 'reset-after', when: { next: 3 } });

    const run = await deploy(setup);

    const registered = applied(setup.standin, 'RegisterTaskDefinition').length;
    const all = await allRevisions(setup.standin);
    const extra = all.filter((revision) => revision !== 'web:1');
    expect(extra).toHaveLength(registered);
    if (run.code === 0) {
      expect(outputsOf(run)['deployment-status'], run.log).toBe('COMPLETED');
      const deployed = outputsOf(run)['task-definition-arn'] ?? '';
      expect(await activeRevisions(setup.standin)).toEqual(['web:1', deployed.slice(deployed.lastIndexOf('/') + 1)]);
      // Each duplicate that did get registered was deregistered again, and the log says so.
      for (const duplicate of extra.filter((revision) => !deployed.endsWith(`/${revision}`))) {
        expect(run.log, `${duplicate} deregistered without a word`).toMatch(new RegExp(`[Dd]eregister[^\\n]*${duplicate}\\b`));
      }
    } else {
      expect(run.code, run.log).toBe(1);
      for (const revision of extra) expect(run.log, `${revision} not named`).toMatch(new RegExp(`${revision}\\b`));
      expect(run.log).not.toMatch(/^error: [^\n]*socket hang up\s*$/m);
    }
  });

  test('c: UpdateService with force-new-deployment reset after ECS applied it: one new deployment, COMPLETED', async (context) => {
    const setup = await rig(context);
    const before = setup.standin.serviceDeployments('web').length;
    setup.proxy.inject({ operation: 'UpdateService', fault: 'reset-after' });

    const run = await deploy(setup, ['--force-new-deployment', 'true']);

    expect(run.code, run.log).toBe(0);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status'], run.log).toBe('COMPLETED');
    expect(setup.standin.serviceDeployments('web')).toHaveLength(before + 1);
    expect(applied(setup.standin, 'UpdateService')).toHaveLength(1);
    const deployments = setup.standin.service('web')['deployments'] as unknown as { id: string; status: string }[];
    expect(deployments).toEqual([expect.objectContaining({ id: outputs['deployment-id'], status: 'PRIMARY' })]);
  });
});

describe.concurrent('never report an outcome that did not happen (issue 8, section 4)', () => {
  test('d: one truncated DescribeServices answer during the watch: COMPLETED, exit 0, no rollback', async (context) => {
    const setup = await rig(context);
    setup.proxy.inject({ operation: 'DescribeServices', fault: 'truncate', after: 'UpdateService' });

    const run = await deploy(setup);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)['deployment-status'], run.log).toBe('COMPLETED');
    expect(setup.proxy.calls.some((call) => call.action === 'truncate')).toBe(true);
    expect(applied(setup.standin, 'UpdateService')).toHaveLength(1);
    expect(run.log).not.toContain('Rolling back');
    expect(run.log).not.toContain('SyntaxError');
  });

  test('e: a burst of 5xx and resets on DescribeServices during the watch: COMPLETED', async (context) => {
    const setup = await rig(context);
    const during = { operation: 'DescribeServices', after: 'UpdateService' } as const;
    // More 5xx in a row than the SDK's attempts of one call, then a reset after the answer, then one before.
    setup.proxy.inject({ ...during, fault: 'status', status: 503, when: { next: 3 } });
    setup.proxy.inject({ ...during, fault: 'status', status: 500, when: { next: 6 } });
    setup.proxy.inject({ ...during, fault: 'reset-after', when: { nth: 7 } });
    setup.proxy.inject({ ...during, fault: 'reset-before', when: { nth: 8 } });
    setup.proxy.inject({ ...during, fault: 'reset-after', when: { nth: 9 } });

    const run = await deploy(setup);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)['deployment-status'], run.log).toBe('COMPLETED');
    const faulted = setup.proxy.calls.filter((call) => call.operation === 'DescribeServices' && call.action !== 'passed');
    expect(faulted.map((call) => call.action)).toEqual([...Array<string>(6).fill('status'), 'reset-after', 'reset-before', 'reset-after']);
    expect(applied(setup.standin, 'UpdateService')).toHaveLength(1);
    expect(run.log).not.toContain('Rolling back');
  });

  test('f: the endpoint gone mid-watch until wait-timeout: UNKNOWN, exit 1, the last state seen and when, no rollback', async (context) => {
    const setup = await rig(context);

    const run = await deploy(setup, ['--wait-timeout', '6s'], {
      timeoutMs: KILL_AFTER_MS,
      onStart(child) {
        let seen = '';
        child.stderr?.on('data', (chunk: Buffer) => {
          const already = seen.includes('PRIMARY ');
          seen += chunk.toString();
          // Gone once the watcher printed its first poll; the rollout goes on and completes unseen.
          if (!already && seen.includes('PRIMARY ')) void setup.proxy.down();
        });
      },
    });

    expect(run.code, run.log).toBe(1);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status'], run.log).toBe('UNKNOWN');
    expect(outputs['task-definition-arn']).toBe(arnOf(setup.standin, 'web:2'));
    expect(run.log).toMatch(/last[^\n]*seen[^\n]*\d\d:\d\d:\d\d/i);
    expect(run.log).toContain(CONSOLE_LINK);
    expect(run.log).not.toContain('No stopped tasks');
    expect(run.log).not.toContain('Rolling back');
    expect(run.log).not.toMatch(/did not finish within/);
    expect(applied(setup.standin, 'UpdateService')).toHaveLength(1);
    // The deployment did complete, unseen: the run must not have said otherwise.
    const deployments = setup.standin.service('web')['deployments'] as unknown as { rolloutState: string }[];
    expect(deployments).toEqual([expect.objectContaining({ rolloutState: 'COMPLETED' })]);
  });

  test('g: one truncated answer of each preflight read is retried: COMPLETED', async (context) => {
    const setup = await rig(context);
    for (const operation of ['DescribeClusters', 'DescribeServices', 'DescribeTaskDefinition']) {
      setup.proxy.inject({ operation, fault: 'truncate' });
    }

    const run = await deploy(setup);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)['deployment-status'], run.log).toBe('COMPLETED');
    expect(setup.proxy.calls.filter((call) => call.action === 'truncate')).toHaveLength(3);
  });

  test.for([
    ['a throttling storm on DescribeClusters', { operation: 'DescribeClusters', fault: 'status', status: 400, errorType: 'ThrottlingException' }],
    ['truncated DescribeServices answers', { operation: 'DescribeServices', fault: 'truncate' }],
    ['truncated DescribeTaskDefinition answers', { operation: 'DescribeTaskDefinition', fault: 'truncate' }],
  ] as const)('g: %s in the preflight until the retries run out: exit 1, AWS is not answering, nothing changed', { timeout: 90_000 }, async ([, rule], context) => {
    const setup = await rig(context);
    setup.proxy.inject({ ...rule, when: 'always' });

    // Retries with backoff take a while; past this bound the run hung.
    const run = await deploy(setup, [], { timeoutMs: 60_000 });

    expect(run.code, run.log).toBe(1);
    expect(run.log).toMatch(/(AWS|ECS) (is not|did not|does not) answer/i);
    expect(setup.proxy.calls.filter((call) => call.operation === rule.operation).length).toBeGreaterThan(1);
    for (const mutating of ['RegisterTaskDefinition', 'UpdateService']) expect(setup.proxy.forwarded(mutating)).toBe(0);
  });
});

describe.concurrent('a cancel is a cancel (issue 8, sections 2 and 6)', () => {
  test('h: SIGTERM while RegisterTaskDefinition hangs: its answer is waited for 5 s, read back once, exit 143, CANCELLED in the outputs', async (context) => {
    const setup = await rig(context);
    setup.proxy.inject({ operation: 'RegisterTaskDefinition', fault: 'hang', when: 'always' });

    const run = await deployAndSignal(setup, [], (call) => call.operation === 'RegisterTaskDefinition');

    expect(run.signalled, run.log).toBe(true);
    expect(run.code, run.log).toBe(143);
    expect(run.msAfterSignal, run.log).toBeLessThan(CHANGE_SIGNAL_BOUND_MS);
    expect(outputsOf(run)['deployment-status'], run.log).toBe('CANCELLED');
    expect(setup.proxy.forwarded('UpdateService')).toBe(0);
  });

  test('h: SIGTERM while DescribeServices hangs during the watch: exit 143 at once, the revision in the outputs', async (context) => {
    const setup = await rig(context);
    setup.proxy.inject({ operation: 'DescribeServices', fault: 'hang', when: 'always', after: 'UpdateService' });

    const run = await deployAndSignal(setup, [], (call) => call.operation === 'DescribeServices' && call.action === 'hang');

    expect(run.signalled, run.log).toBe(true);
    expect(run.code, run.log).toBe(143);
    expect(run.msAfterSignal, run.log).toBeLessThan(SIGNAL_BOUND_MS);
    expect(outputsOf(run)).toMatchObject({
      'deployment-status': 'CANCELLED',
      'task-definition-arn': arnOf(setup.standin, 'web:2'),
    });
    expect(applied(setup.standin, 'UpdateService')).toHaveLength(1);
  });

  test('i: SIGTERM during UpdateService with --wait false: exit 143, no Done line', async (context) => {
    const setup = await rig(context);
    // The update reaches ECS and is answered, but slowly: the signal lands while it is in flight.
    setup.standin.setFaults({ latencyMs: 1500, operations: ['UpdateService'] });

    const run = await deployAndSignal(setup, ['--wait', 'false'], (call) => call.operation === 'UpdateService');

    expect(run.signalled, run.log).toBe(true);
    expect(run.code, run.log).toBe(143);
    expect(run.msAfterSignal, run.log).toBeLessThan(SIGNAL_BOUND_MS);
    expect(doneLines(run), run.log).toEqual([]);
    expect(run.log).toContain('SIGTERM received: stopping.');
    expect(outputsOf(run)['task-definition-arn']).toBe(arnOf(setup.standin, 'web:2'));
  });
});
