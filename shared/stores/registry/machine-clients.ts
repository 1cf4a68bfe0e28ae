import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { MachineClient } from '#shared/auth/machine-clients.ts';
import { dynamoClient } from '#shared/clients/dynamodb.ts';
import { tableName } from '#shared/config/env.ts';
import { queryAll } from '#shared/stores/table/query-all.ts';

/**
 * The machine-client registry (issue #19, finding 10): one item per OAuth client-credentials client
 * (the treasury bank link, a department system), pk MACHINE-CLIENTS / sk CLIENT#{clientId}, all in
 * one partition (a few dozen clients: one per bank and operator, a few per government that wants its
 * own), so the operators list them with one query. `govs` holds the governments it acts for; an item
 * written before sets existed holds `gov` alone and reads as the set of that one government.
 */
export type MachineClientStatus = 'active' | 'suspended';

export interface MachineClientRegistration extends MachineClient {
  readonly clientId: string;
  readonly status: MachineClientStatus;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

const PARTITION = 'MACHINE-CLIENTS';
const key = (clientId: string) => ({ pk: PARTITION, sk: `CLIENT#${clientId}` });

export async function findMachineClient(clientId: string): Promise<MachineClientRegistration | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: key(clientId) }));
  return Item ? toRegistration(Item) : undefined;
}

export async function listMachineClients(): Promise<MachineClientRegistration[]> {
  const items = await queryAll({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': PARTITION } });
  return items.map(toRegistration);
}

/** Registers a client, or replaces its registration (a new government or role, a suspension). */
export async function putMachineClient(registration: MachineClientRegistration): Promise<void> {
  await dynamoClient().send(new PutCommand(machineClientPut(registration).Put));
}

/** The same write as a TransactWriteItems action, to go with its audit record (the API route). */
export function machineClientPut(registration: MachineClientRegistration) {
  return { Put: { TableName: tableName(), Item: { ...key(registration.clientId), entity: 'machine-client', ...registration } } };
}

function toRegistration(item: Record<string, unknown>): MachineClientRegistration {
  return {
    clientId: String(item.clientId),
    role: item.role as MachineClientRegistration['role'],
    govs: Array.isArray(item.govs) ? item.govs.map(String) : [String(item.gov)],
    status: item.status === 'active' ? 'active' : 'suspended',
    updatedAt: String(item.updatedAt),
    updatedBy: String(item.updatedBy),
  };
}
