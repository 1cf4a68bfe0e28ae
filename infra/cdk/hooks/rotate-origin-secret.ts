import { randomBytes } from 'node:crypto';

/**
 * Secrets Manager rotation of the CloudFront origin secret (issue #19, finding 7), in the four
 * steps Secrets Manager calls: createSecret writes a new value as AWSPENDING; setSecret writes it
 * into the distribution's origin header (the route functions accept AWSPENDING, so requests keep
 * passing while CloudFront's edges take the new configuration); testSecret reads the distribution
 * back; finishSecret makes it AWSCURRENT (the old value becomes AWSPREVIOUS, still accepted while
 * edges still send it). A second rotation within the edges' propagation (minutes) would drop
 * AWSPREVIOUS early; the schedule rotates monthly.
 *
 * The SDK clients come from the Lambda runtime, behind the ports below, which the tests fake.
 */

export const originHeaderEnv = 'HOJO_ORIGIN_HEADER';
export const distributionIdEnv = 'HOJO_DISTRIBUTION_ID';

export interface RotationEvent {
  readonly Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';
  readonly SecretId: string;
  readonly ClientRequestToken: string;
}

export interface RotationPorts {
  /** Version id → its stages. */
  versionsOf(secretId: string): Promise<Record<string, readonly string[]>>;
  /** A version's value; undefined when the version does not exist. */
  valueOf(secretId: string, versionId: string): Promise<string | undefined>;
  putPending(secretId: string, versionId: string, value: string): Promise<void>;
  /** Moves AWSCURRENT to `versionId` from `fromVersionId`. */
  promote(secretId: string, versionId: string, fromVersionId: string): Promise<void>;
  /** The distribution's origin header values (every origin that carries it). */
  originHeaderValues(): Promise<readonly string[]>;
  setOriginHeader(value: string): Promise<void>;
}

export const newSecretValue = (): string => randomBytes(48).toString('base64url');

export async function rotate(event: RotationEvent, ports: RotationPorts, generate: () => string = newSecretValue): Promise<void> {
  const { SecretId: secretId, ClientRequestToken: token } = event;
  const versions = await ports.versionsOf(secretId);
  const stages = versions[token];
  if (!stages) throw new Error(`version ${token} of the secret does not exist`);
  if (stages.includes('AWSCURRENT')) return;
  if (!stages.includes('AWSPENDING')) throw new Error(`version ${token} is not AWSPENDING`);
  switch (event.Step) {
    case 'createSecret':
      if ((await ports.valueOf(secretId, token)) === undefined) await ports.putPending(secretId, token, generate());
      return;
    case 'setSecret':
      await ports.setOriginHeader(await pendingValue(ports, secretId, token));
      return;
    case 'testSecret': {
      const pending = await pendingValue(ports, secretId, token);
      const sent = await ports.originHeaderValues();
      if (sent.length === 0 || sent.some((value) => value !== pending)) throw new Error('the distribution does not send the new value');
      return;
    }
    case 'finishSecret': {
      const current = Object.entries(versions).find(([, s]) => s.includes('AWSCURRENT'))?.[0];
      if (!current) throw new Error('the secret has no AWSCURRENT version');
      await ports.promote(secretId, token, current);
      return;
    }
  }
}

async function pendingValue(ports: RotationPorts, secretId: string, token: string): Promise<string> {
  const value = await ports.valueOf(secretId, token);
  if (value === undefined) throw new Error(`version ${token} has no value`);
  return value;
}

interface OriginConfig {
  CustomHeaders?: { Quantity: number; Items?: { HeaderName: string; HeaderValue: string }[] };
}

/** The distribution config with the header's value replaced on every origin that carries it; throws when none does. */
export function withOriginHeader<C extends { Origins: { Items: OriginConfig[] } }>(config: C, header: string, value: string): C {
  let replaced = 0;
  const origins = config.Origins.Items.map((origin) => {
    const items = origin.CustomHeaders?.Items;
    if (!items?.some((h) => h.HeaderName.toLowerCase() === header)) return origin;
    replaced += 1;
    const headers = items.map((h) => (h.HeaderName.toLowerCase() === header ? { ...h, HeaderValue: value } : h));
    return { ...origin, CustomHeaders: { Quantity: headers.length, Items: headers } };
  });
  if (replaced === 0) throw new Error(`no origin of the distribution sends ${header}`);
  return { ...config, Origins: { ...config.Origins, Items: origins } };
}

export const headerValuesOf = (config: { Origins: { Items: OriginConfig[] } }, header: string): string[] =>
  config.Origins.Items.flatMap((o) =>
    (o.CustomHeaders?.Items ?? []).filter((h) => h.HeaderName.toLowerCase() === header).map((h) => h.HeaderValue),
  );

/** The runtime's SDK v3, loaded by name so that neither the bundle nor the type check needs it. */
const runtimeSdk = (name: string): Promise<any> => import(name);

export const handler = async (event: RotationEvent): Promise<void> => {
  const header = process.env[originHeaderEnv] ?? '';
  const distributionId = process.env[distributionIdEnv] ?? '';
  const sm = await runtimeSdk('@aws-sdk/client-secrets-manager');
  const cf = await runtimeSdk('@aws-sdk/client-cloudfront');
  const secrets = new sm.SecretsManagerClient({});
  const cloudfront = new cf.CloudFrontClient({});
  const distributionConfig = () => cloudfront.send(new cf.GetDistributionConfigCommand({ Id: distributionId }));
  await rotate(event, {
    versionsOf: async (secretId) => (await secrets.send(new sm.DescribeSecretCommand({ SecretId: secretId }))).VersionIdsToStages ?? {},
    valueOf: async (secretId, versionId) => {
      try {
        return (await secrets.send(new sm.GetSecretValueCommand({ SecretId: secretId, VersionId: versionId, VersionStage: 'AWSPENDING' })))
          .SecretString;
      } catch (error) {
        if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
        throw error;
      }
    },
    putPending: async (secretId, versionId, value) => {
      await secrets.send(
        new sm.PutSecretValueCommand({
          SecretId: secretId,
          ClientRequestToken: versionId,
          SecretString: value,
          VersionStages: ['AWSPENDING'],
        }),
      );
    },
    promote: async (secretId, versionId, fromVersionId) => {
      await secrets.send(
        new sm.UpdateSecretVersionStageCommand({
          SecretId: secretId,
          VersionStage: 'AWSCURRENT',
          MoveToVersionId: versionId,
          RemoveFromVersionId: fromVersionId,
        }),
      );
    },
    originHeaderValues: async () => headerValuesOf((await distributionConfig()).DistributionConfig, header),
    setOriginHeader: async (value) => {
      const current = await distributionConfig();
      await cloudfront.send(
        new cf.UpdateDistributionCommand({
          Id: distributionId,
          IfMatch: current.ETag,
          DistributionConfig: withOriginHeader(current.DistributionConfig, header, value),
        }),
      );
    },
  });
};
