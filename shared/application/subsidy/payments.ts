import { applicationFor, newId, throwIf, writeStep } from '#shared/application/subsidy/common.ts';
import type { ApplicationAt } from '#shared/application/subsidy/common.ts';
import type { SubsidyLedger } from '#shared/application/subsidy/ledger.ts';
import { conflict, notFound } from '#shared/domain/refusal.ts';
import { paymentRefusal } from '#shared/domain/subsidy/execution.ts';
import { withdrawnRefusal } from '#shared/domain/subsidy/objection.ts';
import { getPayment, paymentItem } from '#shared/stores/subsidy/applications.ts';
import type { PaymentRecord } from '#shared/stores/subsidy/records.ts';

type Evidence = PaymentRecord['evidence'];

/** 교부신청 by the recipient with its evidence (보조금법 §10의2; 보조금령 §5의2③). */
export async function requestPayment(
  at: ApplicationAt,
  input: { readonly amount: number; readonly requestedOn: string; readonly evidence: Evidence },
): Promise<PaymentRecord> {
  const { request, gov, year, applicationId } = at;
  const application = await applicationFor(at, 'request-payment');
  throwIf(withdrawnRefusal(application.objections ?? [], input.requestedOn));
  throwIf(paymentRefusal(application.decision?.amount ?? 0, application.paid, application.requested, input.amount));
  const record: PaymentRecord = { applicationId, paymentId: newId('P', request.receivedAt), ...input, state: 'requested' };
  await writeStep(request, application, {
    operation: 'subsidy.payment.request',
    changes: { requested: application.requested + input.amount },
    others: { payment: paymentItem(gov, year, record, 'new') },
  });
  return record;
}

/**
 * 교부 by the 회계과: 지출결의 and 지급명령 against the grant's commitment through the ledger (the 금고
 * confirms the payment on the execution side), then the request is marked paid.
 */
export async function payRequest(at: ApplicationAt, paymentId: string, paidOn: string, ledger: SubsidyLedger): Promise<PaymentRecord> {
  const { request, gov, year, applicationId } = at;
  const application = await applicationFor(at, 'pay');
  throwIf(withdrawnRefusal(application.objections ?? [], paidOn));
  const payment = await getPayment(gov, year, applicationId, paymentId);
  if (!payment) throw notFound('payment-request-not-found', `application ${applicationId} has no payment request ${paymentId}`);
  if (payment.state === 'paid') throw conflict('payment-request-settled', `payment request ${paymentId} was paid on ${payment.paidOn}`);
  const posted = await ledger.pay({
    request,
    gov,
    year,
    commitmentId: application.decision?.commitmentId ?? '',
    amount: payment.amount,
    reference: `subsidy.${gov}.${year}.${applicationId}.${paymentId}`,
    date: paidOn,
  });
  const paid: PaymentRecord = { ...payment, state: 'paid', paidOn, ...posted };
  await writeStep(request, application, {
    operation: 'subsidy.payment.pay',
    changes: { requested: application.requested - payment.amount, paid: application.paid + payment.amount },
    others: { payment: paymentItem(gov, year, paid, 'requested') },
  });
  return paid;
}
