// npm run bench: the measured goals of start-up, module loading, memory and the rollout watcher, each against a
// reference measured in the same run. It prints numbers and never judges CI; it exits non-zero only when something
// could not be measured.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../src/errors.js';
import { findRoot } from './bench/env.js';
import { MEMORY_ROLLOUT_MS, measureMemory } from './bench/memory.js';
import { measureLoads, measureStartup, type LoadedBytes } from './bench/startup.js';
import { table, type Row } from './bench/stats.js';
import { BENCH_FILE, REFERENCE_WATCHER, type BenchFigures } from './bench-figures.js';
import { measureWatcher, ROLLOUTS_MS } from './bench/watcher.js';
import { measureStages } from './bench-stages.js';

import { measureMany } from './bench-many.js';
import { measureExpress } from './bench-express.js';

const SECTIONS = ['startup', 'loads', 'memory', 'watcher', 'stages', 'many', 'express'] as const;
type Section = (typeof SECTIONS)[number];

/** Sections named on the command line (node .tmp/bench/index.js memory watcher), or all of them. */
function chosenSections(args: readonly string[]): Section[] | undefined {
  if (args.length === 0) return [...SECTIONS];
  const known = new Set<string>(SECTIONS);
  const unknown = args.filter((arg) => !known.has(arg));
  if (unknown.length > 0) {
    console.error(`unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
    return undefined;
  }
  return SECTIONS.filter((name) => args.includes(name));
}

async function main(): Promise<number> {
  const chosen = chosenSections(process.argv.slice(2));
  if (!chosen) return 2;
  const root = findRoot();
  const bundle = join(root, 'dist', 'index.js');
  if (!existsSync(bundle)) {
    console.error(`${bundle} not found: run npm run bundle first.`);
    return 2;
  }
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  // The commit the bundle was built from, taken before anything can move on while the bench runs.
  const commit = gitCommit(root);
  const startedAt = Date.now();
  console.log(`ecs-deliver bench: ${bundle}, node ${process.version}, ${process.platform}/${process.arch}`);

  const rows: Row[] = [];
  const unmeasured: string[] = [];
  const section = async <T>(name: Section, run: () => Promise<T>): Promise<T | undefined> => {
    if (!chosen.includes(name)) return undefined;
    const sectionStart = Date.now();
    try {
      return await run();
    } catch (error) {
      console.log(`  NOT MEASURED  ${name}: ${errorMessage(error)}`);
      rows.push({ measure: name, ours: 'error, see above', verdict: 'NOT MEASURED' });
      unmeasured.push(name);
      return undefined;
    } finally {
      console.log(`  (${name}: ${((Date.now() - sectionStart) / 1000).toFixed(1)} s)`);
    }
  };

  rows.push(...((await section('startup', () => measureStartup(bundle))) ?? []));
  const loads = await section('loads', () => measureLoads(bundle));
  if (loads) {
    rows.push(...loads.rows);
    if (!loads.measured) unmeasured.push('loads');
  }
  const memory = await section('memory', () => measureMemory(bundle));
  if (memory) {
    rows.push(...memory.rows);
    if (memory.missing) unmeasured.push(`memory (${memory.missing})`);
  }
  const watcher = await section('watcher', () => measureWatcher(bundle));
  if (watcher) rows.push(...watcher.rows);
  rows.push(...((await section('stages', () => measureStages(bundle)))?.rows ?? []));
  rows.push(...((await section('many', () => measureMany(bundle)))?.rows ?? []));
  rows.push(...((await section('express', () => measureExpress(bundle)))?.rows ?? []));

  if (memory?.calls || watcher?.calls) {
    console.log('\n## ECS calls of one deploy (register, update, wait until COMPLETED), for the README');
    console.log(callsTable(memory?.calls, watcher?.calls));
  }
  console.log(`\n## Summary (${((Date.now() - startedAt) / 1000).toFixed(0)} s)\n`);
  console.log(table(rows));
  console.log(`\nRatio: ours ÷ reference. Times are medians; the watcher's reference is ${REFERENCE_WATCHER}.`);
  if (unmeasured.length > 0) {
    console.log(`\nNot measured: ${unmeasured.join('; ')}.`);
    return 1;
  }
  if (chosen.length === SECTIONS.length) {
    writeFigures(root, commit, rows, loads?.loaded ?? [], memory?.calls, watcher?.calls);
    console.log(`\nwrote ${BENCH_FILE}; npm run generate puts its figures into the docs.`);
  }
  return 0;
}

/** The figures of a complete run, with when, where and against what they were measured, for docs/bench.md. */
function writeFigures(
  root: string,
  commit: string,
  rows: readonly Row[],
  loaded: readonly LoadedBytes[],
  memory: Map<string, number> | undefined,
  watcher: Map<string, number> | undefined,
): void {
  const cpu = cpus();
  const operations = [...new Set([...(memory?.keys() ?? []), ...(watcher?.keys() ?? [])])];
  const figures: BenchFigures = {
    date: new Date().toISOString(),
    commit,
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? 'unknown',
      memoryMb: Math.round(totalmem() / 2 ** 20),
      platform: `${process.platform}/${process.arch}`,
      node: process.version,
    },
    reference: REFERENCE_WATCHER,
    rows: rows.map((row) => ({ ...row })),
    loaded: [...loaded],
    calls: operations.map((operation) => ({ operation, memoryDeploy: memory?.get(operation) ?? 0, watcherDeploy: watcher?.get(operation) ?? 0 })),
    memoryRolloutSeconds: MEMORY_ROLLOUT_MS / 1000,
    watcherRolloutSeconds: (ROLLOUTS_MS[0] ?? 0) / 1000,
  };
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, BENCH_FILE), `${JSON.stringify(figures, null, 2)}\n`);
}

/** HEAD, marked when the working tree differs from it (the bench runs what is built, committed or not). */
function gitCommit(root: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'dist', 'package.json'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

/** A Markdown table of calls per operation, for the memory section's deploy and the watcher section's. */
function callsTable(memory: Map<string, number> | undefined, watcher: Map<string, number> | undefined): string {
  const operations = [...new Set([...(memory?.keys() ?? []), ...(watcher?.keys() ?? [])])];
  const cell = (calls: Map<string, number> | undefined, operation: string): string => (calls ? String(calls.get(operation) ?? 0) : 'n/a');
  return [
    `| ECS operation | Calls, memory deploy (${MEMORY_ROLLOUT_MS / 1000} s rollout) | Calls, watcher deploy (${ROLLOUTS_MS[0] / 1000} s rollout) |`,
    '|---|---|---|',
    ...operations.map((operation) => `| \`${operation}\` | ${cell(memory, operation)} | ${cell(watcher, operation)} |`),
  ].join('\n');
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
