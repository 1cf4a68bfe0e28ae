import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { JSONWebKeySet } from 'jose';
import { payloadTooLarge, Refused, refusal, unauthenticated } from '#shared/domain/refusal.ts';
import { problemAnswer as problemOf } from '#shared/http/problem.ts';
import { DEFAULT_MAX_BODY_BYTES } from '#shared/http/route.ts';
import type { Route } from '#shared/http/route.ts';
import { apiGatewayEvent } from '#infra/runtime/api-event.ts';
import type { VerifiedToken } from '#infra/runtime/api-event.ts';
import { loadHandler } from '#infra/runtime/handler-loader.ts';
import { invokeInScope } from '#infra/runtime/invocation-scope.ts';
import { answerFromLambdaResult, jsonAnswer, problemAnswer, send } from '#infra/runtime/http-response.ts';
import type { HttpAnswer } from '#infra/runtime/http-response.ts';
import { serverTimeoutOptions } from '#infra/runtime/http-timeouts.ts';
import type { HttpTimeouts } from '#infra/runtime/http-timeouts.ts';
import { functionNameOf, lambdaContext } from '#infra/runtime/lambda-context.ts';
import { createRouteTable } from '#infra/runtime/route-table.ts';
import { runtimeLogger } from '#infra/runtime/runtime-logger.ts';
import { TokenRejected } from '#infra/runtime/jwt/token-verifier.ts';
import { isReadMethod } from '#infra/runtime/write-gate.ts';
import { ARCHIVE_PROXY_PREFIX, proxyToEngine, requestOrigin, withPublicUrl } from '#infra/runtime/archive-proxy.ts';
import type { ArchiveProxy } from '#infra/runtime/archive-proxy.ts';
import type { WriteGate } from '#infra/runtime/write-gate.ts';
import type { TokenVerifier } from '#infra/runtime/jwt/token-verifier.ts';
import type { ConsoleSite } from '#infra/runtime/console-site.ts';
import type { DevSignIn } from '#infra/runtime/jwt/dev-sign-in.ts';
import { isLoopbackHost } from '#infra/runtime/loopback.ts';
import { closeOnce } from '#infra/runtime/close-once.ts';

export interface HttpServerOptions {
  readonly routes: readonly Route[];
  readonly verifyToken: TokenVerifier;
  /** Served at /.well-known/jwks.json when the runtime is its own issuer. */
  readonly jwks?: JSONWebKeySet;
  /** Lambda timeout of API handlers; API Gateway's integration limit is 30 s. */
  readonly handlerTimeoutMs?: number;
  /** Limits on connections that are slow to send a request or idle between requests. */
  readonly timeouts?: HttpTimeouts;
  /** State-changing requests pass through it (held while a backup reads the stores). */
  readonly writeGate?: WriteGate;
  /** Serve archive downloads through this server (the S3 engine is on loopback, the API is not). */
  readonly archiveProxy?: ArchiveProxy;
  /**
   * Serve `/_archive/…` from this engine without rewriting the URLs handed out (the API is on
   * loopback, so curl may use the engine's own URL; the console maps it here to fetch same-origin).
   */
  readonly archivePassThrough?: ArchiveProxy;
  /** The web console under /console/. */
  readonly consoleSite?: ConsoleSite;
  /** The development issuer's browser sign-in (authorization code + PKCE), loopback only. */
  readonly devSignIn?: DevSignIn;
}

export interface RunningHttpServer {
  readonly url: string;
  readonly server: Server;
  /** Stops accepting connections and resolves once every request in progress has been answered. */
  close(): Promise<void>;
}

const JWKS_PATH = '/.well-known/jwks.json';
/** The sign-in form carries a handful of short fields. */
const SIGN_IN_BODY_BYTES = 16 * 1024;

/** The client closed the connection before its request was read. */
class ClientClosedConnection extends Error {}

/**
 * The local API Gateway: matches the request to a route, verifies the bearer token of protected
 * routes before anything else runs, enforces the body limit while reading, and invokes the
 * route's real handler with a payload 2.0 event and a Lambda-like context.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const match = createRouteTable(options.routes);
  const timeoutMs = options.handlerTimeoutMs ?? 30_000;

  const serve = async (request: IncomingMessage, response: ServerResponse, requestId: string): Promise<HttpAnswer> => {
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    if (!path.startsWith('/')) throw new Refused(refusal('invalid', 'bad-request-target', 'the request target must be a path'));
    if (path === JWKS_PATH && options.jwks && request.method === 'GET') return jsonAnswer(200, options.jwks);
    const archiveDownloads = options.archiveProxy ?? options.archivePassThrough;
    if (archiveDownloads && path.startsWith(`${ARCHIVE_PROXY_PREFIX}/`) && (request.method === 'GET' || request.method === 'HEAD'))
      return proxyToEngine(request.method, url, archiveDownloads);
    const page = request.method === 'GET' || request.method === 'HEAD' ? options.consoleSite?.serve(path) : undefined;
    if (page) return page;
    if (options.devSignIn?.handles(path)) {
      const signIn = options.devSignIn.serve({
        method: request.method ?? 'GET',
        path,
        query: new URLSearchParams(url.slice(path.length + 1)),
        body: request.method === 'POST' ? await readBody(request, response, SIGN_IN_BODY_BYTES) : Buffer.alloc(0),
        origin: requestOrigin(request),
        loopback: isLoopbackHost(sourceIp(request)),
      });
      if (signIn) return signIn;
    }

    const found = match(request.method ?? 'GET', path);
    if (found.kind === 'not-found') throw new Refused(refusal('not-found', 'route-not-found', `no route matches ${path}`));
    if (found.kind === 'bad-path') throw new Refused(refusal('invalid', 'invalid-path', found.detail));
    if (found.kind === 'method-not-allowed') {
      throw new Refused(refusal('method-not-allowed', 'method-not-allowed', `${request.method} is not allowed on ${path}`), {
        allow: found.allowed.join(', '),
      });
    }
    const { route, pathParameters } = found;
    const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    if (Number(request.headers['content-length'] ?? 0) > limit) throw payloadTooLarge(limit);
    const token = route.access.kind === 'public' ? undefined : await authenticate(request.headers.authorization, options.verifyToken);
    const body = await readBody(request, response, limit);
    const event = apiGatewayEvent(
      { method: request.method ?? 'GET', url, headers: request.headers, body, sourceIp: sourceIp(request) },
      route,
      pathParameters,
      token,
      { requestId },
    );
    const handler = await loadHandler(route.handler);
    const context = lambdaContext({ functionName: functionNameOf(route.handler), timeoutMs, requestId });
    const invoke = () => withTimeout(invokeInScope(handler, event, context), timeoutMs);
    const result = options.writeGate && !isReadMethod(request.method) ? await options.writeGate.pass(invoke) : await invoke();
    return options.archiveProxy
      ? withPublicUrl(answerFromLambdaResult(result), options.archiveProxy, requestOrigin(request))
      : answerFromLambdaResult(result);
  };

  const server = createServer(serverTimeoutOptions(options.timeouts), (request, response) => {
    const requestId = randomUUID();
    const started = performance.now();
    const served = { requestId, method: request.method, path: (request.url ?? '').split('?')[0] };
    serve(request, response, requestId)
      .catch((error: unknown) =>
        error instanceof ClientClosedConnection ? undefined : problemAnswer(asRefusal(error, requestId), requestId),
      )
      .then((answer) => {
        const ms = Math.round(performance.now() - started);
        // A client that goes away (an aborted upload, a caller that gave up waiting) is routine,
        // not a fault of the runtime: worth a line, not an error with a stack.
        if (answer === undefined || response.destroyed) {
          runtimeLogger.info('request aborted: the client closed the connection', { ...served, ms });
          return;
        }
        send(response, answer, requestId);
        runtimeLogger.debug('request served', { ...served, status: answer.statusCode, ms });
      });
  });
  server.on('clientError', answerUnparsableRequest);
  return server;
}

/**
 * A request Node cannot parse (a head over its 16 KiB limit, a broken request line) or that did not
 * arrive in time never reaches a handler; it still gets a problem+json answer, as every other
 * refusal does, and the connection is closed.
 */
function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [refused, reason] = unparsableRequestRefusal(error.code);
  const problem = problemOf(refused, undefined);
  const body = JSON.stringify(problem.body);
  socket.end(
    `HTTP/1.1 ${problem.status} ${reason}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

function unparsableRequestRefusal(code: string | undefined): [Refused, string] {
  if (code === 'HPE_HEADER_OVERFLOW')
    return [
      new Refused(refusal('header-too-large', 'request-header-too-large', 'the request head is larger than 16 KiB')),
      'Request Header Fields Too Large',
    ];
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return [new Refused(refusal('request-timeout', 'request-timeout', 'the request did not arrive in time')), 'Request Timeout'];
  return [new Refused(refusal('invalid', 'malformed-request', 'the request could not be parsed as HTTP/1.1')), 'Bad Request'];
}

export async function listen(server: Server, port: number, host: string): Promise<RunningHttpServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.address.includes(':') ? `[${address.address}]` : address.address;
  return { url: `http://${urlHost}:${address.port}`, server, close: closeOnce(server) };
}

async function authenticate(header: string | undefined, verify: TokenVerifier): Promise<VerifiedToken> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!bearer?.[1]) throw withChallenge(unauthenticated('a bearer token is required'), 'invalid_request');
  try {
    return { claims: await verify(bearer[1]) };
  } catch (error) {
    if (error instanceof TokenRejected) throw withChallenge(unauthenticated(error.message), 'invalid_token');
    throw error;
  }
}

const withChallenge = (refused: Refused, error: string): Refused =>
  new Refused(refused.refusal, { 'www-authenticate': `Bearer error="${error}"` });

/** Reads the body, answering 413 as soon as it passes the limit instead of buffering the rest. */
function readBody(request: IncomingMessage, response: ServerResponse, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Gone while its token was checked: the stream has already failed and will emit nothing more.
    if (request.destroyed) {
      reject(new ClientClosedConnection());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.pause();
      response.setHeader('connection', 'close');
      response.once('finish', () => request.destroy());
      reject(payloadTooLarge(limit));
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', (error) => reject(request.destroyed ? new ClientClosedConnection() : error));
  });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Refused(refusal('timeout', 'handler-timeout', `the handler did not answer within ${ms} ms`))), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function asRefusal(error: unknown, requestId: string): unknown {
  if (!(error instanceof Refused)) runtimeLogger.error('handler invocation failed', { requestId, error: error as Error });
  return error;
}

function sourceIp(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
