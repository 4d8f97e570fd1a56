// Argument arrays for the container client (docker and podman take the same ones), and what its output tells.

export interface BuildSpec {
  context: string;
  dockerfile?: string;
  buildArgs: readonly (readonly [string, string])[];
  target?: string;
  platform?: string;
  tag: string;
}

export function buildArgs(spec: BuildSpec): string[] {
  return [
    'build',
    ...(spec.dockerfile !== undefined ? ['--file', spec.dockerfile] : []),
    ...spec.buildArgs.flatMap(([key, value]) => ['--build-arg', `${key}=${value}`]),
    ...(spec.target !== undefined ? ['--target', spec.target] : []),
    ...(spec.platform !== undefined ? ['--platform', spec.platform] : []),
    '--tag',
    spec.tag,
    spec.context,
  ];
}

export function tagArgs(source: string, target: string): string[] {
  return ['tag', source, target];
}

export function pushArgs(reference: string): string[] {
  return ['push', reference];
}

/** The password goes to stdin: it is never an argument. */
export function loginArgs(registry: string, username: string): string[] {
  return ['login', '--username', username, '--password-stdin', registry];
}

/** The digest `docker push` prints last ("1.2: digest: sha256:... size: 528"); podman prints none. */
export function pushedDigestFromOutput(output: string): string | undefined {
  const matches = [...output.matchAll(/digest: (sha256:[0-9a-f]{64})/g)];
  return matches.at(-1)?.[1];
}
