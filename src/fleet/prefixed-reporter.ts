// Each service's lines in a run of many services, prefixed by cluster/service so interleaved lines stay readable.
// Groups become a plain title line: collapsible sections of services running side by side would nest wrongly.
import type { Reporter } from '../report.js';

export function prefixedReporter(inner: Reporter, prefix: string): Reporter {
  const tag = (line: string): string =>
    line
      .split('\n')
      .map((part) => `[${prefix}] ${part}`)
      .join('\n');
  return {
    info: (line) => inner.info(tag(line)),
    warn: (line) => inner.warn(tag(line)),
    error: (line) => inner.error(tag(line)),
    group: async (title, body) => {
      inner.info(tag(`── ${title}`));
      return body();
    },
    mask: (secret) => inner.mask(secret),
    // The run's one progress line names each service's wait by its prefix.
    ...(inner.waiting ? { waiting: (label: string, timeLeft: () => number) => inner.waiting!(`[${prefix}] ${label}`, timeLeft) } : {}),
  };
}
