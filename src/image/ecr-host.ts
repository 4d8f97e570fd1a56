// Which registry hosts are Amazon ECR, and what their names tell: account, region, partition, endpoint kind.

export interface PrivateEcrHost {
  public: false;
  accountId: string;
  region: string;
  fips: boolean;
  dualStack: boolean;
  partition: string;
}

export interface PublicEcrHost {
  public: true;
  /** ECR Public hands out its tokens in us-east-1 only. */
  region: 'us-east-1';
}

export type EcrHost = PrivateEcrHost | PublicEcrHost;

const REGION = '([a-z]{2}(?:-[a-z]+)+-\\d+)';
// <account>.dkr.ecr[-fips].<region>.<domain> and the dual-stack <account>.dkr-ecr[-fips].<region>.<domain>
const IPV4_ONLY = new RegExp(`^(\\d{12})\\.dkr\\.ecr(-fips)?\\.${REGION}\\.(amazonaws\\.com|amazonaws\\.com\\.cn|c2s\\.ic\\.gov|sc2s\\.sgov\\.gov)$`);
const DUAL_STACK = new RegExp(`^(\\d{12})\\.dkr-ecr(-fips)?\\.${REGION}\\.(on\\.aws|on\\.amazonwebservices\\.com\\.cn)$`);

const PARTITION_BY_DOMAIN: Readonly<Record<string, string>> = {
  'amazonaws.com.cn': 'aws-cn',
  'on.amazonwebservices.com.cn': 'aws-cn',
  'c2s.ic.gov': 'aws-iso',
  'sc2s.sgov.gov': 'aws-iso-b',
};

export function parseEcrHost(host: string): EcrHost | undefined {
  const name = host.toLowerCase();
  if (name === 'public.ecr.aws') return { public: true, region: 'us-east-1' };
  const match = IPV4_ONLY.exec(name) ?? DUAL_STACK.exec(name);
  if (!match) return undefined;
  const [, accountId = '', fips, region = '', domain = ''] = match;
  const china = domain.endsWith('.cn');
  if (china !== region.startsWith('cn-')) return undefined;
  const partition = PARTITION_BY_DOMAIN[domain] ?? (region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
  return { public: false, accountId, region, fips: fips !== undefined, dualStack: match.input.includes('.dkr-ecr'), partition };
}

export function isEcrHost(host: string): boolean {
  return parseEcrHost(host) !== undefined;
}

export function isPrivateEcrHost(host: string): boolean {
  return parseEcrHost(host)?.public === false;
}
