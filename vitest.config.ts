import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test time is spent waiting on subprocesses and servers, not on the CPU: two files at a time even on two
    // cores (vitest's own default there is one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
