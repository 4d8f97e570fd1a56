import type { CircuitBreakerConfig } from './model.js';

/**
 * How many failed tasks trip the breaker: by default half the desired count rounded up, bounded to 3..200;
 * a service may set its own (`thresholdConfiguration`).
 */
export function failureThreshold(desiredCount: number, config: CircuitBreakerConfig): number {
  const threshold = config.thresholdConfiguration;
  if (threshold?.type === 'COUNT') return Math.max(1, Math.round(threshold.value));
  const percent = threshold?.value ?? 50;
  const raw = Math.ceil((desiredCount * percent) / 100);
  return threshold?.type === 'UNBOUNDED_PERCENT' ? Math.max(1, raw) : Math.min(200, Math.max(3, raw));
}
