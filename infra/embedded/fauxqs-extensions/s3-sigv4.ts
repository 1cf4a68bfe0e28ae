/**
 * AWS Signature Version 4 verification for the embedded S3 engine (see s3-write-once.ts): the
 * Authorization header form and the presigned query form, as S3 computes them (the path is signed
 * as sent, S3 does not normalise it). What S3 answers when a check fails is returned as a refusal.
 *
 * Not verified: the body against a hex `x-amz-content-sha256` and the chunk signatures of
 * `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` bodies (the seed signature over the headers is).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface S3Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export interface SignedRequest {
  readonly method: string;
  /** Path and query exactly as received. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

/** Access key id → secret access key. */
export type Credentials = ReadonlyMap<string, string>;

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;

const accessDenied: S3Refusal = { status: 403, code: 'AccessDenied', message: 'Access Denied' };

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const encode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
const hmac = (key: Buffer | string, value: string): Buffer => createHmac('sha256', key).update(value, 'utf8').digest();

function splitUrl(url: string): { path: string; query: [string, string][] } {
  const at = url.indexOf('?');
  const path = at === -1 ? url : url.slice(0, at);
  const raw = at === -1 ? '' : url.slice(at + 1);
  const query = raw
    .split('&')
    .filter((part) => part !== '')
    .map((part): [string, string] => {
      const eq = part.indexOf('=');
      return eq === -1 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
    });
  return { path, query };
}

function canonicalQuery(query: readonly [string, string][]): string {
  return query
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value.join(',') : value).trim().replace(/\s+/g, ' ');
}

interface Parsed {
  readonly accessKeyId: string;
  readonly scope: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly amzDate: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  readonly payloadHash: string;
  readonly query: [string, string][];
  readonly path: string;
  readonly expiresSeconds?: number;
}

function parse(request: SignedRequest): Parsed | S3Refusal {
  const { path, query } = splitUrl(request.url);
  const q = new Map(query);
  const malformed = (message: string): S3Refusal => ({ status: 400, code: 'AuthorizationHeaderMalformed', message });
  let credential: string | undefined;
  let signedHeaders: string | undefined;
  let signature: string | undefined;
  let amzDate: string | undefined;
  let payloadHash: string | undefined;
  let expiresSeconds: number | undefined;
  if (q.has('X-Amz-Algorithm')) {
    if (q.get('X-Amz-Algorithm') !== ALGORITHM)
      return { status: 400, code: 'AuthorizationQueryParametersError', message: 'unsupported algorithm' };
    credential = q.get('X-Amz-Credential');
    signedHeaders = q.get('X-Amz-SignedHeaders');
    signature = q.get('X-Amz-Signature');
    amzDate = q.get('X-Amz-Date');
    expiresSeconds = Number(q.get('X-Amz-Expires'));
    payloadHash = q.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
    if (!credential || !signedHeaders || !signature || !amzDate || !Number.isInteger(expiresSeconds)) {
      return { status: 400, code: 'AuthorizationQueryParametersError', message: 'incomplete presigned query' };
    }
    if (expiresSeconds < 1 || expiresSeconds > MAX_PRESIGNED_SECONDS) {
      return { status: 400, code: 'AuthorizationQueryParametersError', message: 'X-Amz-Expires must be 1 to 604800' };
    }
  } else {
    const authorization = headerValue(request.headers, 'authorization');
    if (!authorization) return accessDenied;
    if (!authorization.startsWith(`${ALGORITHM} `))
      return { status: 400, code: 'InvalidArgument', message: 'unsupported authorization type' };
    const fields = new Map(
      authorization
        .slice(ALGORITHM.length + 1)
        .split(/,\s*/)
        .map((part) => {
          const eq = part.indexOf('=');
          return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()] as const;
        }),
    );
    credential = fields.get('Credential');
    signedHeaders = fields.get('SignedHeaders');
    signature = fields.get('Signature');
    amzDate = headerValue(request.headers, 'x-amz-date');
    payloadHash = headerValue(request.headers, 'x-amz-content-sha256');
    if (!credential || !signedHeaders || !signature) return malformed('the authorization header is malformed');
    if (!amzDate) return { status: 403, code: 'AccessDenied', message: 'AWS authentication requires a valid Date or x-amz-date header' };
    if (!payloadHash)
      return { status: 400, code: 'InvalidRequest', message: 'Missing required header for this request: x-amz-content-sha256' };
  }
  const [accessKeyId, date, region, service, terminator] = credential.split('/');
  if (!accessKeyId || !date || !region || !service || terminator !== 'aws4_request' || !amzDate.startsWith(date)) {
    return malformed('the credential scope is malformed');
  }
  return {
    accessKeyId,
    scope: `${date}/${region}/${service}/aws4_request`,
    date,
    region,
    service,
    amzDate,
    signedHeaders: signedHeaders.split(';'),
    signature,
    payloadHash,
    query: query.filter(([k]) => k !== 'X-Amz-Signature'),
    path,
    ...(expiresSeconds === undefined ? {} : { expiresSeconds }),
  };
}

function amzDateMs(amzDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** The refusal S3 would answer, or undefined when the request is signed with a known key. */
export function verifySigV4(request: SignedRequest, credentials: Credentials, now = Date.now()): S3Refusal | undefined {
  const parsed = parse(request);
  if ('code' in parsed) return parsed;
  const secret = credentials.get(parsed.accessKeyId);
  if (secret === undefined) {
    return { status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  }
  const signedAt = amzDateMs(parsed.amzDate);
  if (Number.isNaN(signedAt)) return { status: 403, code: 'AccessDenied', message: 'X-Amz-Date is malformed' };
  if (parsed.expiresSeconds !== undefined) {
    if (now > signedAt + parsed.expiresSeconds * 1000) return { status: 403, code: 'AccessDenied', message: 'Request has expired' };
  } else if (Math.abs(now - signedAt) > MAX_SKEW_MS) {
    return {
      status: 403,
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
    };
  }
  if (!parsed.signedHeaders.includes('host')) return { status: 403, code: 'AccessDenied', message: 'the host header must be signed' };
  const canonicalHeaders = parsed.signedHeaders.map((name) => `${name}:${headerValue(request.headers, name) ?? ''}\n`).join('');
  const canonicalRequest = [
    request.method,
    parsed.path,
    canonicalQuery(parsed.query),
    canonicalHeaders,
    parsed.signedHeaders.join(';'),
    parsed.payloadHash,
  ].join('\n');
  const stringToSign = [ALGORITHM, parsed.amzDate, parsed.scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, parsed.date), parsed.region), parsed.service), 'aws4_request');
  const expected = Buffer.from(hmac(key, stringToSign).toString('hex'));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    };
  }
  return undefined;
}
