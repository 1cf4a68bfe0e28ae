import { createHmac } from 'node:crypto';
import { digitsOnly, isBusinessNumber } from '#shared/domain/business-number.ts';
import type { Protect } from '#shared/domain/execution/ledger-entry.ts';

/**
 * The secret under which counterparties that are not businesses (a person's name, a resident number)
 * become ledger pseudonyms. In AWS it comes from the deployment's secret store into
 * HOJO_COUNTERPARTY_ID_SECRET; the fallback is for local use only. Without a secret an unsalted hash
 * of a 주민등록번호 could be reversed by trying every birth date (개인정보 보호법 §24의2).
 */
const secret = (): string => process.env.HOJO_COUNTERPARTY_ID_SECRET ?? 'hojo-local-only-counterparty-secret';

/**
 * A counterparty's ledger identifier: a valid 사업자등록번호 as its ten digits (a registered business
 * number is public, and officials look businesses up by it); anything else as `p-` and 32 hex digits
 * of HMAC-SHA-256 over the government and the text (trimmed, spaces collapsed), so the same payee
 * pages together within a government and nothing of the person can be read back.
 */
export const counterpartyId: Protect = (gov, counterparty) => {
  if (isBusinessNumber(counterparty)) return digitsOnly(counterparty);
  const normalised = counterparty.trim().replace(/\s+/g, ' ');
  return `p-${createHmac('sha256', secret())
    .update(JSON.stringify([gov, normalised]))
    .digest('hex')
    .slice(0, 32)}`;
};
