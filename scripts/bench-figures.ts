// The figures `npm run bench` writes to docs/bench.json, and the Markdown tables docs/bench.md shows of them.
// The tables are generated (scripts/generate.ts), so the docs can only show figures a bench run produced.
import type { LoadedBytes } from './bench/startup.js';
import type { Row } from './bench/stats.js';

export const BENCH_FILE = 'docs/bench.json';
export const REFERENCE_WATCHER = "the AWS SDK's waitUntilServicesStable (minDelay 15 s) plus a primary-deployment check, as the most-used deploy action waits";

export interface BenchFigures {
  date: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; memoryMb: number; platform: string; node: string };
  reference: string;
  rows: Row[];
  loaded: LoadedBytes[];
  calls: { operation: string; memoryDeploy: number; watcherDeploy: number }[];
  memoryRolloutSeconds: number;
  watcherRolloutSeconds: number;
}

const GENERATED_NOTE = 'Generated from docs/bench.json by scripts/generate.ts: run npm run bench, then npm run generate.';

export function parseBenchFigures(text: string): BenchFigures {
  const figures = JSON.parse(text) as Partial<BenchFigures>;
  for (const key of ['date', 'commit', 'machine', 'reference', 'rows', 'loaded', 'calls'] as const) {
    if (figures[key] === undefined) throw new Error(`${BENCH_FILE} has no "${key}"; run npm run bench again`);
  }
  return figures as BenchFigures;
}

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|');
}

function thousands(value: number): string {
  return value.toLocaleString('en-US');
}

/** The tables of docs/bench.md: where and when, every measure, the bytes each kind of run loads, ECS calls. */
export function renderBenchTables(figures: BenchFigures): string {
  const { machine } = figures;
  const measured = [
    `Measured ${figures.date.slice(0, 10)} at commit \`${figures.commit}\` on ${machine.cpus} × ${machine.cpuModel}`,
    `(${thousands(machine.memoryMb)} MB, ${machine.platform}), Node ${machine.node}. Reference: ${figures.reference}.`,
  ].join(' ');
  const measures = [
    '| measure | ecs-deliver | reference | ratio | goal | result |',
    '|---|---|---|---|---|---|',
    ...figures.rows.map((row) => `| ${cell(row.measure)} | ${cell(row.ours)} | ${cell(row.reference)} | ${cell(row.ratio)} | ${cell(row.goal)} | ${row.verdict} |`),
  ].join('\n');
  const loaded = [
    '| run | files of dist/ loaded | bytes |',
    '|---|---|---|',
    ...figures.loaded.map((load) => `| \`${cell(load.run)}\` | ${load.files} | ${thousands(load.bytes)} |`),
  ].join('\n');
  const calls = [
    `| ECS operation | calls, one deploy (${figures.memoryRolloutSeconds} s rollout) | calls, one deploy (${figures.watcherRolloutSeconds} s rollout) |`,
    '|---|---|---|',
    ...figures.calls.map((call) => `| \`${call.operation}\` | ${call.memoryDeploy} | ${call.watcherDeploy} |`),
  ].join('\n');
  return [
    `<!-- ${GENERATED_NOTE} -->`,
    measured,
    '#### Measures',
    measures,
    '#### Bytes of dist/ each kind of run loads',
    loaded,
    '#### ECS calls of one deploy (register, update, wait until COMPLETED)',
    calls,
  ].join('\n\n');
}
