// An Express service's canary deployment against the ECS stand-in on the real clock: how long after the service
// deployment ended the run knew, against a watcher that polls it every 15 s, as AWS's own Express deploy action
// does. The bundle polls every 2 s (its default), so it notices about 1 s after the end on average.
import { spawn } from 'node:child_process';
import { DescribeServiceDeploymentsCommand, ECSClient } from '@aws-sdk/client-ecs';
import { startEcsStandin, type EcsStandin } from '../test/standin/index.js';
import { localAwsEnv, REGION } from './bench/env.js';
import { goalLine, median, ratio, sec, verdictOf, type Row } from './bench/stats.js';

const RUNS = 4;
/** The AWS action's poll interval. */
const REFERENCE_POLL_MS = 15_000;
const NOTICE_GOAL_MS = 1_000;
/** A poll's own calls on top of the wait. */
const CALL_ALLOWANCE_MS = 500;
const CANARY = { canaryPercent: 5, canaryBakeTimeInMinutes: 0.05, bakeTimeInMinutes: 0.05 };
const ARGS = [
  ...['--container-name', 'Main', '--container-port', '8080', '--verify-image', 'false'],
  ...['--requires-compatibilities', 'FARGATE', '--network-mode', 'awsvpc', '--task-cpu', '256', '--task-memory', '512'],
  ...['--express-infrastructure-role-arn', 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices'],
];
const ENDED = new Set(['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED']);

export interface ExpressBenchResult {
  rows: Row[];
}

export async function measureExpress(bundle: string): Promise<ExpressBenchResult> {
  console.log(`\n## 7. Express service deployments against the ECS stand-in (real clock): ${RUNS} services' canary updates of different bake times, default poll interval`);
  const standin = await startEcsStandin({ timing: { stageMs: 700, rolloutMs: 1_000 }, express: { canary: CANARY } });
  try {
    standin.seedCluster('default');
    const env = localAwsEnv(standin.url);
    const ours: number[] = [];
    const reference: number[] = [];
    for (let run = 1; run <= RUNS; run += 1) {
      // Each service bakes a different time (ECS sets it when the service is created), so the end of its
      // deployment falls at another point of either poll interval.
      const bake = 0.05 + 0.04 * (run - 1);
      standin.setExpressReadings({ canary: { canaryPercent: 5, canaryBakeTimeInMinutes: bake, bakeTimeInMinutes: bake } });
      const name = `web-${run}`;
      const service = ['--service', name, '--family', name];
      const created = await runTimed(bundle, [...service, ...ARGS, '--image', 'nginx:1.0'], env);
      if (created.code !== 0) throw new Error(`creating the Express service ${name} exited ${created.code}`);
      const before = String(standin.expressService(name)['currentDeployment'] ?? '');
      const deploying = runTimed(bundle, [...service, ...ARGS, '--image', `nginx:1.${run}`], env);
      const referenceNoticed = referenceWatch(standin, name, before);
      const [{ code, lines }, referenceAt] = await Promise.all([deploying, referenceNoticed]);
      const finishedAt = standin.stageHistory(name).finishedAt;
      const endLine = lines.find((line) => / completed in /.test(line.text));
      if (code !== 0 || !endLine || finishedAt === undefined) throw new Error(`run ${run}: exit ${code}, end ${endLine ? 'printed' : 'not printed'}`);
      ours.push(endLine.at - finishedAt);
      reference.push(referenceAt - finishedAt);
      console.log(`  run ${run}: end noticed ${sec(endLine.at - finishedAt)} after it happened; reference ${sec(referenceAt - finishedAt)}`);
    }
    const row: Row = {
      measure: 'Express deployment end noticed after it happened (median)',
      ours: `${sec(median(ours))} (max ${sec(Math.max(...ours))})`,
      reference: sec(median(reference)),
      ratio: ratio(median(ours), median(reference)),
      goal: `about ${sec(NOTICE_GOAL_MS)} (2 s poll), each <= ${sec(2_000 + CALL_ALLOWANCE_MS)}`,
      verdict: verdictOf(median(ours) <= NOTICE_GOAL_MS + CALL_ALLOWANCE_MS && Math.max(...ours) <= 2_000 + CALL_ALLOWANCE_MS),
    };
    console.log(`  ${goalLine(row)}`);
    return { rows: [row] };
  } finally {
    await standin.close();
  }
}

/**
 * What a 15 s poller sees: once the update has named a new service deployment, DescribeServiceDeployments every
 * 15 s until it has ended; answers when it noticed.
 */
async function referenceWatch(standin: EcsStandin, name: string, before: string): Promise<number> {
  const ecs = new ECSClient({ endpoint: standin.url, region: REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  let arn = before;
  while (arn === before || arn === '') {
    await pause(100);
    arn = String(standin.expressService(name)['currentDeployment'] ?? '');
  }
  for (;;) {
    const answer = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }));
    if (ENDED.has(answer.serviceDeployments?.[0]?.status ?? '')) return Date.now();
    await pause(REFERENCE_POLL_MS);
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the bundle and notes when each line of its output arrived. */
function runTimed(bundle: string, args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; lines: { at: number; text: string }[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: { at: number; text: string }[] = [];
    const partial = { stdout: '', stderr: '' };
    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer): void => {
      const at = Date.now();
      const parts = (partial[stream] + chunk.toString()).split('\n');
      partial[stream] = parts.pop() ?? '';
      for (const text of parts) lines.push({ at, text });
    };
    child.stdout.on('data', take('stdout'));
    child.stderr.on('data', take('stderr'));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, lines });
    });
  });
}
