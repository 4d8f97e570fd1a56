// SIGTERM while the container client builds: the bundle ends the client's whole process group, also when the
// client ignores SIGTERM and a helper of its holds the output pipes, and exits 143 with nothing registered.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { awsEnv, createCluster, ecsClient, revisionsOf } from '../support/moto-ecs.js';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';
import { runBundle } from '../support/run-bundle.js';

const skip = motoMissing();

/** Whether pid still runs; a killed process not yet reaped by its new parent (a zombie) does not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe.skipIf(skip)('a cancel during a build', () => {
  let moto: MotoServer;
  let ecs: ECSClient;
  let dir = '';

  beforeAll(async () => {
    moto = await startMoto();
    ecs = ecsClient(moto.url);
    await createCluster(ecs, 'default');
    dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-cancel-'));
    mkdirSync(join(dir, 'context'));
    writeFileSync(join(dir, 'context', 'Dockerfile'), 'FROM scratch\n');
  });
  afterAll(async () => {
    await moto?.stop();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  test('ends a client that ignores SIGTERM, and its helper, and exits 143 with nothing registered', async () => {
    const pids = join(dir, 'pids');
    const client = join(dir, 'stubborn-docker');
    writeFileSync(
      client,
      ['#!/bin/sh', 'if [ "$1" != build ]; then exit 0; fi', "trap '' TERM", 'sleep 60 &', `echo "$$ $!" > ${pids}`, 'echo building', 'wait', ''].join('\n'),
    );
    chmodSync(client, 0o755);

    let sent = false;
    const run = await runBundle({
      args: ['--build-context', join(dir, 'context'), '--image', 'localhost:5000/web:1', '--push', 'false', '--registry-auth', 'none'],
      env: { ...awsEnv(moto.url), ECS_DELIVER_FAMILY: 'web', ECS_DELIVER_MEMORY: '128', ECS_DELIVER_DOCKER_COMMAND: client, ECS_DELIVER_VERIFY_IMAGE: 'false' },
      onStart: (child) =>
        child.stdout?.on('data', (chunk: Buffer) => {
          if (!sent && chunk.toString().includes('building')) {
            sent = true;
            child.kill('SIGTERM');
          }
        }),
      timeoutMs: 20_000,
    });

    expect(sent, run.log).toBe(true);
    expect(run.signal, 'the run ended by itself, before the test gave up on it').toBeNull();
    expect(run.code, run.log).toBe(143);
    expect(run.log).toContain('SIGTERM received: stopping.');
    const [clientPid = 0, helperPid = 0] = readFileSync(pids, 'utf8').trim().split(' ').map(Number);
    expect(alive(clientPid), 'the client is gone').toBe(false);
    expect(alive(helperPid), 'its helper is gone').toBe(false);
    expect(await revisionsOf(ecs, 'web')).toEqual([]);
  }, 30_000);
});
