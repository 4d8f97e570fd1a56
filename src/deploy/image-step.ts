// The build/push/verify step of a run, built from the inputs and the run's AWS session.
import type { AwsSession } from '../aws/clients.js';
import type { EcrApi } from '../aws/ecr.js';
import type { Inputs } from '../inputs/parse.js';
import type { Reporter } from '../report.js';
import type { ImageOptions } from '../image/options.js';
import type { ImageStep } from './deliver.js';

export function imageOptionsFrom(inputs: Inputs, region: string): ImageOptions {
  const options: ImageOptions = {
    image: inputs.image,
    buildArgs: inputs.buildArgs,
    pinDigest: inputs.pinDigest,
    verifyImage: inputs.verifyImage,
    dockerCommand: inputs.dockerCommand,
    registryAuth: inputs.registryAuth,
    createRepository: inputs.createRepository,
    dryRun: inputs.dryRun,
  };
  if (inputs.push !== undefined) options.push = inputs.push;
  const text: [keyof ImageOptions & string, string][] = [
    ['buildContext', inputs.buildContext],
    ['dockerfile', inputs.dockerfile],
    ['target', inputs.target],
    ['platform', inputs.platform],
    ['sourceImage', inputs.sourceImage],
    ['registryUsername', inputs.registryUsername],
    ['registryPassword', inputs.registryPassword],
    ['region', region],
  ];
  for (const [key, value] of text) if (value !== '') Object.assign(options, { [key]: value });
  return options;
}

/** undefined when the inputs name no image: there is nothing to build, push or verify. */
export function imageStep(
  inputs: Inputs,
  session: AwsSession | undefined,
  reporter: Reporter,
  cancel: AbortSignal,
  env: NodeJS.ProcessEnv,
): ImageStep | undefined {
  if (!inputs.image && inputs.images.size === 0) return undefined;
  const options = imageOptionsFrom(inputs, session?.region ?? inputs.region);
  // Images named in `images` are only checked, never built or pushed: a typo fails here, not at the first pull.
  const others = [...inputs.images.values()].map((image) => verifyOnly(options, image));
  const ecrClients = new Map<string, EcrApi>();
  const ecr = async (region: string): Promise<EcrApi> => {
    if (!session) throw new Error('no AWS credentials to reach ECR');
    const known = ecrClients.get(region);
    if (known) return known;
    const { ecrApiFor } = await import('../aws/ecr-session.js');
    const api = ecrApiFor(session, region);
    ecrClients.set(region, api);
    return api;
  };
  return {
    async check() {
      const { checkImageOptions } = await import('../image/options.js');
      if (options.image) checkImageOptions(options, env);
      for (const other of others) checkImageOptions(other, env);
    },
    async prepare() {
      const { prepareImage } = await import('../image/prepare.js');
      const ecrPublicToken = async () => {
        if (!session) throw new Error('no AWS credentials to reach ECR Public');
        const { ecrPublicClientFor, ecrPublicToken: token } = await import('../aws/ecr-public.js');
        return token(ecrPublicClientFor(session), session.options.signal);
      };
      const deps = { ecr: lazyEcr(ecr), ecrPublicToken, reporter, signal: cancel, env };
      for (const other of others) await prepareImage(deps, other);
      return options.image ? prepareImage(deps, options) : { image: '', pushed: false, pushedNewDigest: false };
    },
  };
}

function verifyOnly(options: ImageOptions, image: string): ImageOptions {
  const { buildContext: _context, dockerfile: _dockerfile, target: _target, platform: _platform, sourceImage: _source, ...rest } = options;
  return { ...rest, image, buildArgs: [], push: false, pinDigest: false, createRepository: false };
}

/** prepareImage takes a synchronous factory; the SDK client behind it is created on first use. */
function lazyEcr(load: (region: string) => Promise<EcrApi>): (region: string) => EcrApi {
  return (region) => ({
    getAuthorizationToken: async () => (await load(region)).getAuthorizationToken(),
    describeImage: async (...args) => (await load(region)).describeImage(...args),
    createRepositoryIfMissing: async (...args) => (await load(region)).createRepositoryIfMissing(...args),
  });
}
