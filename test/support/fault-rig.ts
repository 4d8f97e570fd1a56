// The stand-in behind the fault proxy, as the suites on lost, garbled and hanging calls use it: the rig closed when
// its test ends, and a run signalled once the proxy holds a chosen call.
import type { TestContext } from 'vitest';
import { type EcsStandin, type EcsStandinOptions, startEcsStandin } from '../standin/index.js';
import { type FaultProxy, type ProxyCall, startFaultProxy } from './fault-proxy.js';
import type { BundleOptions, BundleRun } from './run-bundle.js';

export interface Rig {
  standin: EcsStandin;
  proxy: FaultProxy;
}

/** A stand-in and the proxy in front of it; tests run concurrently, so each closes its own (the proxy first). */
export async function faultRig(context: TestContext, options: EcsStandinOptions = {}): Promise<Rig> {
  const standin = await startEcsStandin(options);
  const proxy = await startFaultProxy(standin.url);
  context.onTestFinished(async () => {
    await proxy.close();
    await standin.close();
  });
  return { standin, proxy };
}

/** A run that a signal ends, and how long it took from the signal to the exit (NaN when no signal was sent). */
export interface SignalledRun extends BundleRun {
  signalled: boolean;
  msAfterSignal: number;
}

/**
 * Starts a run with `start` and sends it `signal` once the proxy holds a call that `ready` picks, and a moment
 * more for the call to be in flight in the bundle, not only arrived at the proxy.
 */
export async function signalOnProxyCall(
  proxy: FaultProxy,
  ready: (call: ProxyCall) => boolean,
  start: (onStart: NonNullable<BundleOptions['onStart']>) => Promise<BundleRun>,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<SignalledRun> {
  let signalledAt: number | undefined;
  let poller: NodeJS.Timeout | undefined;
  const run = await start((child) => {
    poller = setInterval(() => {
      if (!proxy.calls.some(ready)) return;
      clearInterval(poller);
      setTimeout(() => {
        signalledAt = Date.now();
        child.kill(signal);
      }, 200);
    }, 20);
  });
  clearInterval(poller);
  const endedAt = Date.now();
  return { ...run, signalled: signalledAt !== undefined, msAfterSignal: signalledAt === undefined ? Number.NaN : endedAt - signalledAt };
}
