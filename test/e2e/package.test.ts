// What npm publishes: the files `npm install -g` and `npx` get, and that they run on their own: the bundle is
// self-contained, so the package has no dependencies and installs from its tarball with no registry at all.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, lstat, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INPUTS } from '../../src/inputs/schema.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'release',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'release',
  GIT_COMMITTER_EMAIL: 'release@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

interface PackedFile {
  path: string;
  mode: number;
}

interface PackResult {
  filename: string;
  files: PackedFile[];
}

interface PackageJson {
  version: string;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  bundleDependencies?: unknown;
  bundledDependencies?: unknown;
}

/** npm pack without lifecycle scripts and without asking the registry anything. */
function npmPack(args: string[]): PackResult {
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  const [result] = JSON.parse(out) as PackResult[];
  if (!result) throw new Error(`npm pack printed no result: ${out}`);
  return result;
}

/** node on a script with nothing but PATH and a HOME of its own: no NODE_PATH, no AWS, no CI variables. */
function node(script: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [script, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: cwd, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
  });
}

describe('the npm package', () => {
  let packageJson: PackageJson;
  let listed: PackedFile[];

  beforeAll(async () => {
    packageJson = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
    listed = npmPack(['--dry-run']).files;
  });

  test('holds all of dist/, action.yml, templates/, LICENSE, README.md and package.json', async () => {
    const paths = listed.map((file) => file.path);
    const dist = (await readdir(join(ROOT, 'dist'))).map((name) => `dist/${name}`);
    const templates = (await readdir(join(ROOT, 'templates'))).map((name) => `templates/${name}`);
    expect(dist).toContain('dist/index.js');
    expect(dist.filter((path) => /^dist\/\d+\.index\.js$/.test(path)).length, 'the bundle has lazily loaded chunks').toBeGreaterThan(0);
    expect(paths).toEqual(expect.arrayContaining([...dist, ...templates, 'action.yml', 'LICENSE', 'README.md', 'package.json']));
  });

  test('holds nothing from src/, test/, scripts/, .github/ or the working files', () => {
    const stray = listed.map((file) => file.path).filter((path) => /^(src|test|scripts|\.github|\.tmp|node_modules|examples)\//.test(path) || /^\./.test(path));
    expect(stray).toEqual([]);
    expect(listed.map((file) => file.path).filter((path) => path.endsWith('.ts'))).toEqual([]);
  });

  test('bin ecs-deliver is dist/index.js, executable, starting with a node shebang', async () => {
    expect(packageJson.bin).toEqual({ 'ecs-deliver': 'dist/index.js' });
    const text = await readFile(join(ROOT, 'dist/index.js'), 'utf8');
    expect(text.split('\n')[0]).toBe('#!/usr/bin/env node');
    const entry = listed.find((file) => file.path === 'dist/index.js');
    expect((entry?.mode ?? 0) & 0o111, 'dist/index.js is packed executable').not.toBe(0);
  });

  describe('unpacked on its own, as npx runs it', () => {
    let dir = '';
    let bin = '';
    let tarball = '';
    let packed: PackageJson;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ecs-deliver-pack-'));
      const tarballs = join(dir, 'tarballs');
      await mkdir(tarballs);
      const { filename } = npmPack(['--pack-destination', tarballs]);
      tarball = join(tarballs, filename);
      execFileSync('tar', ['-xzf', tarball, '-C', dir]);
      bin = join(dir, 'package', packageJson.bin['ecs-deliver'] ?? '');
      packed = JSON.parse(await readFile(join(dir, 'package', 'package.json'), 'utf8')) as PackageJson;
    });

    afterAll(async () => {
      if (dir !== '') await rm(dir, { recursive: true, force: true });
    });

    test('the packed package.json names no dependency of any kind', () => {
      expect(packed.version).toBe(packageJson.version);
      expect(packed.dependencies ?? {}).toEqual({});
      expect(packed.optionalDependencies ?? {}).toEqual({});
      expect(packed.peerDependencies ?? {}).toEqual({});
      expect(packed.bundleDependencies ?? packed.bundledDependencies ?? []).toEqual([]);
    });

    test('the README installs the tarball a release carries under the name npm pack gives it', async () => {
      const documented = (await readFile(join(ROOT, 'README.md'), 'utf8')).split('\n').find((line) => /^npm install -g https:/.test(line));
      expect(documented).toBe(`npm install -g https://github.com/ecs-deliver/ecs-deliver/releases/download/v${packageJson.version}/${tarball.slice(tarball.lastIndexOf('/') + 1)}`);
    });

    test('npm install -g of the tarball works offline with an empty cache, and the installed command runs', async () => {
      const prefix = join(dir, 'global');
      const install = spawnSync(
        'npm',
        ['install', '--global', '--prefix', prefix, '--offline', '--cache', join(dir, 'empty-cache'), '--ignore-scripts', '--no-audit', '--no-fund', tarball],
        { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, npm_config_update_notifier: 'false' } },
      );
      expect(install.status, install.stdout + install.stderr).toBe(0);
      const installed = await filesUnder(join(prefix, 'lib', 'node_modules'));
      expect(installed.filter((path) => !path.startsWith('ecs-deliver/')), 'nothing but the package was installed').toEqual([]);
      const run = spawnSync(join(prefix, 'bin', 'ecs-deliver'), ['--version'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' } });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(`${packageJson.version}\n`);
    });

    test('npm install -g from a git tag (a local git URL stands in for the release tag) installs a command that runs', async () => {
      // The repository at a tag, as the working tree has it: npm clones it, and prepares it (installing every
      // development package, then linking a clone it deletes) only when package.json has a build-like script.
      const repo = join(dir, 'repo');
      const git = (args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: GIT_ENV });
      await mkdir(repo);
      git(['init', '--quiet']);
      const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter((path) => path !== '');
      for (const path of tracked) {
        await mkdir(dirname(join(repo, path)), { recursive: true });
        await copyFile(join(ROOT, path), join(repo, path)).catch(() => undefined);
      }
      git(['add', '--all']);
      git(['commit', '--quiet', '--message', 'release']);
      git(['tag', `v${packageJson.version}`]);
      // The README's command, with the repository at hand for GitHub and the install kept in a directory of its own.
      const documented = (await readFile(join(ROOT, 'README.md'), 'utf8')).split('\n').find((line) => line.startsWith('npm install -g github:'));
      expect(documented).toBe(`npm install -g github:ecs-deliver/ecs-deliver#v${packageJson.version}`);
      const args = (documented ?? '').replace('github:ecs-deliver/ecs-deliver', `git+file://${repo}`).split(' ').slice(1);
      const prefix = join(dir, 'global-git');
      const install = spawnSync(
        'npm',
        [...args, '--prefix', prefix, '--offline', '--cache', join(dir, 'git-cache'), '--no-audit', '--no-fund'],
        { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, npm_config_update_notifier: 'false', ...GIT_ENV } },
      );
      expect(install.status, install.stdout + install.stderr).toBe(0);
      const installed = join(prefix, 'lib', 'node_modules', 'ecs-deliver');
      expect((await lstat(installed)).isSymbolicLink(), 'installed as files, not a link to a clone npm removes').toBe(false);
      const run = spawnSync(join(prefix, 'bin', 'ecs-deliver'), ['--version'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' } });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(`${packageJson.version}\n`);
    });

    test('the tarball is what the dry run listed, without node_modules', async () => {
      expect(await readdir(dir)).toEqual(expect.arrayContaining(['package', 'tarballs']));
      const unpacked = await filesUnder(join(dir, 'package'));
      expect(unpacked.sort()).toEqual(listed.map((file) => file.path).sort());
    });

    test('--version prints the package version', () => {
      const run = node(bin, ['--version'], dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(`${packageJson.version}\n`);
    });

    test('the shebang runs it directly', () => {
      const run = spawnSync(bin, ['--version'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' } });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(`${packageJson.version}\n`);
    });

    test('--help lists every input', () => {
      const run = node(bin, ['--help'], dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^ecs-deliver ${packageJson.version.replace(/\./g, '\\.')}\n`));
      for (const input of INPUTS) expect(run.stdout).toContain(input.secret ? `--${input.name}-stdin` : `--${input.name} `);
    });

    test('a dry run loads the rest of the bundle from those files alone', () => {
      const run = node(bin, ['--family', 'web', '--image', 'nginx:1.27', '--memory', '128', '--dry-run', '--verify-image', 'false'], dir, { AWS_REGION: 'us-east-1' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain('"image": "nginx:1.27"');
      expect(run.stdout).toContain('Dry run: nothing was changed.');
    });

    test('bad input still exits 2 with one clear line', () => {
      const run = node(bin, ['--bogus', '1'], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('error: unknown flag --bogus; run with --help to list the inputs.\n');
    });
  });
});

async function filesUnder(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesUnder(root, path)));
    else out.push(path);
  }
  return out;
}
