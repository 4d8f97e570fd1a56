// The job image without an engine that can RUN: read the Dockerfile, lay out in a temp dir what its COPY and
// RUN lines put in the image (the bundle, the package metadata and the ecs-deliver wrapper), and run it the ways
// the image is run: its ENTRYPOINT, the wrapper, and a GitLab job script calling `ecs-deliver`.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions in order: comments and blank lines dropped, continuation lines joined. */
function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (pending === '' && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const whole = (pending + line).trim();
    pending = '';
    const keyword = whole.split(/\s+/)[0] ?? '';
    instructions.push({ keyword: keyword.toUpperCase(), args: whole.slice(keyword.length).trim() });
  }
  return instructions;
}

/** The instructions of the last stage, FROM included. */
function finalStage(instructions: readonly Instruction[]): Instruction[] {
  const start = instructions.map((i) => i.keyword).lastIndexOf('FROM');
  return instructions.slice(Math.max(start, 0));
}

/** Whether .dockerignore keeps `path` (relative to the context) in the build context. */
function keptByDockerignore(patterns: readonly string[], path: string): boolean {
  const target = path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  let kept = true;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw).replace(/^\/+/, '').replace(/\/+$/, '');
    const source = pattern
      .split('**')
      .map((part) => escapeRegExp(part).replace(/\\\*/g, '[^/]*').replace(/\\\?/g, '[^/]'))
      .join('.*');
    // A pattern that matches a directory covers what is inside it.
    if (new RegExp(`^${source}(/.*)?$`).test(target)) kept = negated;
  }
  return kept;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function words(args: string): string[] {
  return args.split(/\s+/).filter((word) => word !== '');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const dockerfile = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
const stage = finalStage(dockerfile);
const dockerignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

/** The last value of an instruction in the final stage. */
function last(keyword: string): string | undefined {
  return stage.filter((i) => i.keyword === keyword).pop()?.args;
}

describe('the job image Dockerfile', () => {
  test('runs on node 24', () => {
    const [from = ''] = words(stage[0]?.args ?? '').filter((word) => !word.startsWith('--'));
    expect(stage[0]?.keyword).toBe('FROM');
    expect(from).toMatch(/^(docker\.io\/(library\/)?)?node:24([.-]|$)/);
  });

  test('runs as a user other than root', () => {
    const user = last('USER');
    expect(user, 'the final stage sets USER').toBeDefined();
    const [name = ''] = (user ?? '').split(':');
    expect(['root', '0', '']).not.toContain(name);
    // USER comes after every RUN, so nothing after it needs root.
    const keywords = stage.map((i) => i.keyword);
    expect(keywords.lastIndexOf('USER')).toBeGreaterThan(keywords.lastIndexOf('RUN'));
  });

  test('its COPY sources are in the build context .dockerignore leaves, and readable by that user', () => {
    const sources = stage
      .filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) => words(i.args).filter((word) => !word.startsWith('--')).slice(0, -1));
    expect(sources).toEqual(expect.arrayContaining(['package.json']));
    for (const outside of ['src/index.ts', 'test/e2e', 'node_modules/yaml/package.json', '.git/config']) {
      expect(keptByDockerignore(dockerignore, outside), `${outside} stays out of the build context`).toBe(false);
    }
    for (const source of sources) {
      expect(keptByDockerignore(dockerignore, source), `${source} is kept by .dockerignore`).toBe(true);
      const path = join(ROOT, source);
      expect(existsSync(path), `${source} exists`).toBe(true);
      for (const file of statSync(path).isDirectory() ? filesUnder(path) : [path]) {
        expect(statSync(file).mode & 0o004, `${file} is readable by others`).not.toBe(0);
      }
    }
  });
});

describe('the job image layout, recreated', () => {
  let root = '';
  let entrypoint: string[] = [];
  let wrapper = '';
  let wrapperText = '';
  const env: Record<string, string> = {};
  let home = '';

  /** A path inside the image, placed under the temp root. */
  const inImage = (path: string): string => join(root, path);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ecs-deliver-job-image-'));
    let workdir = '/';
    const installed = new Set<string>();
    for (const { keyword, args } of stage) {
      if (keyword === 'WORKDIR') {
        workdir = posix.resolve(workdir, args);
        mkdirSync(inImage(workdir), { recursive: true });
      } else if (keyword === 'COPY' && !args.includes('--from=')) {
        const parts = words(args).filter((word) => !word.startsWith('--'));
        const destination = posix.resolve(workdir, parts[parts.length - 1] ?? '.');
        for (const source of parts.slice(0, -1)) {
          const from = join(ROOT, source);
          // A directory's contents go into the destination; a file goes into it by name.
          const to = statSync(from).isDirectory() ? inImage(destination) : inImage(posix.join(destination, basename(source)));
          mkdirSync(statSync(from).isDirectory() ? to : dirname(to), { recursive: true });
          cpSync(from, to, { recursive: true });
        }
        installed.add(workdir);
      } else if (keyword === 'RUN') {
        const written = /printf\s+'([^']*)'\s*>\s*(\S+)/.exec(args);
        if (!written) continue;
        const [, format = '', target = ''] = written;
        wrapper = target;
        // The real printf, so the escapes mean what they mean in the image's shell.
        wrapperText = spawnSync('printf', [format], { encoding: 'utf8' }).stdout;
        // Paths into the copied files point into the temp root instead.
        const copied = [...installed].map(escapeRegExp).join('|');
        const local = copied === '' ? wrapperText : wrapperText.replace(new RegExp(`(${copied})/`, 'g'), (dir: string) => inImage(dir));
        mkdirSync(dirname(inImage(target)), { recursive: true });
        writeFileSync(inImage(target), local);
        const mode = new RegExp(`chmod\\s+(\\d+)\\s+${escapeRegExp(target)}`).exec(args)?.[1];
        if (mode !== undefined) chmodSync(inImage(target), parseInt(mode, 8));
      } else if (keyword === 'ENV') {
        for (const pair of words(args)) {
          const eq = pair.indexOf('=');
          if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
        }
      } else if (keyword === 'ENTRYPOINT') {
        entrypoint = JSON.parse(args) as string[];
      }
    }
    home = inImage(workdir);
    mkdirSync(home, { recursive: true });
  });

  afterAll(() => {
    if (root !== '') rmSync(root, { recursive: true, force: true });
  });

  /** Runs as the image does: PATH with the wrapper's directory and node, HOME the last WORKDIR, the image's ENV. */
  function run(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
    const path = [wrapper === '' ? '' : inImage(dirname(wrapper)), dirname(process.execPath), '/usr/bin', '/bin'].filter((p) => p !== '').join(':');
    return spawnSync(command, args, {
      cwd: options.cwd ?? home,
      encoding: 'utf8',
      env: { PATH: path, HOME: home, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env, ...options.env },
    });
  }

  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  test('the ENTRYPOINT is node on the copied bundle, and prints the version', () => {
    const [program, script = ''] = entrypoint;
    expect(program).toBe('node');
    expect(existsSync(inImage(script)), `${script} is copied into the image`).toBe(true);
    // The bundle is ESM: the package.json beside it must say so.
    expect(JSON.parse(readFileSync(join(dirname(inImage(script)), '..', 'package.json'), 'utf8'))).toMatchObject({ type: 'module' });
    const out = run(process.execPath, [inImage(script), '--version']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toBe(`${version}\n`);
  });

  test('the ecs-deliver wrapper is on PATH, runs the same bundle, and prints the help', () => {
    expect(posix.basename(wrapper)).toBe('ecs-deliver');
    expect(['/usr/local/bin', '/usr/bin', '/bin']).toContain(posix.dirname(wrapper));
    expect(wrapperText.split('\n')[0]).toBe('#!/bin/sh');
    expect(wrapperText).toContain(`exec node ${entrypoint[1] ?? '?'} "$@"`);
    const out = run('sh', ['-c', 'ecs-deliver --help']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^ecs-deliver ${version.replace(/\./g, '\\.')}\n`));
    expect(out.stdout).toContain('--image <value>');
  });

  test('a GitLab job script `ecs-deliver` dry-runs from ECS_DELIVER_* variables and writes ecs-deliver.env', () => {
    const project = mkdtempSync(join(root, 'builds-'));
    const out = run('sh', ['-c', 'ecs-deliver'], {
      cwd: project,
      env: {
        GITLAB_CI: 'true',
        CI_PROJECT_DIR: project,
        AWS_REGION: 'eu-west-1',
        ECS_DELIVER_FAMILY: 'web',
        ECS_DELIVER_IMAGE: 'registry.example.com/web:abc123',
        ECS_DELIVER_MEMORY: '256',
        ECS_DELIVER_DRY_RUN: 'true',
        ECS_DELIVER_VERIFY_IMAGE: 'false',
        // Inputs the component leaves empty are not set.
        ECS_DELIVER_SERVICE: '',
        ECS_DELIVER_TASK_DEFINITION: '',
      },
    });
    expect(out.status, out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toContain('section_start:');
    expect(out.stdout).toContain('"image": "registry.example.com/web:abc123"');
    expect(out.stdout).toContain('Dry run: nothing was changed.');
    const dotenv = readFileSync(join(project, 'ecs-deliver.env'), 'utf8');
    expect(dotenv).toMatch(/^ECS_DELIVERED_IMAGE=registry\.example\.com\/web:abc123$/m);
    expect(dotenv).toMatch(/^ECS_DELIVERED_DEPLOYMENT_STATUS=SKIPPED$/m);
    expect(dotenv).toMatch(/^ECS_DELIVERED_REGISTERED=false$/m);
  });
});
