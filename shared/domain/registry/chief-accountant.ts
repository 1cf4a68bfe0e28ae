import { refusal } from '#shared/domain/refusal.ts';
import type { Refusal } from '#shared/domain/refusal.ts';
import { sameOfficial } from '#shared/domain/same-official.ts';

/** One appointed official: the identity provider's subject, the 직급 (1급 … 9급: lower is more senior) and the appointment. */
export interface AppointedOfficial {
  readonly subject: string;
  readonly grade: number;
  readonly reference: string;
}

/**
 * 회계책임관 (지방회계법 제10조) and 통합지출관 (제45조②; 시행령 제53조) as the head appointed them.
 * `directSuperior`: the 회계책임관 is the 통합지출관's 직근 상급자 (then the grade may be the same).
 */
export interface AccountingAppointments {
  readonly chiefAccountant: AppointedOfficial;
  readonly integratedDisbursingOfficer: AppointedOfficial;
  readonly directSuperior?: boolean | undefined;
}

const ARTICLE = '지방회계법 시행령 제5조제1항';

/**
 * 시행령 제5조①: the head appoints the 회계책임관 from among the 통합지출관's 직근 상급자 or 상위 직급자 —
 * so never the 통합지출관 himself (`chief-accountant-not-separate`), and either the direct superior or of a
 * higher grade (`chief-accountant-not-senior`). Checked when the configuration is saved (422).
 */
export function appointmentsRefusal(appointments: AccountingAppointments): Refusal | undefined {
  const { chiefAccountant: chief, integratedDisbursingOfficer: disbursing } = appointments;
  if (sameOfficial(chief.subject, disbursing.subject))
    return refusal('unprocessable', 'chief-accountant-not-separate', 'the 회계책임관 must be another official than the 통합지출관', {
      rule: 'chief-accountant-not-separate',
      article: ARTICLE,
      subject: chief.subject,
    });
  if (appointments.directSuperior === true || chief.grade < disbursing.grade) return undefined;
  return refusal(
    'unprocessable',
    'chief-accountant-not-senior',
    `the 회계책임관 (${chief.grade}급) must be the 통합지출관's direct superior or of a higher grade than ${disbursing.grade}급`,
    {
      rule: 'chief-accountant-not-senior',
      article: ARTICLE,
      chiefAccountantGrade: chief.grade,
      integratedDisbursingOfficerGrade: disbursing.grade,
    },
  );
}

/**
 * The year-end closing (결산, whose 결산서 the 통합지출관 prepares: 시행령 제53조②1) is requested by the
 * 회계책임관 the government recorded, never by the 통합지출관 (403 `chief-accountant-not-separate`, or
 * `chief-accountant-not-appointed` for another official). A government that recorded no appointments is
 * not checked ([U]: hojo cannot tell who holds the posts until they are recorded).
 */
export function closingAppointmentRefusal(appointments: AccountingAppointments | undefined, closer: string): Refusal | undefined {
  if (!appointments) return undefined;
  if (sameOfficial(appointments.integratedDisbursingOfficer.subject, closer))
    return refusal('forbidden', 'chief-accountant-not-separate', 'the 통합지출관 may not close the year as 회계책임관', {
      rule: 'chief-accountant-not-separate',
      article: ARTICLE,
      subject: closer,
    });
  if (sameOfficial(appointments.chiefAccountant.subject, closer)) return undefined;
  return refusal('forbidden', 'chief-accountant-not-appointed', 'the year-end closing is requested by the appointed 회계책임관', {
    rule: 'chief-accountant-not-appointed',
    article: '지방회계법 제10조; 시행령 제5조제1항',
    subject: closer,
    appointed: appointments.chiefAccountant.subject,
  });
}
