import { tableName } from '#shared/config/env.ts';
import type { ConcurrentRolesConfig } from '#shared/domain/registry/concurrent-roles.ts';
import { keyOf } from '#shared/stores/table/batch-get.ts';
import { coalescedGet } from '#shared/stores/table/coalesced-get.ts';
import type { TransactItem } from '#shared/stores/table/transact.ts';

/** A government's 겸직 configuration: pk GOV#{code} / sk CONCURRENT-ROLES, replaced as a whole. */
const key = (gov: string) => ({ pk: `GOV#${gov}`, sk: 'CONCURRENT-ROLES' });

/**
 * Read on every commitment, order and receipt (the 재정보증 check): strongly consistent, coalesced with the other
 * reads of the requests served at the same time (coalesced-get.ts; not cached, so a change is seen at once).
 */
export async function getConcurrentRolesConfig(gov: string): Promise<(ConcurrentRolesConfig & { readonly revision: number }) | undefined> {
  const Item = (await coalescedGet([key(gov)], { consistent: true })).get(keyOf(key(gov)));
  if (!Item) return undefined;
  // Written before the offices were recorded apart (an exception carried its own 정원): no office is recorded, so such
  // exceptions cover nobody until the 회계책임관 records the 관서's 정원.
  const offices = (Item.offices ?? []) as ConcurrentRolesConfig['offices'];
  return {
    offices,
    exceptions: Item.exceptions as ConcurrentRolesConfig['exceptions'],
    ...(Item.appointments ? { appointments: Item.appointments as ConcurrentRolesConfig['appointments'] } : {}),
    ...(Item.fidelityGuarantees ? { fidelityGuarantees: Item.fidelityGuarantees as ConcurrentRolesConfig['fidelityGuarantees'] } : {}),
    revision: Number(Item.revision),
  };
}

/** Replaces the configuration if it is still at `revision` (0: none stored yet). */
export const putConcurrentRolesConfig = (gov: string, config: ConcurrentRolesConfig, revision: number): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: {
      ...key(gov),
      entity: 'concurrent-roles',
      gov,
      offices: config.offices,
      exceptions: config.exceptions,
      ...(config.appointments ? { appointments: config.appointments } : {}),
      ...(config.fidelityGuarantees ? { fidelityGuarantees: config.fidelityGuarantees } : {}),
      revision: revision + 1,
    },
    ...(revision === 0
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'revision = :revision', ExpressionAttributeValues: { ':revision': revision } }),
  },
});
