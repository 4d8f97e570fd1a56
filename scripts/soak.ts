// The soak: many deploys of the built bundle against the stand-in through the fault proxy, each of a random kind
// (rolling, rolling with force-new-deployment, one-off task then rolling, CodeDeploy, ECS's own blue/green and canary,
// and services-file runs of 2–4 services some of which share a family), about 30% of them with a fault of the proxy's
// kinds (taken in turn, so every kind is drawn) and some with a cancel at a random moment. After each run it checks what
// must always hold, from what the stand-in shows: no doubled change, no process left running, no outcome that differs
// from ECS, and no secret in anything the run wrote. Not part of CI: `npm run soak -- --seed 7 [--count 200]`.
// Writes its figures to docs/soak.json.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type EcsStandin, startEcsStandin } from '../test/standin/index.js';
import { type FaultKind, type FaultRule, startFaultProxy } from '../test/support/fault-proxy.js';

type Kind = 'rolling' | 'rolling-force' | 'run-task' | 'codedeploy' | 'blue-green' | 'canary' | 'services-file';
const KINDS: readonly Kind[] = ['rolling', 'rolling-force', 'run-task', 'codedeploy', 'blue-green', 'canary', 'services-file'];
const FAULTS: readonly FaultKind[] = ['hang', 'hang-after', 'reset-after', 'reset-before', 'truncate', 'status', 'trickle', 'late-apply'];
const CODEDEPLOY = 'CodeDeploy_20141006.';
const OPERATIONS: Record<Kind, readonly string[]> = {
  rolling: ['RegisterTaskDefinition', 'UpdateService', 'DescribeServices', 'DescribeTaskDefinition'],
  'rolling-force': ['RegisterTaskDefinition', 'UpdateService', 'DescribeServices'],
  'run-task': ['RegisterTaskDefinition', 'RunTask', 'DescribeTasks', 'UpdateService'],
  codedeploy: ['RegisterTaskDefinition', `${CODEDEPLOY}CreateDeployment`, `${CODEDEPLOY}GetDeployment`, 'DescribeServices'],
  'blue-green': ['RegisterTaskDefinition', 'UpdateService', 'DescribeServices', 'DescribeServiceDeployments', 'StopServiceDeployment'],
  canary: ['RegisterTaskDefinition', 'UpdateService', 'DescribeServiceDeployments', 'StopServiceDeployment'],
  'services-file': ['RegisterTaskDefinition', 'UpdateService', 'DescribeServices', 'DescribeTaskDefinition', 'DeregisterTaskDefinition'],
};
/** A services-file run: its services, each on a family (some shared) with an image (some alike). */
interface FileEntry {
  service: string;
  family: string;
  image: string;
}
const FAULT_SHARE = 0.3;
const CANCEL_SHARE = 0.15;
/** Past every bound a run promises: a run still going then was left running. */
const KILL_AFTER_MS = 150_000;
const SECRET = `soak-secret-${Math.random().toString(36).slice(2)}`;
const APPSPEC = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "<TASK_DEFINITION>"
        LoadBalancerInfo:
          ContainerName: web
          ContainerPort: 80
`;

interface Options {
  seed: number;
  count: number;
  concurrency: number;
}

interface Outcome {
  index: number;
  kind: Kind;
  fault?: string;
  cancelAtMs?: number;
  status: string;
  code: number | null;
  ms: number;
  violations: string[];
}

function options(argv: readonly string[]): Options {
  const value = (name: string, fallback: number): number => {
    const at = argv.indexOf(`--${name}`);
    const parsed = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name}: a positive whole number, got ${argv[at + 1] ?? ''}`);
    return parsed;
  };
  return { seed: value('seed', 1), count: value('count', 200), concurrency: value('concurrency', 2) };
}

/** mulberry32: the same runs for the same seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, from: readonly T[]): T => from[Math.floor(random() * from.length)] as T;

interface Plan {
  index: number;
  kind: Kind;
  rule?: FaultRule;
  cancelAtMs?: number;
  entries: FileEntry[];
}

function planEntries(random: () => number): FileEntry[] {
  const count = 2 + Math.floor(random() * 3);
  return Array.from({ length: count }, (_, i) => ({
    service: `svc${i}`,
    family: random() < 0.6 ? 'shared' : `own${i}`,
    image: pick(random, ['nginx:1.25', 'nginx:1.26']),
  }));
}

function planRun(index: number, random: () => number, faultsSoFar: { count: number }): Plan {
  const kind = pick(random, KINDS);
  const plan: Plan = { index, kind, entries: kind === 'services-file' ? planEntries(random) : [] };
  if (random() < FAULT_SHARE) {
    // In turn rather than at random: every kind of fault is drawn, whatever the seed.
    const fault = FAULTS[faultsSoFar.count++ % FAULTS.length] as FaultKind;
    const operation = pick(random, OPERATIONS[kind]);
    plan.rule = {
      operation,
      fault,
      ...(fault === 'status' ? (random() < 0.5 ? { status: 503 } : { status: 400, errorType: 'ThrottlingException', when: { next: 3 } }) : {}),
      ...(fault === 'trickle' ? { intervalMs: 1_000 } : {}),
      ...(fault === 'late-apply' ? { delayMs: Math.floor(random() * 4_000) } : {}),
    };
  }
  if (random() < CANCEL_SHARE) plan.cancelAtMs = 500 + Math.floor(random() * 8_000);
  return plan;
}

async function soakOne(plan: Plan, bundle: string): Promise<Outcome> {
  const standin = await startEcsStandin({ timing: { rolloutMs: 1500, taskLifetimeMs: 300, retryDelayMs: 100, maxRetryDelayMs: 600, rollbackMs: 800 } });
  const proxy = await startFaultProxy(standin.url);
  const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-soak-'));
  try {
    seed(standin, plan);
    if (plan.rule) proxy.inject(plan.rule);
    writeFileSync(join(dir, 'appspec.yaml'), APPSPEC);
    if (plan.kind === 'services-file') writeFileSync(join(dir, 'services.json'), JSON.stringify(servicesFile(plan.entries)));
    const before = plan.kind === 'services-file' ? 0 : standin.serviceDeployments('web').length;
    const fileBefore = new Map(plan.entries.map((entry) => [entry.service, standin.serviceDeployments(entry.service).length]));
    const startedAt = Date.now();
    const run = await runBundle(bundle, argsFor(plan.kind), {
      PATH: process.env['PATH'] ?? '',
      HOME: dir,
      TMPDIR: dir,
      AWS_ENDPOINT_URL_ECS: proxy.url,
      AWS_ENDPOINT_URL_CODEDEPLOY: proxy.url,
      AWS_REGION: standin.region,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: SECRET,
    }, dir, plan.cancelAtMs);
    const ms = Date.now() - startedAt;
    // A request the proxy forwards late lands now, if it ever does.
    await new Promise((done) => setTimeout(done, 5_000));
    const outputs = parseOutputs(run.stdout);
    const status = outputs['deployment-status'] ?? '(no outputs)';
    const violations = [...always(run, outputs, dir), ...(plan.kind === 'services-file' ? checkFile(plan, standin, fileBefore, run, outputs) : check(plan, standin, before, run, outputs))];
    return {
      index: plan.index,
      kind: plan.kind,
      ...(plan.rule ? { fault: `${plan.rule.fault}${plan.rule.status ? ` ${plan.rule.status}` : ''} on ${plan.rule.operation}` } : {}),
      ...(plan.cancelAtMs !== undefined ? { cancelAtMs: plan.cancelAtMs } : {}),
      status,
      code: run.code,
      ms,
      violations,
    };
  } finally {
    await proxy.close();
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function seed(standin: EcsStandin, plan: Plan): void {
  const kind = plan.kind;
  if (kind === 'services-file') {
    for (const family of new Set(plan.entries.map((entry) => entry.family))) {
      standin.seedTaskDefinition({ family, containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
    }
    for (const entry of plan.entries) standin.seedService({ serviceName: entry.service, taskDefinition: `${entry.family}:1`, desiredCount: 1 });
    return;
  }
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  if (kind === 'codedeploy') {
    standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, deploymentController: 'CODE_DEPLOY' });
    standin.codeDeploy.seedDeploymentGroup({ application: 'AppECS-default-web', deploymentGroup: 'DgpECS-default-web', service: 'web', autoRollback: false });
    standin.codeDeploy.script({ eventMs: 300, trafficSteps: [100], terminationWaitMs: 0 });
    return;
  }
  if (kind === 'blue-green') {
    standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0.02 } });
    return;
  }
  if (kind === 'canary') {
    standin.seedService({
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: 2,
      deploymentConfiguration: { strategy: 'CANARY', bakeTimeInMinutes: 0.01, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 0.01 } },
    });
    return;
  }
  standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2 });
  if (kind === 'run-task') standin.setTaskScript({ provisioningMs: 200, pendingMs: 200, runMs: 1_000 });
}

/** keep-revisions 1: a run whose entries share a family must still never deregister what it registered. */
function servicesFile(entries: readonly FileEntry[]): object {
  return { defaults: { 'verify-image': false, 'keep-revisions': 1 }, services: entries.map((entry) => ({ ...entry })) };
}

function argsFor(kind: Kind): string[] {
  if (kind === 'services-file') return ['--services-file', 'services.json', '--json', '--poll-interval', '1s', '--wait-timeout', '60s', '--max-parallel', '2'];
  const base = ['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false', '--json', '--poll-interval', '1s', '--wait-timeout', '60s'];
  if (kind === 'rolling-force') return [...base, '--force-new-deployment', 'true'];
  if (kind === 'run-task') return [...base, '--run-task-command', 'npm run migrate'];
  return base;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runBundle(bundle: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, cancelAtMs: number | undefined): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bundle, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const cancel = cancelAtMs === undefined ? undefined : setTimeout(() => child.kill('SIGTERM'), cancelAtMs);
    const kill = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.on('close', (code, signal) => {
      clearTimeout(cancel);
      clearTimeout(kill);
      done({ code, signal, stdout, stderr });
    });
  });
}

function parseOutputs(stdout: string): Record<string, string> {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as Record<string, string>;
  } catch {
    return {};
  }
}

/** What must hold after every run of any kind: it ended within its bound, said its outcome, and leaked no secret. */
function always(run: Run, outputs: Record<string, string>, dir: string): string[] {
  const problems: string[] = [];
  if (run.signal === 'SIGKILL') problems.push('left running: killed after the bound');
  if (!outputs['deployment-status']) problems.push(`no outputs: ${run.stderr.trim().split('\n').at(-1) ?? ''}`);
  const written = [run.stdout, run.stderr, ...filesUnder(dir).map((path) => readFileSync(path, 'utf8'))];
  if (written.some((text) => text.includes(SECRET))) problems.push('the secret access key appears in what the run wrote');
  return problems;
}

/** What must hold after a run of one service, whatever the faults and the cancel did. */
function check(plan: Plan, standin: EcsStandin, deploymentsBefore: number, run: Run, outputs: Record<string, string>): string[] {
  const problems: string[] = [];
  const status = outputs['deployment-status'];
  const applied = (operation: string): number => standin.requests.filter((call) => call.operation === operation && call.status === 200).length;
  // No doubled change.
  const registered = applied('RegisterTaskDefinition');
  const service = standin.service('web');
  const active = activeRevisionsAfter(standin);
  if (active > 2) problems.push(`doubled: ${active} ACTIVE revisions of web (registered ${registered})`);
  if (plan.kind !== 'codedeploy' && standin.serviceDeployments('web').length - deploymentsBefore > 1) {
    problems.push(`doubled: ${standin.serviceDeployments('web').length - deploymentsBefore} service deployments started`);
  }
  // A stop with rollback makes a deployment of CodeDeploy's own: only the ones a user (this run) created count.
  const created = standin.codeDeploy.deployments().filter((deployment) => deployment['creator'] !== 'codeDeployRollback').length;
  if (plan.kind === 'codedeploy' && created > 1) problems.push(`doubled: ${created} CodeDeploy deployments`);
  if (plan.kind === 'run-task' && standin.oneOffTasks().length > 1) problems.push(`doubled: ${standin.oneOffTasks().length} one-off tasks`);
  // No outcome that differs from what ECS shows.
  const runs = String(service['taskDefinition'] ?? '');
  if (status === 'COMPLETED' && !runs.endsWith(`/${familyRevisionOf(outputs['task-definition-arn'])}`)) {
    problems.push(`COMPLETED, but web runs ${runs}`);
  }
  if ((status === 'COMPLETED') !== (run.code === 0)) problems.push(`exit ${run.code} with ${status}`);
  if (plan.kind === 'run-task' && status === 'CANCELLED') {
    const running = standin.oneOffTasks().filter((task) => task['desiredStatus'] !== 'STOPPED');
    if (running.length > 0 && !/may still start a task|may still run/.test(run.stderr)) problems.push('a cancelled run left a task running without naming it');
  }
  if (plan.kind === 'codedeploy' && status === 'CANCELLED') {
    const live = standin.codeDeploy.deployments().filter((deployment) => !['Stopped', 'Failed', 'Succeeded'].includes(String(deployment['status'])));
    if (live.length > 0 && !/may still start a deployment|check/.test(run.stderr)) problems.push('a cancelled run left a CodeDeploy deployment running without naming it');
  }
  return problems;
}

interface FileResult {
  service?: string;
  'task-definition-arn'?: string;
  'deployment-status'?: string;
}

/**
 * After a services-file run: each service's result matches what ECS runs, each distinct revision was registered
 * once, no revision the run registered was deregistered, and no service got two deployments.
 */
function checkFile(plan: Plan, standin: EcsStandin, deploymentsBefore: ReadonlyMap<string, number>, run: Run, outputs: Record<string, string>): string[] {
  const problems: string[] = [];
  let results: FileResult[] = [];
  try {
    results = JSON.parse(outputs['results'] ?? '[]') as FileResult[];
  } catch {
    problems.push('results is not JSON');
  }
  for (const entry of plan.entries) {
    const result = results.find((candidate) => candidate.service === entry.service);
    if (!result && results.length > 0) problems.push(`no result for ${entry.service}`);
    const runs = String(standin.service(entry.service)['taskDefinition'] ?? '');
    if (result?.['deployment-status'] === 'COMPLETED' && !runs.endsWith(`/${familyRevisionOf(result['task-definition-arn'])}`)) {
      problems.push(`${entry.service} COMPLETED, but runs ${runs}`);
    }
    if (result?.['deployment-status'] === 'COMPLETED' && !runs.includes(`/${entry.family}:`)) problems.push(`${entry.service} COMPLETED on another family: ${runs}`);
    const last = standin.serviceDeployments(entry.service).at(-1);
    if (result?.['deployment-status'] === 'FAILED' && last?.['status'] === 'SUCCESSFUL' && runs.endsWith(`/${familyRevisionOf(result['task-definition-arn'])}`)) {
      problems.push(`${entry.service} FAILED, but its deployment ended SUCCESSFUL on ${runs}`);
    }
    const started = standin.serviceDeployments(entry.service).length - (deploymentsBefore.get(entry.service) ?? 0);
    if (started > 1) problems.push(`doubled: ${started} service deployments of ${entry.service}`);
  }
  const allCompleted = results.length === plan.entries.length && results.every((result) => result['deployment-status'] === 'COMPLETED');
  if (run.code === 0 && !allCompleted) problems.push(`exit 0, but not every service COMPLETED`);
  for (const family of new Set(plan.entries.map((entry) => entry.family))) {
    const registered = standin.taskDefinitions(family).filter((revision) => Number(revision['revision']) > 1);
    const images = registered.map((revision) => String((revision['containerDefinitions'] as { image?: string }[] | undefined)?.[0]?.image ?? ''));
    if (new Set(images).size < images.length) problems.push(`doubled: ${family} registered ${images.join(', ')}`);
    const gone = registered.filter((revision) => revision['status'] !== 'ACTIVE').map((revision) => `${family}:${String(revision['revision'])}`);
    if (gone.length > 0) problems.push(`deregistered what the run registered: ${gone.join(', ')}`);
  }
  return problems;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.isFile() && entry.name !== 'appspec.yaml' ? [join(dir, entry.name)] : [],
  );
}

function activeRevisionsAfter(standin: EcsStandin): number {
  return standin.taskDefinitions('web').filter((revision) => revision['status'] === 'ACTIVE').length;
}

function familyRevisionOf(arn: string | undefined): string {
  return arn ? arn.slice(arn.lastIndexOf('/') + 1) : '';
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  // A copy: rebuilding dist/ while the soak runs must not change the bundle under it.
  rmSync('.tmp/soak-dist', { recursive: true, force: true });
  cpSync('dist', '.tmp/soak-dist', { recursive: true });
  const bundle = resolve('.tmp/soak-dist/index.js');
  const random = seeded(opts.seed);
  const faultsSoFar = { count: 0 };
  const plans = Array.from({ length: opts.count }, (_, index) => planRun(index, random, faultsSoFar));
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < plans.length) {
      const plan = plans[next++] as Plan;
      const outcome = await soakOne(plan, bundle);
      outcomes.push(outcome);
      const mark = outcome.violations.length > 0 ? `VIOLATION: ${outcome.violations.join('; ')}` : 'ok';
      process.stdout.write(`${String(outcome.index + 1).padStart(4)} ${outcome.kind.padEnd(13)} ${(outcome.fault ?? '-').padEnd(44)} ${outcome.cancelAtMs !== undefined ? `cancel@${outcome.cancelAtMs}ms` : ''} ${outcome.status} exit ${outcome.code} ${mark}\n`);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  outcomes.sort((a, b) => a.index - b.index);
  const count = (predicate: (outcome: Outcome) => boolean): number => outcomes.filter(predicate).length;
  const durations = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  const figures = {
    seed: opts.seed,
    date: new Date().toISOString(),
    deploys: outcomes.length,
    kinds: Object.fromEntries(KINDS.map((kind) => [kind, count((outcome) => outcome.kind === kind)])),
    withFault: count((outcome) => outcome.fault !== undefined),
    faults: Object.fromEntries(FAULTS.map((fault) => [fault, count((outcome) => outcome.fault?.startsWith(`${fault} `) === true)])),
    withCancel: count((outcome) => outcome.cancelAtMs !== undefined),
    statuses: Object.fromEntries([...new Set(outcomes.map((outcome) => outcome.status))].map((status) => [status, count((outcome) => outcome.status === status)])),
    msMedian: durations[Math.floor(durations.length / 2)] ?? 0,
    msLongest: durations.at(-1) ?? 0,
    violations: outcomes.filter((outcome) => outcome.violations.length > 0).map(({ index, kind, fault, cancelAtMs, status, violations }) => ({ index, kind, fault, cancelAtMs, status, violations })),
  };
  mkdirSync('docs', { recursive: true });
  writeFileSync('docs/soak.json', `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`\n${figures.deploys} deploys, ${figures.withFault} with a fault, ${figures.withCancel} cancelled; ${figures.violations.length} with a violation. Figures in docs/soak.json.\n`);
  process.exitCode = figures.violations.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
