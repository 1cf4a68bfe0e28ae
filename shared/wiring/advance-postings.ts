import type { AdvancePostings } from '#shared/domain/advance-posting.ts';
import { readAdvanceOrder } from '#shared/stores/execution/advance-orders.ts';

/**
 * The petty-cash and 개산급 records read the advance order they name through `AdvancePostings`;
 * execution owns the documents (and its 지출결의 rule imports the records' 회계령 §38, §45 rules), so
 * the records never import execution: their handlers pass this.
 */
export const advancePostings: AdvancePostings = { order: readAdvanceOrder };
