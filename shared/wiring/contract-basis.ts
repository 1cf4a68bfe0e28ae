import { contractRulesOf } from '#shared/application/contract/payment-basis.ts';
import type { ContractBasis } from '#shared/application/execution/contract-basis.ts';

/**
 * Execution asks, through `ContractBasis` (an interface it owns), whether a commitment or payment
 * order keeps the rules of the contract it names; the contract context answers. Execution never
 * imports the contract context (which reads execution's posting status), so the handlers that
 * accept commitments and payment orders pass this to submitPosting.
 */
export const contractBasis: ContractBasis = contractRulesOf;
