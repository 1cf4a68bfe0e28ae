import { advancesOrdered, advancesPaid, unnettedAdvance } from '#shared/domain/contract/contract.ts';
import type { Contract } from '#shared/domain/contract/contract.ts';

/** A contract as the API shows it: each 선금 claim and inspection with its payment order, and the 선금 balance. */
export function contractView(contract: Contract) {
  const { orders, orderPayments: _payments, ...rest } = contract;
  const orderOf = (documentId: string) => (orders[documentId] === undefined ? {} : { orderId: orders[documentId] });
  return {
    ...rest,
    advances: contract.advances.map((claim) => ({ ...claim, ...orderOf(claim.advanceId) })),
    inspections: contract.inspections.map((inspection) => ({ ...inspection, ...orderOf(inspection.inspectionId) })),
    advance: {
      claimed: contract.advances.reduce((sum, claim) => sum + claim.amount, 0),
      ordered: advancesOrdered(contract),
      paid: advancesPaid(contract),
      netted: contract.inspections.reduce((sum, inspection) => sum + inspection.netted, 0),
      returned: contract.advanceReturns.reduce((sum, entry) => sum + entry.amount, 0),
      unnetted: unnettedAdvance(contract),
    },
  };
}
