import { applicationFor, throwIf, writeStep } from '#shared/application/subsidy/common.ts';
import type { ApplicationAt } from '#shared/application/subsidy/common.ts';
import { conflict, notFound } from '#shared/domain/refusal.ts';
import { complianceRefusal, correctionOrderRefusal } from '#shared/domain/subsidy/correction-order.ts';
import type { CorrectionOrderInput } from '#shared/domain/subsidy/correction-order.ts';
import { disclosureRound } from '#shared/domain/subsidy/disclosure-cut.ts';
import type { CorrectionOrder, DisclosureCase } from '#shared/domain/subsidy/disclosure-cut.ts';
import { disclosureItems, disclosureRoundOf, headBumpItems } from '#shared/stores/subsidy/nationwide.ts';
import type { ApplicationRecord, DisclosureOrderRecord } from '#shared/stores/subsidy/records.ts';

const closed = conflict('disclosure-cut-taken', 'a 교부결정 took the cut for this grant’s 공시 시정명령 already; its orders are closed', {
  rule: 'a failure to disclose is cut once; an order issued after the cut starts a new count (보조금법 §20의2②; 보조금령 §11의2⑤)',
});

/** Where the grant's counted orders start now, from its case in the nationwide index (one read). */
async function roundOf(application: ApplicationRecord) {
  const [identifier] = application.identifiers;
  return disclosureRound(identifier ? await disclosureRoundOf(identifier, application.gov, application.applicationId) : undefined);
}

/** The orders as the cut rule counts them (issue, day, compliance). */
const counted = (orders: readonly DisclosureOrderRecord[]): CorrectionOrder[] =>
  orders.map(({ issuedOn, complyBy, compliedOn }) => ({ issuedOn, complyBy, ...(compliedOn ? { compliedOn } : {}) }));

/**
 * The grant's orders written on the application and, those of the current count (from `round.firstOrder`),
 * for the next 교부결정 of this government to the recipient under each identifier (the nationwide check reads
 * them there); the identifiers' versions move, so a decision checked before the order is checked again.
 */
function writeOrders(
  at: ApplicationAt,
  application: ApplicationRecord,
  operation: string,
  orders: DisclosureOrderRecord[],
  round: { readonly firstOrder: number; readonly reopens: boolean },
) {
  const disclosure: DisclosureCase = {
    gov: at.gov,
    applicationId: at.applicationId,
    year: at.year,
    orders: counted(orders.slice(round.firstOrder)),
  };
  return writeStep(
    at.request,
    application,
    {
      operation,
      changes: { disclosureOrders: orders },
      others: { disclosure: disclosureItems(application, disclosure, round), head: headBumpItems(application.identifiers) },
    },
    { disclosure: closed },
  );
}

/**
 * A written 시정명령 for the grant's 공시 not made by its day or made falsely (보조금법 §20의2②; 보조금령 §11의2④);
 * after a decision took the cut of the earlier orders, it starts a new count.
 */
export async function issueDisclosureOrder(at: ApplicationAt, input: CorrectionOrderInput): Promise<ApplicationRecord> {
  const application = await applicationFor(at, 'order-disclosure');
  const orders = application.disclosureOrders ?? [];
  throwIf(
    correctionOrderRefusal({
      disclosureDue: application.decision?.obligations.find((each) => each.kind === 'disclosure')?.due,
      grantAmount: application.decision?.amount ?? 0,
      order: input,
      orders: counted(orders),
    }),
  );
  const order: DisclosureOrderRecord = { ...input, issuedBy: at.request.caller?.sub ?? 'unknown' };
  return writeOrders(at, application, 'subsidy.disclosure.order', [...orders, order], await roundOf(application));
}

/** The compliance with order `orderNo` (from 1): in time it does not count; late, it still counts (영 §11의2⑤). */
export async function recordDisclosureCompliance(at: ApplicationAt, orderNo: number, compliedOn: string): Promise<ApplicationRecord> {
  const application = await applicationFor(at, 'disclosure-compliance');
  const orders = application.disclosureOrders ?? [];
  const order = orders[orderNo - 1];
  if (!order) throw notFound('correction-order-not-found', `application ${at.applicationId} has no 시정명령 ${orderNo}`);
  throwIf(complianceRefusal(order, orderNo, compliedOn));
  // an order a decision counted for its cut is closed: its compliance changes nothing any more
  const round = await roundOf(application);
  if (round.reopens || orderNo - 1 < round.firstOrder) throw closed;
  const complied: DisclosureOrderRecord = { ...order, compliedOn, complianceRecordedBy: at.request.caller?.sub ?? 'unknown' };
  return writeOrders(
    at,
    application,
    'subsidy.disclosure.comply',
    orders.map((each, index) => (index === orderNo - 1 ? complied : each)),
    round,
  );
}
