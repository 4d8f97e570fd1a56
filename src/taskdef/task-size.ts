// Task-level cpu and memory may be written in vCPU and GB; ECS stores them as CPU units and MiB.

const VCPU = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*vcpu\s*$/i;
const GB = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*gb\s*$/i;

/** "1 vCPU" → "1024", "0.25 vcpu" → "256"; anything else unchanged. */
export function cpuUnits(cpu: string): string {
  return scaled(cpu, VCPU);
}

/** "1 GB" → "1024", "0.5GB" → "512"; anything else unchanged. */
export function memoryMiB(memory: string): string {
  return scaled(memory, GB);
}

function scaled(value: string, unit: RegExp): string {
  const amount = unit.exec(value)?.[1];
  if (amount === undefined) return value;
  const result = Number(amount) * 1024;
  return Number.isInteger(result) ? String(result) : value;
}
