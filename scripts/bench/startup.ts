// 1. Start-up time of --version and --help against node itself, and 2. which chunks those runs load.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '../../test/support/servers.js';
import { cleanEnv } from './env.js';
import { describeChunks, loadCases, recordLoadedFiles, withSdk } from './loaded-chunks.js';
import { goalLine, median, ms, ratio, verdictOf, type Row } from './stats.js';

const RUNS = 15;
const WARM_UP = 2;
const STARTUP_GOAL = 1.5;

export async function measureStartup(bundle: string): Promise<Row[]> {
  console.log(`\n## 1. Start-up: median of ${RUNS} runs each, interleaved, after ${WARM_UP} warm-up runs`);
  const env = cleanEnv();
  const commands = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'ecs-deliver --version', args: [bundle, '--version'] },
    { name: 'ecs-deliver --help', args: [bundle, '--help'] },
  ];
  const times = commands.map(() => [] as number[]);
  for (let round = 0; round < WARM_UP + RUNS; round++) {
    commands.forEach((command, index) => {
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, command.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (run.status !== 0) throw new Error(`${command.name} exited ${run.status}: ${run.stderr.toString()}`);
      if (round >= WARM_UP) times[index]?.push(elapsed);
    });
  }
  const medians = times.map(median);
  const base = medians[0] ?? Number.NaN;
  const rows: Row[] = [];
  commands.forEach((command, index) => {
    const value = medians[index] ?? Number.NaN;
    const sorted = [...(times[index] ?? [])].sort((a, b) => a - b);
    console.log(`  ${command.name.padEnd(24)} median ${ms(value).padStart(7)}  min ${ms(sorted[0] ?? NaN).padStart(7)}  max ${ms(sorted.at(-1) ?? NaN).padStart(7)}  ${ratio(value, base)} of node -e 0`);
    if (index === 0) return;
    rows.push({
      measure: `start-up ${command.name.replace('ecs-deliver ', '')}`,
      ours: ms(value),
      reference: `${ms(base)} (node -e 0)`,
      ratio: ratio(value, base),
      goal: `<= ${STARTUP_GOAL}x`,
      verdict: verdictOf(value / base <= STARTUP_GOAL),
    });
  });
  for (const row of rows) console.log(`  ${goalLine(row)}`);
  return rows;
}

/** Files of dist/ one kind of run loads, and their bytes. */
export interface LoadedBytes {
  run: string;
  files: number;
  bytes: number;
}

export async function measureLoads(bundle: string): Promise<{ rows: Row[]; measured: boolean; loaded: LoadedBytes[] }> {
  console.log('\n## 2. Files loaded (module loader hook), and whether any holds the AWS SDK');
  const home = mkdtempSync(join(tmpdir(), 'ecs-deliver-home-'));
  const rows: Row[] = [];
  const loaded: LoadedBytes[] = [];
  let measured = true;
  try {
    const cases = loadCases(cleanEnv(), home, `http://127.0.0.1:${await freePort()}`);
    for (const loadCase of cases) {
      const run = await recordLoadedFiles(bundle, loadCase.args, loadCase.env);
      const chunks = describeChunks(bundle, run.bundleFiles);
      const sdk = withSdk(chunks);
      const list = chunks.map((chunk) => (chunk.sdkMarkers.length > 0 ? `${chunk.file}[SDK]` : chunk.file)).join(' ');
      console.log(`  ${loadCase.name} (exit ${run.code}): ${list || 'nothing recorded'}`);
      if (!run.bundleFiles.includes('index.js')) {
        // The hook did not see the entry itself: nothing this run recorded can be trusted.
        console.log(`  NOT MEASURED  the loader hook recorded no entry file; log:\n${run.log}`);
        measured = false;
        continue;
      }
      const bytes = run.bundleFiles.reduce((sum, file) => sum + statSync(join(dirname(bundle), file)).size, 0);
      loaded.push({ run: loadCase.name, files: run.bundleFiles.length, bytes });
      if (loadCase.expectSdk) {
        if (sdk.length === 0) {
          console.log('  NOT MEASURED  the control run loaded no chunk with an SDK marker: the check cannot see the SDK');
          measured = false;
        } else {
          console.log(`  control: SDK seen in ${sdk.map((chunk) => `${chunk.file} (${chunk.sdkMarkers.join(', ')})`).join(', ')}`);
        }
        continue;
      }
      const row: Row = {
        measure: `no AWS SDK loaded: ${loadCase.name}`,
        ours: sdk.length === 0 ? `${chunks.length} file${chunks.length === 1 ? '' : 's'}, none with the SDK` : `SDK in ${sdk.map((chunk) => chunk.file).join(', ')}`,
        goal: 'no SDK chunk',
        verdict: verdictOf(sdk.length === 0 && run.code === 0),
      };
      if (run.code !== 0) row.ours += `; exit ${run.code}`;
      console.log(`  ${goalLine(row)}`);
      rows.push(row);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return { rows, measured, loaded };
}
