/**
 * Conformance harness: the same case runs against moto (reference) and the embedded
 * engine (dynalite + transactions extension); normalized outcomes are compared.
 */
import { CreateTableCommand, type CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { startDynamoEngine } from '#infra/embedded/dynamodb-engine.ts';
import { startMoto } from '#infra/embedded/moto.ts';

export interface Backend {
  readonly name: 'moto' | 'engine';
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
}

export interface Backends {
  readonly moto: Backend;
  readonly engine: Backend;
  stop(): Promise<void>;
}

export function dynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'ap-northeast-2',
    credentials: { accessKeyId: 'conformance', secretAccessKey: 'conformance' },
    // A retry would hide the first answer (and moto answers 500 on its own crashes).
    maxAttempts: 1,
  });
}

function backend(name: Backend['name'], endpoint: string): Backend {
  const client = dynamoClient(endpoint);
  return { name, endpoint, client, doc: DynamoDBDocumentClient.from(client) };
}

export async function startBackends(tables: CreateTableCommandInput[]): Promise<Backends> {
  const [moto, engine] = await Promise.all([startMoto(), startDynamoEngine()]);
  const backends = { moto: backend('moto', moto.endpoint), engine: backend('engine', engine.endpoint) };
  // moto is not safe under concurrent requests: keep its calls sequential.
  for (const table of tables) {
    await backends.moto.client.send(new CreateTableCommand(table));
    await backends.engine.client.send(new CreateTableCommand(table));
  }
  return {
    ...backends,
    async stop() {
      backends.moto.client.destroy();
      backends.engine.client.destroy();
      await Promise.all([moto.stop(), engine.stop()]);
    },
  };
}

export interface ErrorOutcome {
  error: {
    name: string;
    reasons?: { Code: string | undefined; Message?: string | undefined; Item?: unknown }[];
    item?: unknown;
  };
}
export interface OkOutcome {
  ok: Record<string, unknown>;
}
export type Outcome = OkOutcome | ErrorOutcome;

const DROP = new Set(['$metadata', 'ConsumedCapacity']);

function isEmptyObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}

/** Runs a call and reduces it to what must be identical across implementations. */
export async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = (await call()) as Record<string, unknown> | undefined;
    const ok: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(result ?? {})) {
      if (DROP.has(k) || v === undefined) continue;
      // moto answers `ItemCollectionMetrics: {}` to TransactWriteItems/BatchWriteItem
      // even when not asked; DynamoDB only returns it with ReturnItemCollectionMetrics=SIZE.
      if (k === 'ItemCollectionMetrics' && isEmptyObject(v)) continue;
      ok[k] = v;
    }
    return { ok };
  } catch (err) {
    const e = err as {
      name?: string;
      CancellationReasons?: { Code?: string; Message?: string; Item?: unknown }[];
      Item?: unknown;
      $metadata?: { httpStatusCode?: number };
    };
    if (typeof e.$metadata?.httpStatusCode !== 'number' || e.$metadata.httpStatusCode >= 500) throw err;
    const error: ErrorOutcome['error'] = { name: String(e.name) };
    if (e.CancellationReasons) {
      error.reasons = e.CancellationReasons.map((r) => ({
        Code: r.Code,
        ...(r.Message !== undefined ? { Message: r.Message } : {}),
        ...(r.Item !== undefined ? { Item: r.Item } : {}),
      }));
    }
    if (e.Item !== undefined) error.item = e.Item;
    return { error };
  }
}

/**
 * Runs `run` against moto then the engine (sequentially), asserts equal outcomes and
 * returns the engine's outcome for further, case-specific assertions.
 */
export async function conform(backends: Backends, run: (b: Backend) => Promise<unknown>): Promise<Outcome> {
  const reference = await outcome(() => run(backends.moto));
  const actual = await outcome(() => run(backends.engine));
  expect(actual, `engine vs moto`).toEqual(reference);
  return actual;
}

/** Same as conform, for a sequence of steps whose outcomes are compared as a whole. */
export async function conformSteps(backends: Backends, steps: ((b: Backend) => Promise<unknown>)[]): Promise<Outcome[]> {
  const runAll = async (b: Backend) => {
    const out: Outcome[] = [];
    for (const step of steps) out.push(await outcome(() => step(b)));
    return out;
  };
  const reference = await runAll(backends.moto);
  const actual = await runAll(backends.engine);
  expect(actual, `engine vs moto`).toEqual(reference);
  return actual;
}

export function errorName(o: Outcome): string | undefined {
  return 'error' in o ? o.error.name : undefined;
}

export function okValue(o: Outcome): Record<string, unknown> {
  if (!('ok' in o)) throw new Error(`expected success, got ${JSON.stringify(o)}`);
  return o.ok;
}
