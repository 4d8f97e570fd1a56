// 3. A whole deploy against the ECS stand-in under /usr/bin/time -v: its peak resident set, and the ECS calls it
// made, counted by the stand-in. (moto cannot complete a rollout: its deployment never moves to the new revision.)
import { startEcsStandin, type EcsStandin } from '../../test/standin/index.js';
import { commandExists, localAwsEnv } from './env.js';
import { jsonOutputs, runNode, tail } from './run-node.js';
import { goalLine, median, verdictOf, type Row } from './stats.js';

const RUNS = 3;
const RSS_GOAL_MB = 100;
const TIME = '/usr/bin/time';
export const MEMORY_ROLLOUT_MS = 1500;

export interface MemoryResult {
  rows: Row[];
  /** ECS calls per operation of one deploy, in call order of first use. */
  calls?: Map<string, number>;
  missing?: string;
}

export async function measureMemory(bundle: string): Promise<MemoryResult> {
  console.log(`\n## 3. Memory: ${RUNS} whole deploys against the ECS stand-in under ${TIME} -v (register, update, wait)`);
  if (!commandExists(TIME)) {
    const reason = `missing ${TIME} (apt-get install -y time)`;
    console.log(`  NOT MEASURED  ${reason}`);
    return { rows: [{ measure: 'max RSS, whole deploy', ours: reason, goal: `< ${RSS_GOAL_MB} MB`, verdict: 'NOT MEASURED' }], missing: reason };
  }
  const standin = await startEcsStandin({ timing: { rolloutMs: MEMORY_ROLLOUT_MS } });
  try {
    seed(standin);
    const rss: number[] = [];
    let calls: Map<string, number> | undefined;
    for (let run = 1; run <= RUNS; run++) {
      standin.resetCalls();
      const result = await runNode(
        [bundle, '--service', 'web', '--family', 'web', '--image', `nginx:1.${24 + run}`, '--verify-image', 'false', '--poll-interval', '1s', '--wait-timeout', '60s', '--json'],
        { env: { ...localAwsEnv(standin.url), AWS_ENDPOINT_URL_ECS: standin.url }, wrapper: [TIME, '-v'] },
      );
      if (run === 1) calls = new Map(Object.entries(standin.calls).filter(([operation, n]) => operation !== '(none)' && n > 0));
      const outputs = jsonOutputs(result);
      if (result.code !== 0 || outputs?.['deployment-status'] !== 'COMPLETED') {
        throw new Error(`deploy ${run} did not complete (exit ${result.code}):\n${tail(result)}`);
      }
      const kb = maxResidentKb(result.stderr);
      if (kb === undefined) throw new Error(`${TIME} -v printed no maximum resident set size:\n${tail(result)}`);
      rss.push(kb / 1024);
      console.log(`  deploy ${run}: max RSS ${(kb / 1024).toFixed(1)} MB, ${((result.exitedAt - result.startedAt) / 1000).toFixed(2)} s, revision ${outputs['task-definition-revision'] ?? '?'}`);
    }
    const peak = Math.max(...rss);
    const row: Row = {
      measure: 'max RSS, whole deploy',
      ours: `${median(rss).toFixed(1)} MB median, ${peak.toFixed(1)} MB max`,
      goal: `< ${RSS_GOAL_MB} MB`,
      verdict: verdictOf(peak < RSS_GOAL_MB),
    };
    console.log(`  ${goalLine(row)}`);
    if (calls && calls.size > 0) {
      console.log(`  ECS calls of deploy 1 (counted by the stand-in): ${[...calls].map(([op, n]) => `${op} ${n}`).join(', ')}`);
    }
    return calls && calls.size > 0 ? { rows: [row], calls } : { rows: [row] };
  } finally {
    await standin.close();
  }
}

function seed(standin: EcsStandin): void {
  const taskDefinition = standin.seedTaskDefinition({
    family: 'web',
    executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
    containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256, environment: [{ name: 'KEEP', value: 'yes' }] }],
  });
  standin.seedService({ serviceName: 'web', taskDefinition, desiredCount: 2 });
}

function maxResidentKb(timeOutput: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
