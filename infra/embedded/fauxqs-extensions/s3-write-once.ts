/**
 * Write-once archives on the embedded S3 engine (see README.md in this folder, "S3: signatures
 * and Object Lock"). fauxqs 2.x accepts unsigned requests and has neither versioning nor Object
 * Lock. This extension sits in front of fauxqs's S3 routes, on the same port:
 *
 * - every S3 request must carry a valid SigV4 signature (header or presigned query) by a known
 *   key (the local credentials, `local`/`local`); otherwise S3's 403 answer;
 * - buckets created with `x-amz-bucket-object-lock-enabled: true` have an Object Lock
 *   configuration (Put/GetObjectLockConfiguration, with a default retention) and versioning
 *   (Get/PutBucketVersioning; Suspended refused);
 * - an object PUT into such a bucket is retained (its own x-amz-object-lock-* headers or the
 *   default retention) and gets a version id; while retained, its current version cannot be
 *   overwritten, copied over or deleted (403 AccessDenied), its retention cannot be changed, and
 *   HEAD/GET answer x-amz-object-lock-mode, -retain-until-date and x-amz-version-id.
 *
 * fauxqs keeps one version per key, so an overwrite of a retained key is refused where S3 would
 * store a new version beside the retained one: the retained bytes are never lost either way.
 * Retention is kept in the object's own metadata (persisted by fauxqs with the object) under
 * reserved x-amz-meta-hojo-* names that the extension hides from clients; bucket settings are
 * objects of a reserved bucket that clients cannot reach.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest, Server } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySigV4 } from './s3-sigv4.ts';
import type { Credentials, S3Refusal } from './s3-sigv4.ts';

/** The keys the embedded stack, `npm start` and the tests sign with (infra/embedded/provision.ts, vitest.config.ts). */
export const LOCAL_CREDENTIALS: Credentials = new Map([['local', 'local']]);
export const STATE_BUCKET = 'hojo-embedded-s3-state';

const INSTALLED = Symbol.for('hojo.fauxqs.s3WriteOnce');
const INTERNAL_HEADER = 'x-hojo-s3-internal';
const INTERNAL_TOKEN = randomBytes(24).toString('hex');
const META = { mode: 'x-amz-meta-hojo-lock-mode', until: 'x-amz-meta-hojo-lock-until', version: 'x-amz-meta-hojo-version-id' } as const;
const DAY_MS = 24 * 3600 * 1000;

type LockMode = 'COMPLIANCE' | 'GOVERNANCE';

export interface BucketLockState {
  readonly objectLockEnabled: boolean;
  readonly versioning: 'Enabled' | 'Suspended' | undefined;
  readonly defaultRetention?: { readonly mode: LockMode; readonly days?: number; readonly years?: number };
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Fastify names the request listener it gives node:http `preRouting`; fauxqs is the only Fastify app hojo runs. */
export const FASTIFY_LISTENER_NAME = 'preRouting';
const fauxqsServers = new WeakMap<Server, boolean>();

function isFauxqsServer(server: Server): boolean {
  let known = fauxqsServers.get(server);
  if (known === undefined) {
    known = server.listeners('request').some((listener) => listener.name === FASTIFY_LISTENER_NAME);
    fauxqsServers.set(server, known);
  }
  return known;
}

/** SQS (POST / with a JSON or form body), fauxqs's /health and /_fauxqs inspection are not S3. */
function isS3Request(request: IncomingMessage): boolean {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (request.method === 'POST' && path === '/') return false;
  return !(path === '/health' || path.startsWith('/_fauxqs'));
}

/**
 * Installs the guard on node:http servers that run fauxqs (idempotent). Throws, like the other
 * extensions, when the installed fauxqs/Fastify no longer looks as the guard expects.
 */
export async function installS3WriteOnce(credentials: Credentials = LOCAL_CREDENTIALS): Promise<void> {
  const proto = Server.prototype as Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const { buildApp } = await import('fauxqs');
  const probe = buildApp({ logger: false });
  const recognised = probe.server instanceof Server && isFauxqsServer(probe.server);
  await probe.close();
  if (!recognised) {
    throw new Error(
      `fauxqs's HTTP server no longer has Fastify's '${FASTIFY_LISTENER_NAME}' request listener; ` +
        'the S3 write-once extension (infra/embedded/fauxqs-extensions/s3-write-once.ts) must be revisited',
    );
  }
  const emit = proto.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'request' || !isFauxqsServer(this)) return emit.call(this, event, ...args);
    const [request, response] = args as [IncomingMessage, ServerResponse];
    if (request.headers[INTERNAL_HEADER] !== undefined) {
      if (request.headers[INTERNAL_HEADER] !== INTERNAL_TOKEN) return answer(response, refusalAnswer(accessDenied()));
      delete request.headers[INTERNAL_HEADER];
      return emit.call(this, event, ...args);
    }
    if (!isS3Request(request)) return emit.call(this, event, ...args);
    guard(this, request, response, credentials).then(
      (pass) => {
        if (pass) emit.call(this, event, ...args);
      },
      (error: unknown) => answer(response, refusalAnswer({ status: 500, code: 'InternalError', message: String(error) })),
    );
    return true;
  } as typeof proto.emit;
  Object.defineProperty(proto, INSTALLED, { value: true });
}

const accessDenied = (message = 'Access Denied'): S3Refusal => ({ status: 403, code: 'AccessDenied', message });
const notImplemented = (what: string): S3Refusal => ({
  status: 501,
  code: 'NotImplemented',
  message: `${what} is not implemented on an Object Lock bucket of the embedded engine`,
});

function refusalAnswer(refusal: S3Refusal, resource = ''): Answer {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${xml(refusal.message)}</Message>` +
    `<Resource>${xml(resource)}</Resource><RequestId>${randomUUID()}</RequestId></Error>`;
  return { status: refusal.status, headers: { 'content-type': 'application/xml' }, body };
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function answer(response: ServerResponse, a: Answer, head = false): boolean {
  response.writeHead(a.status, { ...a.headers, 'x-amz-request-id': randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase() });
  response.end(head ? undefined : a.body);
  return true;
}

/** Answers the request itself and returns false, or prepares it for fauxqs and returns true. */
async function guard(server: Server, request: IncomingMessage, response: ServerResponse, credentials: Credentials): Promise<boolean> {
  const method = request.method ?? 'GET';
  const url = request.url ?? '/';
  const refused = verifySigV4({ method, url, headers: request.headers }, credentials);
  const isHead = method === 'HEAD';
  if (refused) return !answer(response, refusalAnswer(refused, url.split('?')[0]), isHead);

  const [rawPath = '/', rawQuery = ''] = url.split('?', 2) as [string, string?];
  const query = new URLSearchParams(rawQuery);
  const segments = rawPath.split('/');
  const bucket = decodeURIComponent(segments[1] ?? '');
  const key = segments.slice(2).map(decodeURIComponent).join('/');
  if (bucket === STATE_BUCKET) return !answer(response, refusalAnswer(accessDenied(), rawPath), isHead);
  if (bucket === '') return true;

  const engine = new InternalClient(server);
  const state = await engine.bucketState(bucket);
  const fail = (refusal: S3Refusal) => !answer(response, refusalAnswer(refusal, rawPath), isHead);

  if (key === '') return bucketRequest(engine, request, response, bucket, query, state, fail);
  if (!state.objectLockEnabled) {
    if (request.headers['x-amz-object-lock-mode'] || request.headers['x-amz-object-lock-retain-until-date']) {
      return fail({ status: 400, code: 'InvalidRequest', message: 'Bucket is missing Object Lock Configuration' });
    }
    return true;
  }

  // An object of an Object Lock bucket.
  if (query.has('legal-hold') || query.has('versions') || query.has('uploads') || query.has('uploadId')) {
    return fail(notImplemented([...query.keys()].join(', ')));
  }
  const current = await engine.head(bucket, key);
  const lock = current ? lockOf(current) : undefined;
  const versionId = query.get('versionId');
  const locked = lock !== undefined && lock.until > Date.now();

  if (query.has('retention')) {
    if (method === 'GET') {
      if (!current || (versionId && versionId !== lock?.versionId)) return fail(noSuchKey(versionId));
      if (!lock)
        return fail({
          status: 404,
          code: 'NoSuchObjectLockConfiguration',
          message: 'The specified object does not have an ObjectLock configuration',
        });
      return !answer(response, {
        status: 200,
        headers: { 'content-type': 'application/xml' },
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>${lock.mode}</Mode><RetainUntilDate>${new Date(lock.until).toISOString()}</RetainUntilDate></Retention>`,
      });
    }
    if (locked) return fail(accessDenied('Access Denied because object protected by object lock.'));
    return fail(notImplemented('PutObjectRetention'));
  }

  switch (method) {
    case 'GET':
    case 'HEAD': {
      if (versionId && current && versionId !== lock?.versionId) return fail(noSuchKey(versionId));
      exposeLock(response);
      return true;
    }
    case 'DELETE': {
      if (!current) return true;
      if (versionId && versionId !== lock?.versionId)
        return !answer(response, { status: 204, headers: { 'x-amz-version-id': versionId }, body: '' });
      if (locked) return fail(accessDenied('Access Denied because object protected by object lock.'));
      return true;
    }
    case 'PUT': {
      if (request.headers['x-amz-copy-source']) return fail(notImplemented('CopyObject'));
      if (locked) return fail(accessDenied('Access Denied because object protected by object lock.'));
      const retention = requestedRetention(request, state);
      if ('code' in retention) return fail(retention);
      const id = randomUUID().replace(/-/g, '');
      for (const name of Object.keys(request.headers)) if (name.startsWith('x-amz-meta-hojo-')) delete request.headers[name];
      request.headers[META.version] = id;
      if (retention.mode) {
        request.headers[META.mode] = retention.mode;
        request.headers[META.until] = String(retention.until);
      }
      exposeLock(response, id);
      return true;
    }
    default:
      return fail(notImplemented(`${method} on an object`));
  }
}

async function bucketRequest(
  engine: InternalClient,
  request: IncomingMessage,
  response: ServerResponse,
  bucket: string,
  query: URLSearchParams,
  state: BucketLockState,
  fail: (refusal: S3Refusal) => boolean,
): Promise<boolean> {
  const method = request.method ?? 'GET';
  const ok = (body: string) => !answer(response, { status: 200, headers: { 'content-type': 'application/xml' }, body });
  const exists = () => engine.bucketExists(bucket);
  if (query.has('object-lock')) {
    if (!(await exists())) return fail({ status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' });
    if (method === 'GET') {
      if (!state.objectLockEnabled) {
        return fail({
          status: 404,
          code: 'ObjectLockConfigurationNotFoundError',
          message: 'Object Lock configuration does not exist for this bucket',
        });
      }
      const rule = state.defaultRetention;
      const period = rule ? (rule.days !== undefined ? `<Days>${rule.days}</Days>` : `<Years>${rule.years}</Years>`) : '';
      return ok(
        `<?xml version="1.0" encoding="UTF-8"?>\n<ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><ObjectLockEnabled>Enabled</ObjectLockEnabled>${rule ? `<Rule><DefaultRetention><Mode>${rule.mode}</Mode>${period}</DefaultRetention></Rule>` : ''}</ObjectLockConfiguration>`,
      );
    }
    if (method !== 'PUT') return fail(notImplemented(`${method} ?object-lock`));
    const body = await readBody(request);
    if (!state.objectLockEnabled) {
      return fail({ status: 409, code: 'InvalidBucketState', message: 'Object Lock configuration cannot be enabled on existing buckets' });
    }
    const mode = /<Mode>\s*(COMPLIANCE|GOVERNANCE)\s*<\/Mode>/.exec(body)?.[1] as LockMode | undefined;
    const days = /<Days>\s*(\d+)\s*<\/Days>/.exec(body)?.[1];
    const years = /<Years>\s*(\d+)\s*<\/Years>/.exec(body)?.[1];
    if (!/<ObjectLockEnabled>\s*Enabled\s*<\/ObjectLockEnabled>/.test(body) || (mode && !days === !years) || ((days || years) && !mode)) {
      return fail({
        status: 400,
        code: 'MalformedXML',
        message: 'The XML you provided was not well-formed or did not validate against our published schema',
      });
    }
    await engine.saveBucketState(bucket, {
      ...state,
      ...(mode ? { defaultRetention: { mode, ...(days ? { days: Number(days) } : { years: Number(years) }) } } : {}),
    });
    return ok('');
  }
  if (query.has('versioning')) {
    if (!(await exists())) return fail({ status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' });
    if (method === 'GET') {
      return ok(
        `<?xml version="1.0" encoding="UTF-8"?>\n<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${state.versioning ? `<Status>${state.versioning}</Status>` : ''}</VersioningConfiguration>`,
      );
    }
    if (method !== 'PUT') return fail(notImplemented(`${method} ?versioning`));
    const status = /<Status>\s*(Enabled|Suspended)\s*<\/Status>/.exec(await readBody(request))?.[1] as 'Enabled' | 'Suspended' | undefined;
    if (!status) return fail({ status: 400, code: 'MalformedXML', message: 'The XML you provided was not well-formed' });
    if (status === 'Suspended' && state.objectLockEnabled) {
      return fail({
        status: 409,
        code: 'InvalidBucketState',
        message: 'An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.',
      });
    }
    await engine.saveBucketState(bucket, { ...state, versioning: status });
    return ok('');
  }
  if (state.objectLockEnabled && (query.has('versions') || query.has('delete') || (method === 'POST' && !query.has('list-type')))) {
    return fail(notImplemented(query.has('versions') ? 'ListObjectVersions' : 'DeleteObjects'));
  }
  if (method === 'PUT' && [...query.keys()].length === 0) {
    // CreateBucket: remember Object Lock (which turns versioning on); a new bucket forgets an old one's settings.
    const lockRequested = String(request.headers['x-amz-bucket-object-lock-enabled'] ?? '').toLowerCase() === 'true';
    if (!(await exists())) {
      await engine.saveBucketState(bucket, lockRequested ? { objectLockEnabled: true, versioning: 'Enabled' } : undefined);
    }
  }
  return true;
}

const noSuchKey = (versionId: string | null): S3Refusal =>
  versionId
    ? { status: 404, code: 'NoSuchVersion', message: 'The specified version does not exist.' }
    : { status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' };

interface ObjectLock {
  readonly mode: LockMode;
  readonly until: number;
  readonly versionId: string | undefined;
}

function lockOf(headers: Record<string, string>): ObjectLock | undefined {
  const mode = headers[META.mode] as LockMode | undefined;
  const until = Number(headers[META.until]);
  if (!mode || !Number.isFinite(until))
    return headers[META.version] ? { mode: 'COMPLIANCE', until: 0, versionId: headers[META.version] } : undefined;
  return { mode, until, versionId: headers[META.version] };
}

function requestedRetention(request: IncomingMessage, state: BucketLockState): { mode?: LockMode; until?: number } | S3Refusal {
  const mode = request.headers['x-amz-object-lock-mode'] as string | undefined;
  const date = request.headers['x-amz-object-lock-retain-until-date'] as string | undefined;
  if (mode || date) {
    if (!mode || !date) {
      return {
        status: 400,
        code: 'InvalidArgument',
        message: 'x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied',
      };
    }
    if (mode !== 'COMPLIANCE' && mode !== 'GOVERNANCE')
      return { status: 400, code: 'InvalidArgument', message: 'Unknown wormMode directive.' };
    const until = Date.parse(date);
    if (!Number.isFinite(until) || until <= Date.now()) {
      return { status: 400, code: 'InvalidArgument', message: 'The retain until date must be in the future!' };
    }
    return { mode, until };
  }
  const rule = state.defaultRetention;
  if (!rule) return {};
  const days = rule.days ?? (rule.years ?? 0) * 365;
  return { mode: rule.mode, until: Date.now() + days * DAY_MS };
}

/** Replaces the reserved metadata of fauxqs's answer by S3's Object Lock and version headers. */
function exposeLock(response: ServerResponse, newVersionId?: string): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const headersArg = rest.find((r) => typeof r === 'object' && r !== null && !Array.isArray(r)) as OutgoingHttpHeaders | undefined;
    const read = (name: string) => (headersArg?.[name] ?? this.getHeader(name)) as string | undefined;
    const mode = read(META.mode);
    const until = Number(read(META.until));
    const version = newVersionId ?? read(META.version);
    for (const name of Object.values(META)) {
      if (headersArg) delete headersArg[name];
      this.removeHeader(name);
    }
    if (status < 300) {
      if (version) this.setHeader('x-amz-version-id', version);
      if (mode && Number.isFinite(until) && !newVersionId) {
        this.setHeader('x-amz-object-lock-mode', mode);
        this.setHeader('x-amz-object-lock-retain-until-date', new Date(until).toISOString());
      }
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as typeof response.writeHead;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
}

/** Requests to the same fauxqs server that bypass the guard (bucket settings, the current object's metadata). */
class InternalClient {
  private readonly port: number;
  constructor(server: Server) {
    this.port = (server.address() as AddressInfo).port;
  }

  private send(method: string, path: string, body?: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          headers: { [INTERNAL_HEADER]: INTERNAL_TOKEN, 'content-type': 'application/octet-stream' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.once('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')])),
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.once('error', reject);
        },
      );
      req.once('error', reject);
      req.end(body);
    });
  }

  async head(bucket: string, key: string): Promise<Record<string, string> | undefined> {
    const res = await this.send('HEAD', `/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`);
    return res.status === 200 ? res.headers : undefined;
  }

  async bucketExists(bucket: string): Promise<boolean> {
    return (await this.send('HEAD', `/${encodeURIComponent(bucket)}`)).status === 200;
  }

  private statePath(bucket: string): string {
    return `/${STATE_BUCKET}/buckets/${encodeURIComponent(bucket)}.json`;
  }

  async bucketState(bucket: string): Promise<BucketLockState> {
    const res = await this.send('GET', this.statePath(bucket));
    if (res.status !== 200) return { objectLockEnabled: false, versioning: undefined };
    return JSON.parse(res.body) as BucketLockState;
  }

  async saveBucketState(bucket: string, state: BucketLockState | undefined): Promise<void> {
    if (state === undefined) {
      await this.send('DELETE', this.statePath(bucket));
      return;
    }
    await this.send('PUT', `/${STATE_BUCKET}`);
    const res = await this.send('PUT', this.statePath(bucket), JSON.stringify(state));
    if (res.status !== 200) throw new Error(`embedded S3: could not save the settings of bucket ${bucket} (${res.status})`);
  }
}
