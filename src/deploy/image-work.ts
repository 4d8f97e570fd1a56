// The image work of a run: which images to build, tag, push or check, decided once from the inputs, and the
// access to registries (ECR through the run's AWS session, when there is one) that doing it needs.
import type { AwsSession } from '../aws/clients.js';
import type { EcrApi } from '../aws/ecr.js';
import type { ImageOptions, ImagePlan } from '../image/options.js';
import type { PrepareDeps } from '../image/prepare.js';
import type { Inputs } from '../inputs/parse.js';
import type { Reporter } from '../report.js';

export interface ImageJob {
  options: ImageOptions;
  plan: ImagePlan;
}

export interface ImageWork {
  /** The image the task definition is rendered with; built, tagged, pushed or checked as its plan says. */
  main?: ImageJob;
  /** Images named in `images`: only checked, never built or pushed, so a typo fails before the first pull. */
  others: ImageJob[];
  /** What the main image's work would do, one phrase each ("build . as host/web:1"). */
  steps: string[];
}

/** undefined when the inputs name no image. Plans each image once: the machine checks run here too. */
export async function planImageWork(inputs: Inputs, region: string, env: NodeJS.ProcessEnv): Promise<ImageWork | undefined> {
  if (!inputs.image && inputs.images.size === 0) return undefined;
  const { checkImageOptions, imageWorkLines } = await import('../image/options.js');
  const options: ImageOptions = { ...inputs, region };
  const job = (o: ImageOptions): ImageJob => ({ options: o, plan: checkImageOptions(o, env) });
  const main = inputs.image ? job(options) : undefined;
  return {
    ...(main ? { main } : {}),
    others: [...inputs.images.values()].map((image) => job(verifyOnly(options, image))),
    steps: main ? imageWorkLines(main.options, main.plan) : [],
  };
}

function verifyOnly(options: ImageOptions, image: string): ImageOptions {
  const { buildContext: _context, dockerfile: _dockerfile, target: _target, platform: _platform, sourceImage: _source, ...rest } = options;
  return { ...rest, image, buildArgs: [], push: false, pinDigest: false, createRepository: false };
}

/**
 * What the image modules need to reach registries. ECR clients come from the run's session, one per region on
 * first use; a dry run without credentials has none, and its checks of ECR images say they could not ask.
 */
export function imageAccess(
  session: AwsSession | undefined,
  reporter: Reporter,
  signal: AbortSignal,
  env: NodeJS.ProcessEnv,
): PrepareDeps {
  if (!session) {
    const unreachable = async (): Promise<never> => {
      throw new Error('no AWS credentials to ask ECR with');
    };
    const ecr = (): EcrApi => ({ getAuthorizationToken: unreachable, describeImage: unreachable, createRepositoryIfMissing: unreachable });
    return { ecr, ecrPublicToken: unreachable, reporter, signal, env };
  }
  const ecrClients = new Map<string, EcrApi>();
  const ecr = async (region: string): Promise<EcrApi> => {
    const known = ecrClients.get(region);
    if (known) return known;
    const { ecrApiFor } = await import('../aws/ecr-session.js');
    const api = ecrApiFor(session, region);
    ecrClients.set(region, api);
    return api;
  };
  const ecrPublicToken = async () => {
    const { ecrPublicClientFor, ecrPublicToken: token } = await import('../aws/ecr-public.js');
    return token(ecrPublicClientFor(session), session.options.signal);
  };
  return { ecr: lazyEcr(ecr), ecrPublicToken, reporter, signal, env };
}

/** The image modules take a synchronous factory; the SDK client behind it is created on first use. */
function lazyEcr(load: (region: string) => Promise<EcrApi>): (region: string) => EcrApi {
  return (region) => ({
    getAuthorizationToken: async () => (await load(region)).getAuthorizationToken(),
    describeImage: async (...args) => (await load(region)).describeImage(...args),
    createRepositoryIfMissing: async (...args) => (await load(region)).createRepositoryIfMissing(...args),
  });
}
