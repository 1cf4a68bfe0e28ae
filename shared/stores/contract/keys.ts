/**
 * Keys of the contract register (계약대장):
 *
 *   pk CONTRACT#{gov}   sk CONTRACT#{contractId}             the contract with its changes, 선금 claims, inspections and returns
 *   pk CONTRACT#{gov}   sk ORDER#{contractId}#{documentId}    the payment order accepted on a 선금 claim or inspection
 *
 * The order items are written by the posting pipeline's acceptance (in its own transaction), apart from
 * the contract item, so that editing a contract never overwrites them. Ids have no "#".
 */
export const contractPartition = (gov: string): string => `CONTRACT#${gov}`;
export const contractKey = (gov: string, contractId: string) => ({ pk: contractPartition(gov), sk: `CONTRACT#${contractId}` });
export const orderPrefix = (contractId: string): string => `ORDER#${contractId}#`;
export const orderKey = (gov: string, contractId: string, documentId: string) => ({
  pk: contractPartition(gov),
  sk: `${orderPrefix(contractId)}${documentId}`,
});
