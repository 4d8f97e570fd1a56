// SIGTERM while the container client builds: the bundle ends the client's whole process group, also when the
// client ignores SIGTERM and a helper of its holds the output pipes, and exits 143 with nothing registered.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSuite } from '../support/moto-suite.js';
import { awsEnv, revisionsOf } from '../support/moto-ecs.js';
import { motoMissing } from '../support/moto-server.js';
import { alive } from '../support/processes.js';
import { runBundle, signalWhenPrinted } from '../support/run-bundle.js';

const skip = motoMissing();

describe.skipIf(skip)('a cancel during a build', () => {
  const suite = buildSuite('ecs-deliver-cancel-');

  test('ends a client that ignores SIGTERM, and its helper, and exits 143 with nothing registered', async () => {
    const pids = join(suite.dir, 'pids');
    const client = join(suite.dir, 'stubborn-docker');
    writeFileSync(
      client,
      ['#!/bin/sh', 'if [ "$1" != build ]; then exit 0; fi', "trap '' TERM", 'sleep 60 &', `echo "$$ $!" > ${pids}`, 'echo building', 'wait', ''].join('\n'),
    );
    chmodSync(client, 0o755);

    const signal = signalWhenPrinted('building');
    const run = await runBundle({
      args: ['--build-context', suite.context, '--image', 'localhost:5000/web:1', '--push', 'false', '--registry-auth', 'none'],
      env: { ...awsEnv(suite.moto.url), ECS_DELIVER_FAMILY: 'web', ECS_DELIVER_MEMORY: '128', ECS_DELIVER_DOCKER_COMMAND: client, ECS_DELIVER_VERIFY_IMAGE: 'false' },
      onStart: signal.onStart,
      timeoutMs: 20_000,
    });

    expect(signal.sent(), run.log).toBe(true);
    expect(run.signal, 'the run ended by itself, before the test gave up on it').toBeNull();
    expect(run.code, run.log).toBe(143);
    expect(run.log).toContain('SIGTERM received: stopping.');
    const [clientPid = 0, helperPid = 0] = readFileSync(pids, 'utf8').trim().split(' ').map(Number);
    expect(alive(clientPid), 'the client is gone').toBe(false);
    expect(alive(helperPid), 'its helper is gone').toBe(false);
    expect(await revisionsOf(suite.ecs, 'web')).toEqual([]);
  }, 30_000);
});
