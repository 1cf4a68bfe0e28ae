import { timingSafeEqual } from 'node:crypto';

/**
 * CloudFront proves itself to the API (issue #19, finding 7): the distribution sends a secret in
 * `originVerifyHeader` to the API's custom domain, which is public in DNS, and every route function
 * refuses a request without it, so the web ACL cannot be bypassed by calling that name directly.
 * The secret lives in Secrets Manager (HojoWeb's `OriginVerify`, rotated monthly); on AWS the
 * variable below names it. Unset (local runtime, on-prem): no CloudFront stands in front, no check.
 */
export const originSecretEnv = 'HOJO_ORIGIN_SECRET';

/** The header CloudFront adds to every request it sends to the API (an origin custom header). */
export const originVerifyHeader = 'x-hojo-origin-verify';

/**
 * The stages a request may carry during a rotation: the new value (AWSPENDING) from the moment the
 * rotation writes it into the distribution, the current one, and the previous one while CloudFront's
 * edges still send it (its configuration reaches every edge within minutes).
 */
export const acceptedStages = ['AWSCURRENT', 'AWSPENDING', 'AWSPREVIOUS'] as const;
export type SecretStage = (typeof acceptedStages)[number];

/** Reads one stage of the secret; undefined when the stage does not exist (no rotation under way). */
export type SecretStageReader = (secretId: string, stage: SecretStage) => Promise<string | undefined>;

/** Values are kept this long, then read again. */
const cacheMs = 5 * 60_000;
/** A value not in the cache is looked up again at most this often (a rotation has just begun). */
const refreshOnMissMs = 30_000;

/**
 * Whether a header value is one of the secret's accepted stages. Values are cached; an unknown value
 * makes one fresh read (at most every 30 s), so a rotation is seen without waiting for the cache.
 */
export function originVerifier(secretId: string, read: SecretStageReader, now: () => number = Date.now) {
  let cached: { values: readonly string[]; at: number } | undefined;
  const load = async (): Promise<readonly string[]> => {
    const values = await Promise.all(acceptedStages.map((stage) => read(secretId, stage)));
    cached = { values: values.filter((v): v is string => typeof v === 'string' && v.length > 0), at: now() };
    return cached.values;
  };
  return async (presented: string | undefined): Promise<boolean> => {
    if (!presented) return false;
    const values = cached && now() - cached.at < cacheMs ? cached.values : await load();
    if (values.some((value) => sameSecret(value, presented))) return true;
    if (cached && now() - cached.at < refreshOnMissMs) return false;
    return (await load()).some((value) => sameSecret(value, presented));
  };
}

/** Constant-time comparison, so the response time does not tell how much of a guess was right. */
function sameSecret(expected: string, presented: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Reads through the AWS Parameters and Secrets Lambda Extension on localhost (the functions carry its
 * layer; the runtime's AWS SDK has no Secrets Manager client in our bundles). A stage that does not
 * exist answers 400 there: undefined. Any other failure throws (the request becomes a 500).
 */
export const readThroughExtension: SecretStageReader = async (secretId, stage) => {
  const port = process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT || '2773';
  const url = `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}&versionStage=${stage}`;
  const response = await fetch(url, { headers: { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN ?? '' } });
  if (response.status === 400 || response.status === 404) return undefined;
  if (!response.ok) throw new Error(`secrets extension answered ${response.status} for stage ${stage}`);
  const body = (await response.json()) as { SecretString?: unknown };
  return typeof body.SecretString === 'string' ? body.SecretString : undefined;
};
