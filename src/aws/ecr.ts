// The ECR calls ecs-deliver makes, behind one small interface so the image steps take it as a parameter and
// tests hand in aws-sdk-client-mock or a plain object.
import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  type ImageIdentifier,
} from '@aws-sdk/client-ecr';
import { errorMessage } from '../errors.js';

export interface EcrAuthorization {
  username: string;
  password: string;
  /** Registry URL with scheme, such as https://123456789012.dkr.ecr.eu-west-1.amazonaws.com. */
  proxyEndpoint: string;
  expiresAt?: Date;
}

export type EcrImageLookup =
  | { found: true; digest: string }
  | { found: false; reason: 'image-not-found' | 'repository-not-found'; message: string };

export interface EcrApi {
  /** One token serves every registry the caller may reach in the client's region. */
  getAuthorizationToken(): Promise<EcrAuthorization>;
  describeImage(repository: string, tagOrDigest: string, registryId?: string): Promise<EcrImageLookup>;
  /** True when it created the repository, false when it was there already. */
  createRepositoryIfMissing(repository: string, registryId?: string): Promise<boolean>;
}

/** `signal` aborts every call in flight (the run's cancel). */
export function ecrApi(client: ECRClient, signal?: AbortSignal): EcrApi {
  const sendOptions = signal ? { abortSignal: signal } : {};
  return {
    async getAuthorizationToken() {
      const out = await client.send(new GetAuthorizationTokenCommand({}), sendOptions);
      const data = out.authorizationData?.[0];
      return decodeAuthorization('ECR', data?.authorizationToken, data?.proxyEndpoint ?? '', data?.expiresAt);
    },

    async describeImage(repository, tagOrDigest, registryId) {
      const imageId: ImageIdentifier = tagOrDigest.startsWith('sha256:') ? { imageDigest: tagOrDigest } : { imageTag: tagOrDigest };
      try {
        const out = await client.send(new DescribeImagesCommand({
          repositoryName: repository,
          imageIds: [imageId],
          ...(registryId !== undefined ? { registryId } : {}),
        }), sendOptions);
        const digest = out.imageDetails?.[0]?.imageDigest;
        if (digest) return { found: true, digest };
        return { found: false, reason: 'image-not-found', message: `no image ${tagOrDigest} in repository ${repository}` };
      } catch (error) {
        if (isNamed(error, 'ImageNotFoundException')) return { found: false, reason: 'image-not-found', message: errorMessage(error) };
        if (isNamed(error, 'RepositoryNotFoundException')) return { found: false, reason: 'repository-not-found', message: errorMessage(error) };
        throw error;
      }
    },

    async createRepositoryIfMissing(repository, registryId) {
      const registry = registryId !== undefined ? { registryId } : {};
      try {
        await client.send(new DescribeRepositoriesCommand({ repositoryNames: [repository], ...registry }), sendOptions);
        return false;
      } catch (error) {
        if (!isNamed(error, 'RepositoryNotFoundException')) throw error;
      }
      try {
        await client.send(new CreateRepositoryCommand({
          repositoryName: repository,
          imageScanningConfiguration: { scanOnPush: true },
          ...registry,
        }), sendOptions);
        return true;
      } catch (error) {
        // Another pipeline created it between the two calls.
        if (isNamed(error, 'RepositoryAlreadyExistsException')) return false;
        throw error;
      }
    },
  };
}

// By name rather than instanceof: an error deserialised by another copy of the SDK is still recognised.
function isNamed(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

/** The base64 `user:password` token ECR and ECR Public answer, split into a login. */
export function decodeAuthorization(
  service: string,
  token: string | undefined,
  proxyEndpoint: string,
  expiresAt: Date | undefined,
): EcrAuthorization {
  if (!token) throw new Error(`${service} GetAuthorizationToken answered no authorization data`);
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new Error(`${service} GetAuthorizationToken answered a token that is not user:password`);
  return {
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    proxyEndpoint,
    ...(expiresAt ? { expiresAt } : {}),
  };
}
