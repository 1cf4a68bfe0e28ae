import { applicationFor, throwIf, writeStep } from '#shared/application/subsidy/common.ts';
import type { ApplicationAt } from '#shared/application/subsidy/common.ts';
import { conflict, notFound } from '#shared/domain/refusal.ts';
import { complianceRefusal, correctionOrderRefusal } from '#shared/domain/subsidy/correction-order.ts';
import type { CorrectionOrderInput } from '#shared/domain/subsidy/correction-order.ts';
import type { CorrectionOrder, DisclosureCase } from '#shared/domain/subsidy/disclosure-cut.ts';
import { disclosureItems, headBumpItems } from '#shared/stores/subsidy/nationwide.ts';
import type { ApplicationRecord, DisclosureOrderRecord } from '#shared/stores/subsidy/records.ts';

const closed = conflict('disclosure-cut-taken', 'a 교부결정 took the cut for this grant’s 공시 시정명령 already; its orders are closed', {
  rule: 'a failure to disclose is cut once (보조금법 §20의2②; 보조금령 §11의2⑤)',
});

/** The orders as the cut rule counts them (issue, day, compliance). */
const counted = (orders: readonly DisclosureOrderRecord[]): CorrectionOrder[] =>
  orders.map(({ issuedOn, complyBy, compliedOn }) => ({ issuedOn, complyBy, ...(compliedOn ? { compliedOn } : {}) }));

/**
 * The grant's orders written on the application and, for the next 교부결정 of this government to the
 * recipient, under each identifier (the nationwide check reads them there); the identifiers' versions
 * move, so a decision checked before the order is checked again.
 */
function writeOrders(at: ApplicationAt, application: ApplicationRecord, operation: string, orders: DisclosureOrderRecord[]) {
  const disclosure: DisclosureCase = { gov: at.gov, applicationId: at.applicationId, year: at.year, orders: counted(orders) };
  return writeStep(
    at.request,
    application,
    {
      operation,
      changes: { disclosureOrders: orders },
      others: { disclosure: disclosureItems(application, disclosure), head: headBumpItems(application.identifiers) },
    },
    { disclosure: closed },
  );
}

/** A written 시정명령 for the grant's 공시 not made by its day or made falsely (보조금법 §20의2②; 보조금령 §11의2④). */
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
  return writeOrders(at, application, 'subsidy.disclosure.order', [...orders, order]);
}

/** The compliance with order `orderNo` (from 1): in time it does not count; late, it still counts (영 §11의2⑤). */
export async function recordDisclosureCompliance(at: ApplicationAt, orderNo: number, compliedOn: string): Promise<ApplicationRecord> {
  const application = await applicationFor(at, 'disclosure-compliance');
  const orders = application.disclosureOrders ?? [];
  const order = orders[orderNo - 1];
  if (!order) throw notFound('correction-order-not-found', `application ${at.applicationId} has no 시정명령 ${orderNo}`);
  throwIf(complianceRefusal(order, orderNo, compliedOn));
  const complied: DisclosureOrderRecord = { ...order, compliedOn, complianceRecordedBy: at.request.caller?.sub ?? 'unknown' };
  return writeOrders(
    at,
    application,
    'subsidy.disclosure.comply',
    orders.map((each, index) => (index === orderNo - 1 ? complied : each)),
  );
}
