import { advancesPaid, unnettedAdvance, yearAmount } from '#shared/domain/contract/contract.ts';
import type { Contract, Inspection } from '#shared/domain/contract/contract.ts';
import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';

export interface InspectionInput {
  readonly inspectionId: string;
  readonly kind: 'progress' | 'completion';
  readonly inspectedOn: string;
  readonly inspector: string;
  readonly value: number;
}

/**
 * A 검사 (지방계약법 §17) and what it makes payable (§18①: 대가 after 검사). The 선금 is netted
 * (선금정산) against it:
 * - 기성: in proportion, 선금 paid × 기성금액 / this year's contract amount, rounded down (practice: the
 *   계약예규 선금정산 formula; not read [U]), never more than what is unnetted;
 * - 준공: all that is unnetted, up to the value. What the value cannot cover must have been
 *   returned (반납) before; otherwise the 준공 is refused (execution-rules §3.4).
 * The inspected values together never exceed the contract amount.
 */
export function inspect(contract: Contract, input: InspectionInput): { readonly inspection: Inspection } | { readonly refusal: Refusal } {
  const inspectedBefore = contract.inspections.reduce((sum, inspection) => sum + inspection.value, 0);
  if (inspectedBefore + input.value > contract.amount) {
    return {
      refusal: refusal('unprocessable', 'inspection-exceeds-contract', 'the inspected values would exceed the contract amount', {
        rule: 'Σ 검사금액 ≤ 계약금액 (지방계약법 §17, §18)',
        contractAmount: contract.amount,
        inspectedBefore,
        value: input.value,
      }),
    };
  }
  const unnetted = unnettedAdvance(contract);
  const advance = advancesPaid(contract);
  const base = yearAmount(contract, Number(input.inspectedOn.slice(0, 4))) || contract.amount;
  const netted =
    input.kind === 'completion'
      ? Math.min(unnetted, input.value)
      : Math.min(unnetted, Number((BigInt(advance) * BigInt(input.value)) / BigInt(base)));
  if (input.kind === 'completion' && unnetted > netted) {
    return {
      refusal: refusal(
        'unprocessable',
        'advance-unnetted-at-completion',
        `the 준공 leaves ${unnetted - netted} won of 선금 neither netted nor returned`,
        {
          rule: 'at 준공 the 선금 is netted in full or returned (반납) first (회계령 §44; 지방회계법 §27)',
          unnetted,
          value: input.value,
          toReturn: unnetted - netted,
        },
      ),
    };
  }
  return { inspection: { ...input, netted, payable: input.value - netted } };
}
