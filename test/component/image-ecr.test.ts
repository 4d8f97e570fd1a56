import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  ImageNotFoundException,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException,
  ServerException,
} from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, expect, test } from 'vitest';
import { ecrApi } from '../../src/aws/ecr.js';

const ecrMock = mockClient(ECRClient);
const api = ecrApi(new ECRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }));
const DIGEST = `sha256:${'d'.repeat(64)}`;
const meta = { $metadata: {} };

beforeEach(() => {
  ecrMock.reset();
});

test('getAuthorizationToken splits the token into username and password', async () => {
  const expiresAt = new Date('2030-01-01T00:00:00Z');
  ecrMock.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [{
      authorizationToken: Buffer.from('AWS:pass:with:colons').toString('base64'),
      proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      expiresAt,
    }],
  });
  expect(await api.getAuthorizationToken()).toEqual({
    username: 'AWS',
    password: 'pass:with:colons',
    proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    expiresAt,
  });
  expect(ecrMock.commandCalls(GetAuthorizationTokenCommand)[0]?.args[0].input).toEqual({});
});

test.each([
  ['no data', {}],
  ['a token without a colon', { authorizationData: [{ authorizationToken: Buffer.from('nocolon').toString('base64') }] }],
])('getAuthorizationToken fails clearly on %s', async (_name, answer) => {
  ecrMock.on(GetAuthorizationTokenCommand).resolves(answer);
  await expect(api.getAuthorizationToken()).rejects.toThrow(/GetAuthorizationToken answered/);
});

test.each([
  ['a tag', '1.2', { imageTag: '1.2' }],
  ['a digest', DIGEST, { imageDigest: DIGEST }],
])('describeImage by %s', async (_name, tagOrDigest, imageId) => {
  ecrMock.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: DIGEST }] });
  expect(await api.describeImage('web', tagOrDigest, '123456789012')).toEqual({ found: true, digest: DIGEST });
  expect(ecrMock.commandCalls(DescribeImagesCommand)[0]?.args[0].input).toEqual({
    repositoryName: 'web', imageIds: [imageId], registryId: '123456789012',
  });
});

test.each([
  ['ImageNotFoundException', new ImageNotFoundException({ message: 'The image with imageId {imageTag:9} does not exist', ...meta }), 'image-not-found'],
  ['RepositoryNotFoundException', new RepositoryNotFoundException({ message: 'The repository with name web does not exist', ...meta }), 'repository-not-found'],
])('describeImage answers not found for %s', async (_name, error, reason) => {
  ecrMock.on(DescribeImagesCommand).rejects(error);
  expect(await api.describeImage('web', '9')).toEqual({ found: false, reason, message: error.message });
});

test('describeImage passes other errors on', async () => {
  ecrMock.on(DescribeImagesCommand).rejects(new ServerException({ message: 'boom', ...meta }));
  await expect(api.describeImage('web', '9')).rejects.toThrow('boom');
});

test('createRepositoryIfMissing leaves an existing repository alone', async () => {
  ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [{ repositoryName: 'web' }] });
  expect(await api.createRepositoryIfMissing('web')).toBe(false);
  expect(ecrMock.commandCalls(CreateRepositoryCommand)).toHaveLength(0);
});

test('createRepositoryIfMissing creates a missing one with scan on push', async () => {
  ecrMock.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'missing', ...meta }));
  ecrMock.on(CreateRepositoryCommand).resolves({});
  expect(await api.createRepositoryIfMissing('team/web', '123456789012')).toBe(true);
  expect(ecrMock.commandCalls(CreateRepositoryCommand)[0]?.args[0].input).toEqual({
    repositoryName: 'team/web', imageScanningConfiguration: { scanOnPush: true }, registryId: '123456789012',
  });
});

test('createRepositoryIfMissing takes a repository created meanwhile as existing', async () => {
  ecrMock.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'missing', ...meta }));
  ecrMock.on(CreateRepositoryCommand).rejects(new RepositoryAlreadyExistsException({ message: 'exists', ...meta }));
  expect(await api.createRepositoryIfMissing('web')).toBe(false);
});

test('createRepositoryIfMissing passes other errors on', async () => {
  ecrMock.on(DescribeRepositoriesCommand).rejects(new ServerException({ message: 'denied', ...meta }));
  await expect(api.createRepositoryIfMissing('web')).rejects.toThrow('denied');
  expect(ecrMock.commandCalls(CreateRepositoryCommand)).toHaveLength(0);
});
