// Injected failures: throttling, bursts of 5xx, slow answers, and ECS's own rate limits.
import { RateLimiter } from './rate-limits.js';

export interface Faults {
  /** Every Nth call (counted from setFaults) answers ThrottlingException. */
  throttleEvery?: number;
  /** This share of calls (0..1), picked by a seeded generator, answers ThrottlingException. */
  throttleShare?: number;
  /** After `after` calls, the next `count` calls answer ServerException (HTTP 500). */
  serverErrorBurst?: { after: number; count: number };
  /** Every answer waits this long. */
  latencyMs?: number;
  /** Apply the faults above to these operations only (the others are not counted either). Default: all. */
  operations?: readonly string[];
  /** Throttle as ECS does, by per-category token buckets (ECS-NOTES.md's table), on the stand-in's clock. */
  rateLimits?: boolean;
  /** Seed for throttleShare. Default 1. */
  seed?: number;
}

export type Fault = 'throttle' | 'server-error';

export class FaultInjector {
  private faults: Faults = {};
  private counted = 0;
  private random: () => number = seeded(1);
  private limiter: RateLimiter | undefined;

  set(faults: Faults, now: number): void {
    this.faults = { ...faults };
    this.counted = 0;
    this.random = seeded(faults.seed ?? 1);
    this.limiter = faults.rateLimits ? new RateLimiter(now) : undefined;
  }

  latencyFor(operation: string): number {
    return this.applies(operation) ? (this.faults.latencyMs ?? 0) : 0;
  }

  decide(operation: string, now: number): Fault | undefined {
    if (!this.applies(operation)) return undefined;
    const call = ++this.counted;
    const { serverErrorBurst: burst, throttleEvery, throttleShare } = this.faults;
    if (burst && call > burst.after && call <= burst.after + burst.count) return 'server-error';
    if (throttleEvery && call % throttleEvery === 0) return 'throttle';
    if (throttleShare && this.random() < throttleShare) return 'throttle';
    if (this.limiter && !this.limiter.take(operation, now)) return 'throttle';
    return undefined;
  }

  private applies(operation: string): boolean {
    return this.faults.operations === undefined || this.faults.operations.includes(operation);
  }
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
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
