import { LOAD_ITEMS_TARGET } from '#infra/embedded/bulk-load.ts';
import { tableName } from '#shared/config/env.ts';
import { forEachConcurrently } from './concurrency.ts';

type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly L: AttributeValue[] }
  | { readonly M: Record<string, AttributeValue> };

/**
 * A plain item as the document client marshals it (lib-dynamodb with `removeUndefinedValues`, as
 * shared/clients/dynamodb.ts): strings, finite numbers, booleans, null, arrays and plain objects;
 * anything else (sets, binary, bigint) is refused rather than guessed. Written out because the
 * SDK's marshalling and JSON serialisation cost the seeder ~150 µs per nested posting record;
 * test/bench/bulk-load.test.ts checks the stored items equal BatchWriteItem's.
 */
export function marshalItem(item: Readonly<Record<string, unknown>>): Record<string, AttributeValue> {
  const map: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(item)) if (value !== undefined) map[name] = marshalValue(value, name);
  return map;
}

function marshalValue(value: unknown, path: string): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path}: ${value} is not a DynamoDB number`);
    return { N: String(value) };
  }
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null) return { NULL: true };
  if (Array.isArray(value)) return { L: value.filter((v) => v !== undefined).map((v, n) => marshalValue(v, `${path}[${n}]`)) };
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return { M: marshalItem(value as Record<string, unknown>) };
  throw new Error(`${path}: the bulk loader does not marshal ${typeof value} values`);
}

/**
 * Puts items into the project's table through the embedded engine's seeding door
 * (infra/embedded/bulk-load.ts: a BatchWriteItem body of any length, stored without the engine's
 * per-item validation and locks), `perRequest` to a request and `lanes` requests in flight: for
 * fixtures a section does not measure (section 5's year of 1,000,000 posting records, section 11's
 * history). Only the bench's embedded stack serves it.
 */
export async function loadItems(items: readonly Record<string, unknown>[], lanes = 2, perRequest = 1_000): Promise<void> {
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
  if (!endpoint) throw new Error('AWS_ENDPOINT_URL_DYNAMODB is not set: the bulk loader needs the embedded engine');
  const table = tableName();
  const requests = Array.from({ length: Math.ceil(items.length / perRequest) }, (_, n) =>
    items.slice(n * perRequest, n * perRequest + perRequest),
  );
  await forEachConcurrently(requests, lanes, async (batch) => {
    const body = JSON.stringify({ RequestItems: { [table]: batch.map((item) => ({ PutRequest: { Item: marshalItem(item) } })) } });
    const response = await postWithRetries(endpoint, body);
    if (!response.ok) throw new Error(`bulk load refused (${response.status}): ${(await response.text()).slice(0, 300)}`);
  });
}

/**
 * A load is unconditional puts, so sending it again is safe: a connection reset (a kept-alive socket
 * the engine closed as the request went out, seen once in a 1,000,000-record seed under load) is
 * retried instead of failing the section.
 */
async function postWithRetries(endpoint: string, body: string, attempts = 4): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': LOAD_ITEMS_TARGET },
        body,
      });
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}
