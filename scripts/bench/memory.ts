// 3. A whole deploy against moto under /usr/bin/time -v: its peak resident set, and the ECS calls it made,
// read from moto's request recorder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster, createService, ecsClient, registerTaskDefinition } from '../../test/support/moto-ecs.js';
import { MOTO, startMoto, type MotoServer } from '../../test/support/moto-server.js';
import { commandExists, localAwsEnv } from './env.js';
import { jsonOutputs, runNode, tail } from './run-node.js';
import { goalLine, median, verdictOf, type Row } from './stats.js';

const RUNS = 3;
const RSS_GOAL_MB = 100;
const TIME = '/usr/bin/time';
const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113.';

export interface MemoryResult {
  rows: Row[];
  /** ECS calls per operation of one deploy, in call order of first use. */
  calls?: Map<string, number>;
  missing?: string;
}

export async function measureMemory(bundle: string): Promise<MemoryResult> {
  console.log(`\n## 3. Memory: ${RUNS} whole deploys against moto under ${TIME} -v (register, update, wait)`);
  const missing = [
    ...(commandExists(MOTO.command) ? [] : [`${MOTO.command} (${MOTO.install})`]),
    ...(commandExists(TIME) ? [] : [`${TIME} (apt-get install -y time)`]),
  ];
  if (missing.length > 0) {
    const reason = `missing ${missing.join(', ')}`;
    console.log(`  NOT MEASURED  ${reason}`);
    return { rows: [{ measure: 'max RSS, whole deploy (moto)', ours: reason, goal: `< ${RSS_GOAL_MB} MB`, verdict: 'NOT MEASURED' }], missing: reason };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-bench-moto-'));
  const recording = join(dir, 'recording.jsonl');
  let moto: MotoServer | undefined;
  try {
    moto = await startMoto({ MOTO_ECS_SERVICE_RUNNING: '1', MOTO_RECORDER_FILEPATH: recording });
    await seed(moto.url);
    const rss: number[] = [];
    let calls: Map<string, number> | undefined;
    for (let run = 1; run <= RUNS; run++) {
      if (run === 1) await recorder(moto.url, 'reset-recording', 'start-recording');
      const result = await runNode(
        [bundle, '--service', 'web', '--family', 'web', '--image', `nginx:1.${24 + run}`, '--verify-image', 'false', '--poll-interval', '1s', '--wait-timeout', '60s', '--json'],
        { env: localAwsEnv(moto.url), wrapper: [TIME, '-v'] },
      );
      if (run === 1) {
        await recorder(moto.url, 'stop-recording');
        calls = ecsCalls(await (await fetch(`${moto.url}/moto-api/recorder/download-recording`)).text());
      }
      const outputs = jsonOutputs(result);
      if (result.code !== 0 || outputs?.['deployment-status'] !== 'COMPLETED') {
        throw new Error(`deploy ${run} against moto did not complete (exit ${result.code}):\n${tail(result)}`);
      }
      const kb = maxResidentKb(result.stderr);
      if (kb === undefined) throw new Error(`${TIME} -v printed no maximum resident set size:\n${tail(result)}`);
      rss.push(kb / 1024);
      console.log(`  deploy ${run}: max RSS ${(kb / 1024).toFixed(1)} MB, ${((result.exitedAt - result.startedAt) / 1000).toFixed(2)} s, revision ${outputs['task-definition-revision'] ?? '?'}`);
    }
    const peak = Math.max(...rss);
    const row: Row = {
      measure: 'max RSS, whole deploy (moto)',
      ours: `${median(rss).toFixed(1)} MB median, ${peak.toFixed(1)} MB max`,
      goal: `< ${RSS_GOAL_MB} MB`,
      verdict: verdictOf(peak < RSS_GOAL_MB),
    };
    console.log(`  ${goalLine(row)}`);
    if (calls && calls.size > 0) {
      console.log(`  ECS calls of deploy 1 (moto's request recorder): ${[...calls].map(([op, n]) => `${op} ${n}`).join(', ')}`);
    }
    return calls && calls.size > 0 ? { rows: [row], calls } : { rows: [row] };
  } finally {
    await moto?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function seed(url: string): Promise<void> {
  const ecs = ecsClient(url);
  await createCluster(ecs, 'default');
  const arn = await registerTaskDefinition(ecs, {
    family: 'web',
    executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
    containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256, environment: [{ name: 'KEEP', value: 'yes' }] }],
  });
  // moto's MOTO_ECS_SERVICE_RUNNING runs one task per deployment, so only a count of 1 becomes steady.
  await createService(ecs, { cluster: 'default', serviceName: 'web', taskDefinition: arn, desiredCount: 1 });
  ecs.destroy();
}

async function recorder(url: string, ...actions: string[]): Promise<void> {
  for (const action of actions) {
    const answer = await fetch(`${url}/moto-api/recorder/${action}`, { method: 'POST' });
    if (!answer.ok) throw new Error(`moto recorder ${action}: HTTP ${answer.status}`);
  }
}

/** ECS operations in a moto recording (one JSON request per line), counted. */
export function ecsCalls(recording: string): Map<string, number> {
  const calls = new Map<string, number>();
  for (const line of recording.split('\n')) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line) as { headers?: Record<string, string> };
    const target = Object.entries(entry.headers ?? {}).find(([name]) => name.toLowerCase() === 'x-amz-target')?.[1] ?? '';
    if (!target.startsWith(ECS_TARGET)) continue;
    const operation = target.slice(ECS_TARGET.length);
    calls.set(operation, (calls.get(operation) ?? 0) + 1);
  }
  return calls;
}

function maxResidentKb(timeOutput: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
