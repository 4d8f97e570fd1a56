import { expect, test } from 'vitest';
import { isEcrHost, isPrivateEcrHost, parseEcrHost } from '../../src/image/ecr-host.js';

const ACCOUNT = '123456789012';
const priv = (region: string, partition: string, fips = false, dualStack = false) => ({
  public: false, accountId: ACCOUNT, region, fips, dualStack, partition,
});

test.each([
  [`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`, priv('us-east-1', 'aws')],
  [`${ACCOUNT}.dkr.ecr.eu-central-2.amazonaws.com`, priv('eu-central-2', 'aws')],
  [`${ACCOUNT}.DKR.ECR.AP-SOUTHEAST-2.AMAZONAWS.COM`, priv('ap-southeast-2', 'aws')],
  [`${ACCOUNT}.dkr.ecr-fips.us-east-2.amazonaws.com`, priv('us-east-2', 'aws', true)],
  [`${ACCOUNT}.dkr.ecr.us-gov-west-1.amazonaws.com`, priv('us-gov-west-1', 'aws-us-gov')],
  [`${ACCOUNT}.dkr.ecr-fips.us-gov-east-1.amazonaws.com`, priv('us-gov-east-1', 'aws-us-gov', true)],
  [`${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn`, priv('cn-north-1', 'aws-cn')],
  [`${ACCOUNT}.dkr.ecr.cn-northwest-1.amazonaws.com.cn`, priv('cn-northwest-1', 'aws-cn')],
  [`${ACCOUNT}.dkr-ecr.us-west-2.on.aws`, priv('us-west-2', 'aws', false, true)],
  [`${ACCOUNT}.dkr-ecr-fips.us-east-1.on.aws`, priv('us-east-1', 'aws', true, true)],
  [`${ACCOUNT}.dkr-ecr.cn-north-1.on.amazonwebservices.com.cn`, priv('cn-north-1', 'aws-cn', false, true)],
  [`${ACCOUNT}.dkr.ecr.us-iso-east-1.c2s.ic.gov`, priv('us-iso-east-1', 'aws-iso')],
  [`${ACCOUNT}.dkr.ecr.us-isob-east-1.sc2s.sgov.gov`, priv('us-isob-east-1', 'aws-iso-b')],
  ['public.ecr.aws', { public: true, region: 'us-east-1' }],
  ['PUBLIC.ECR.AWS', { public: true, region: 'us-east-1' }],
])('%s is ECR', (host, expected) => {
  expect(parseEcrHost(host)).toEqual(expected);
  expect(isEcrHost(host)).toBe(true);
  expect(isPrivateEcrHost(host)).toBe(!expected.public);
});

test.each([
  'docker.io',
  'ghcr.io',
  'localhost:5000',
  'dkr.ecr.us-east-1.amazonaws.com',
  `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com.evil.example`,
  `evil.${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com.example`,
  `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com:443`,
  `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.org`,
  `${ACCOUNT}.dkr.ecr.amazonaws.com`,
  `12345678901.dkr.ecr.us-east-1.amazonaws.com`,
  `1234567890123.dkr.ecr.us-east-1.amazonaws.com`,
  `abcdefghijkl.dkr.ecr.us-east-1.amazonaws.com`,
  `${ACCOUNT}.ecr.us-east-1.amazonaws.com`,
  `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com.cn`,
  `${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com`,
  `${ACCOUNT}.dkr-ecr.us-east-1.amazonaws.com`,
  `${ACCOUNT}.dkr.ecr.us-east-1.on.aws`,
  `${ACCOUNT}.dkr.ecr.useast1.amazonaws.com`,
  'public.ecr.aws.evil.example',
  'notpublic.ecr.aws',
  'ecr.aws',
])('%s is not ECR', (host) => {
  expect(parseEcrHost(host)).toBeUndefined();
  expect(isEcrHost(host)).toBe(false);
});
