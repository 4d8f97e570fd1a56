// Task-level cpu and memory: the forms ECS takes, and the cpu/memory pairs Fargate runs. The one table of
// Fargate sizes: error messages point here, so a new size is added in this file alone.
import { InputError } from '../errors.js';
import { cpuUnits, memoryMiB } from './task-size.js';

export const FARGATE_SIZES_FILE = 'src/taskdef/fargate-sizes.ts';

interface FargateCpu {
  cpu: number;
  /** Memory in MiB: from, to and step. */
  memory: { from: number; to: number; step: number } | readonly number[];
}

/** AWS Fargate task sizes (Linux), CPU units → memory in MiB. */
export const FARGATE_SIZES: readonly FargateCpu[] = [
  { cpu: 256, memory: [512, 1024, 2048] },
  { cpu: 512, memory: { from: 1024, to: 4096, step: 1024 } },
  { cpu: 1024, memory: { from: 2048, to: 8192, step: 1024 } },
  { cpu: 2048, memory: { from: 4096, to: 16_384, step: 1024 } },
  { cpu: 4096, memory: { from: 8192, to: 30_720, step: 1024 } },
  { cpu: 8192, memory: { from: 16_384, to: 61_440, step: 4096 } },
  { cpu: 16_384, memory: { from: 32_768, to: 122_880, step: 8192 } },
];

/** Task cpu in CPU units ("256", "1 vCPU", "0.25 vcpu"), or undefined when it is in neither form. */
export function taskCpuUnits(cpu: string): number | undefined {
  const units = cpuUnits(cpu.trim());
  return /^\d+$/.test(units) && Number(units) > 0 ? Number(units) : undefined;
}

/** Task memory in MiB ("512", "2 GB", "0.5GB"), or undefined when it is in neither form. */
export function taskMemoryMiB(memory: string): number | undefined {
  const mib = memoryMiB(memory.trim());
  return /^\d+$/.test(mib) && Number(mib) > 0 ? Number(mib) : undefined;
}

export function fargateMemoryFor(cpu: number): readonly number[] | undefined {
  const size = FARGATE_SIZES.find((entry) => entry.cpu === cpu);
  if (!size) return undefined;
  if (Array.isArray(size.memory)) return size.memory as readonly number[];
  const { from, to, step } = size.memory as { from: number; to: number; step: number };
  const values: number[] = [];
  for (let mib = from; mib <= to; mib += step) values.push(mib);
  return values;
}

/**
 * Checks the forms of task cpu and memory and, for Fargate, that they make a size Fargate runs.
 * `label` names where they come from, such as "task-cpu" or "web.json: cpu".
 */
export function checkTaskSize(
  size: { cpu?: string; memory?: string },
  fargate: boolean,
  labels: { cpu: string; memory: string },
): void {
  const cpu = size.cpu === undefined ? undefined : taskCpuUnits(size.cpu);
  if (size.cpu !== undefined && cpu === undefined) {
    throw new InputError(`${labels.cpu}: "${size.cpu}" is not a task CPU; write CPU units (256, 1024) or vCPU (0.25 vCPU, 1 vCPU).`);
  }
  const memory = size.memory === undefined ? undefined : taskMemoryMiB(size.memory);
  if (size.memory !== undefined && memory === undefined) {
    throw new InputError(`${labels.memory}: "${size.memory}" is not a task memory; write MiB (512, 2048) or GB (0.5 GB, 2 GB).`);
  }
  if (!fargate) return;
  if (cpu === undefined || memory === undefined) {
    const missing = cpu === undefined ? labels.cpu : labels.memory;
    throw new InputError(`${missing}: Fargate needs a task cpu and memory; set one of the sizes listed in ${FARGATE_SIZES_FILE}.`);
  }
  const memoryOptions = fargateMemoryFor(cpu);
  if (!memoryOptions) {
    const cpus = FARGATE_SIZES.map((entry) => entry.cpu).join(', ');
    throw new InputError(`${labels.cpu}: Fargate runs no task of ${cpu} CPU units; use one of ${cpus} (see ${FARGATE_SIZES_FILE}).`);
  }
  if (!memoryOptions.includes(memory)) {
    const range = `${memoryOptions[0]}..${memoryOptions.at(-1)} MiB`;
    throw new InputError(
      `${labels.memory}: Fargate runs ${cpu} CPU units with ${range} in the steps listed in ${FARGATE_SIZES_FILE}, not ${memory} MiB; pick a pair from there.`,
    );
  }
}
