// ECS's request throttling: one token bucket per category of operations, per account and region (ECS-NOTES.md).

interface Limit {
  burst: number;
  refillPerSecond: number;
}

const CATEGORIES: ReadonlyArray<{ operations: readonly string[]; limit: Limit }> = [
  { operations: ['DescribeServices', 'ListServices'], limit: { burst: 100, refillPerSecond: 20 } },
  { operations: ['DescribeTasks', 'ListTasks'], limit: { burst: 100, refillPerSecond: 20 } },
  {
    operations: ['DescribeClusters', 'DescribeTaskDefinition', 'ListTaskDefinitions'],
    limit: { burst: 50, refillPerSecond: 20 },
  },
  {
    operations: ['ListServiceDeployments', 'DescribeServiceDeployments'],
    limit: { burst: 50, refillPerSecond: 20 },
  },
  { operations: ['UpdateService'], limit: { burst: 50, refillPerSecond: 5 } },
  { operations: ['RegisterTaskDefinition'], limit: { burst: 20, refillPerSecond: 1 } },
  { operations: ['DeleteTaskDefinitions'], limit: { burst: 5, refillPerSecond: 1 } },
];

interface Bucket {
  limit: Limit;
  tokens: number;
  refilledAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(now: number) {
    for (const { operations, limit } of CATEGORIES) {
      const bucket = { limit, tokens: limit.burst, refilledAt: now };
      for (const operation of operations) this.buckets.set(operation, bucket);
    }
  }

  /** Takes a token for the call; false means the call is throttled. Operations outside the table are not limited. */
  take(operation: string, now: number): boolean {
    const bucket = this.buckets.get(operation);
    if (!bucket) return true;
    const refill = ((now - bucket.refilledAt) / 1000) * bucket.limit.refillPerSecond;
    bucket.tokens = Math.min(bucket.limit.burst, bucket.tokens + refill);
    bucket.refilledAt = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
