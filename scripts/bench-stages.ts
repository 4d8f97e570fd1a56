// The blue/green watcher against the ECS stand-in on the real clock: how long after each lifecycle stage began the
// bundle printed it, and how long after the service deployment ended the run knew. The bundle polls every 2 s (its
// default), so each is at most about one poll interval plus the calls' own time.
import { spawn } from 'node:child_process';
import { startEcsStandin } from '../test/standin/index.js';
import { localAwsEnv } from './bench/env.js';
import { goalLine, median, sec, verdictOf, type Row } from './bench/stats.js';

/** Stages last longer than a poll interval, so each is seen; their lengths vary so they begin at any point of it. */
const STAGE_MS = 2_700;
const BAKE_MINUTES = 0.1;
const NOTICE_GOAL_MS = 2_000;
/** A poll's own calls (DescribeServiceDeployments, DescribeServices) on top of the interval. */
const CALL_ALLOWANCE_MS = 500;

interface TimedLine {
  at: number;
  text: string;
}

export interface StagesResult {
  rows: Row[];
}

export async function measureStages(bundle: string): Promise<StagesResult> {
  console.log(`\n## 5. Blue/green stages against the ECS stand-in (real clock): stages of ${sec(STAGE_MS)}, default poll interval`);
  const standin = await startEcsStandin({ timing: { stageMs: STAGE_MS, hookMs: 500, rolloutMs: 1_000 } });
  try {
    standin.seedTaskDefinition({ family: 'bg', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
    standin.seedService({ serviceName: 'bg', taskDefinition: 'bg:1', desiredCount: 2, deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: BAKE_MINUTES } });
    const { code, lines } = await runTimed(bundle, ['--service', 'bg', '--family', 'bg', '--image', 'nginx:1.25', '--verify-image', 'false'], localAwsEnv(standin.url));
    const history = standin.stageHistory('bg');
    const latencies: number[] = [];
    let from = 0;
    for (const { stage, at } of history.stages) {
      const index = lines.findIndex((line, position) => position >= from && line.text.includes(`Stage ${stage}:`));
      if (index < 0) {
        console.log(`  ${stage}: began ${sec(at - (history.stages[0]?.at ?? at))} in, never printed`);
        continue;
      }
      from = index + 1;
      const latency = (lines[index]?.at ?? at) - at;
      latencies.push(latency);
      console.log(`  ${stage.padEnd(30)} printed ${sec(latency)} after it began`);
    }
    const endLine = lines.find((line) => / completed in /.test(line.text));
    const endLatency = endLine && history.finishedAt !== undefined ? endLine.at - history.finishedAt : Number.NaN;
    console.log(`  end (${history.status}) noticed ${sec(endLatency)} after it happened; exit ${code}`);
    const missed = history.stages.length - latencies.length;
    const goal = NOTICE_GOAL_MS + CALL_ALLOWANCE_MS;
    const rows: Row[] = [
      {
        measure: 'blue/green stage change printed after it began (max)',
        ours: `${sec(Math.max(...latencies))} (median ${sec(median(latencies))})${missed ? `, ${missed} stages not printed` : ''}`,
        goal: `<= ${sec(goal)} (2 s poll + calls)`,
        verdict: latencies.length === 0 ? 'NOT MEASURED' : verdictOf(missed === 0 && Math.max(...latencies) <= goal),
      },
      {
        measure: 'blue/green end noticed after it happened',
        ours: sec(endLatency),
        goal: `<= ${sec(goal)}`,
        verdict: Number.isFinite(endLatency) ? verdictOf(code === 0 && endLatency <= goal) : 'NOT MEASURED',
      },
    ];
    for (const row of rows) console.log(`  ${goalLine(row)}`);
    return { rows };
  } finally {
    await standin.close();
  }
}

/** Runs the bundle and notes when each line of its output arrived. */
function runTimed(bundle: string, args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; lines: TimedLine[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: TimedLine[] = [];
    const partial = { stdout: '', stderr: '' };
    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer): void => {
      const at = Date.now();
      const parts = (partial[stream] + chunk.toString()).split('\n');
      partial[stream] = parts.pop() ?? '';
      for (const text of parts) lines.push({ at, text });
    };
    child.stdout.on('data', take('stdout'));
    child.stderr.on('data', take('stderr'));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, lines });
    });
  });
}
