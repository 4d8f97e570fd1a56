// The image inputs, checked before anything runs, and the plan they make: build or tag, push, verify, log in how.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { Inputs } from '../inputs/parse.js';
import { parseEcrHost } from './ecr-host.js';
import { parseImageReference, pushReference, type ImageReference } from './reference.js';
import { findExecutable } from './runner.js';

export type VerifyImage = Inputs['verifyImage'];
export type RegistryAuth = Inputs['registryAuth'];

/**
 * The image inputs as Inputs holds them; the optional ones may be left out (an empty string means the same:
 * not set). `region` is the run's AWS region: used by registry-auth ecr when the registry host names none
 * (aliases, pull-through names).
 */
export type ImageOptions = Pick<
  Inputs,
  'image' | 'buildArgs' | 'pinDigest' | 'verifyImage' | 'dockerCommand' | 'registryAuth' | 'createRepository' | 'dryRun'
> &
  Partial<Pick<Inputs, 'buildContext' | 'dockerfile' | 'target' | 'platform' | 'sourceImage' | 'push' | 'registryUsername' | 'registryPassword' | 'region'>>;

export type LoginPlan =
  | { kind: 'ecr'; region: string }
  /** public.ecr.aws: a token from ECR Public, which lives in us-east-1. */
  | { kind: 'ecr-public' }
  | { kind: 'basic'; username: string; password: string }
  /** The docker client's own login: the user's DOCKER_CONFIG as it is, read only. */
  | { kind: 'client' }
  | { kind: 'none' };

export interface ImagePlan {
  /** Undefined when no image is given: there is nothing to do. */
  ref?: ImageReference;
  build: boolean;
  /** Tag source-image as image. */
  tag: boolean;
  push: boolean;
  /** Check that image exists (nothing is pushed). */
  verify: boolean;
  login: LoginPlan;
}

const BUILD_ONLY = ['dockerfile', 'target', 'platform'] as const;
const BUILD_ARG_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** The decisions the inputs make, without looking at the machine. */
export function planImage(o: ImageOptions): ImagePlan {
  const build = o.buildContext !== undefined && o.buildContext !== '';
  const tag = o.sourceImage !== undefined && o.sourceImage !== '';
  if (build && tag) throw new InputError('build-context and source-image: give one of them, not both');
  for (const name of BUILD_ONLY) {
    if (!build && optionValue(o, name) !== undefined) throw new InputError(`${name}: only used with build-context; set build-context or remove ${name}`);
  }
  if (!build && o.buildArgs.length > 0) throw new InputError('build-args: only used with build-context; set build-context or remove build-args');
  for (const [key] of o.buildArgs) {
    if (!BUILD_ARG_KEY.test(key)) throw new InputError(`build-args: "${key}" is not a build argument name; write lines of KEY=VALUE`);
  }
  const push = o.push ?? (build || tag);
  if (o.image === '') {
    if (build || tag || push) throw new InputError('image: required to build, tag or push; give the reference to push, such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2.3');
    if (o.pinDigest) throw new InputError('pin-digest: needs an image to push; set image, or set pin-digest to false');
    return { build: false, tag: false, push: false, verify: false, login: { kind: 'none' } };
  }
  const ref = parseImageReference(o.image, 'image');
  if (tag) parseImageReference(o.sourceImage ?? '', 'source-image');
  if (push && ref.digest !== undefined) {
    throw new InputError(`image: "${o.image}" names a digest, and a push needs a tag; write repository:tag (pin-digest names the pushed digest)`);
  }
  if (o.pinDigest && !push) throw new InputError('pin-digest: only with a push (build-context, source-image or push: true); set pin-digest to false');
  checkCredentialInputs(o);
  const verify = !push && o.verifyImage !== 'false';
  const login = push || verify ? chooseLogin(o, ref, push) : { kind: 'none' as const };
  if (push && o.createRepository && parseEcrHost(ref.registry)?.public !== false) {
    throw new InputError(`create-repository: only for ECR registries (<account>.dkr.ecr.<region>.amazonaws.com); ${ref.registry} is not one`);
  }
  return { ref, build, tag, push, verify, login };
}

function checkCredentialInputs(o: ImageOptions): void {
  const username = nonEmpty(o.registryUsername);
  const password = nonEmpty(o.registryPassword);
  if (o.registryAuth === 'basic' && (!username || !password)) {
    throw new InputError('registry-auth basic: needs registry-username and registry-password (ECS_DELIVER_REGISTRY_PASSWORD or --registry-password-stdin)');
  }
  if (password && !username) throw new InputError('registry-username: required with registry-password; set the user the password belongs to');
  if (username && !password) {
    throw new InputError('registry-password: required with registry-username; set ECS_DELIVER_REGISTRY_PASSWORD or pass --registry-password-stdin');
  }
  if ((o.registryAuth === 'ecr' || o.registryAuth === 'none') && (username || password)) {
    throw new InputError(`registry-username: not used with registry-auth ${o.registryAuth}; remove it, or set registry-auth basic`);
  }
}

function chooseLogin(o: ImageOptions, ref: ImageReference, push: boolean): LoginPlan {
  const ecrHost = parseEcrHost(ref.registry);
  switch (o.registryAuth) {
    case 'none':
      return { kind: 'none' };
    case 'basic':
      return { kind: 'basic', username: o.registryUsername ?? '', password: o.registryPassword ?? '' };
    case 'ecr':
      if (ecrHost?.public) return { kind: 'ecr-public' };
      if (ecrHost) return { kind: 'ecr', region: ecrHost.region };
      if (!nonEmpty(o.region)) {
        throw new InputError(`registry-auth ecr: ${ref.registry} names no region; set region (or AWS_REGION) to the region of the ECR registry it stands for`);
      }
      return { kind: 'ecr', region: o.region ?? '' };
    case 'auto':
      // Pulls from public.ecr.aws need no login; pushes need an ECR Public token.
      if (ecrHost?.public) return push ? { kind: 'ecr-public' } : { kind: 'none' };
      if (ecrHost) return { kind: 'ecr', region: ecrHost.region };
      if (nonEmpty(o.registryUsername)) return { kind: 'basic', username: o.registryUsername ?? '', password: o.registryPassword ?? '' };
      return { kind: 'client' };
  }
}

/**
 * The preflight: everything planImage checks, plus what the machine must have (the build context, the
 * Dockerfile, the container client). Reads only; changes nothing.
 */
export function checkImageOptions(o: ImageOptions, env: NodeJS.ProcessEnv = process.env): ImagePlan {
  const plan = planImage(o);
  if (plan.build) checkBuildFiles(o);
  if (plan.build || plan.tag || plan.push) checkDockerCommand(o.dockerCommand, env);
  return plan;
}

function checkBuildFiles(o: ImageOptions): void {
  const context = o.buildContext ?? '';
  if (!isDirectory(context)) throw new InputError(`build-context: directory "${context}" not found; give the directory to build in`);
  if (o.dockerfile !== undefined && o.dockerfile !== '') {
    if (!existsSync(o.dockerfile)) throw new InputError(`dockerfile: "${o.dockerfile}" not found; give its path from the working directory`);
  } else if (!['Dockerfile', 'Containerfile'].some((name) => existsSync(join(context, name)))) {
    throw new InputError(`dockerfile: no Dockerfile in build-context "${context}"; add one or set dockerfile`);
  }
}

function checkDockerCommand(command: string, env: NodeJS.ProcessEnv): void {
  if (command.trim() === '') throw new InputError('docker-command: empty; set it to docker or podman');
  if (/\s/.test(command)) {
    throw new InputError(`docker-command: "${command}" is a command line; give one executable such as docker or podman (no sudo, no arguments)`);
  }
  if (findExecutable(command, env) === undefined) {
    throw new InputError(`docker-command: "${command}" was not found on PATH; install it or set docker-command to the client to run`);
  }
}

function optionValue(o: ImageOptions, name: (typeof BUILD_ONLY)[number]): string | undefined {
  const value = { dockerfile: o.dockerfile, target: o.target, platform: o.platform }[name];
  return value === undefined || value === '' ? undefined : value;
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** What the image step would do, one phrase each ("build . as host/web:1"), for the plan. */
export function imageWorkLines(o: ImageOptions, plan: ImagePlan): string[] {
  if (plan.ref === undefined) return [];
  const { ref } = plan;
  const ecrHost = parseEcrHost(ref.registry);
  const target = pushReference(ref);
  const lines: string[] = [];
  if (plan.push && o.createRepository && ecrHost?.public === false) lines.push(`create ECR repository ${ref.repository} in ${ecrHost.region} if it is missing`);
  if (plan.push && (plan.login.kind === 'ecr' || plan.login.kind === 'ecr-public' || plan.login.kind === 'basic')) lines.push(`log in to ${ref.registry} (${describeLogin(plan.login)})`);
  if (plan.build) lines.push(`build ${o.buildContext ?? ''} as ${target}`);
  if (plan.tag) lines.push(`tag ${o.sourceImage ?? ''} as ${target}`);
  if (plan.push) lines.push(`push ${target}${o.pinDigest ? ' and name its digest in the task definition' : ''}`);
  return lines;
}

function describeLogin(login: LoginPlan): string {
  if (login.kind === 'ecr-public') return 'ECR Public token from us-east-1';
  return login.kind === 'ecr' ? `ECR token from ${login.region}` : login.kind === 'basic' ? `as ${login.username}` : login.kind;
}
