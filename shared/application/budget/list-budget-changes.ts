import type { ChangeKind } from '#shared/domain/budget/budget-change.ts';
import { now } from '#shared/clock.ts';
import { koreanDate, quarterlyReportBasis, quarterlyReportDue, quarterlyReportStatus } from '#shared/domain/budget/deadlines.ts';
import { getQuarterlyReport } from '#shared/stores/budget/quarterly-reports.ts';
import { diversionRows } from '#shared/domain/budget/diversion-statement.ts';
import { listChanges } from '#shared/stores/budget/changes.ts';
import { getLineControl } from '#shared/stores/budget/controls.ts';

/**
 * The changes of a year, optionally of one kind and one quarter: the quarterly report to the
 * council (전용: 지방재정법 §49③; 이체: §47의2②; due by the end of the month after the quarter, named
 * with its article in `report` when one of those kinds and a quarter are asked, and whether it was
 * submitted: recorded by record-quarterly-report.ts, else due or overdue against today).
 */
export async function listBudgetChanges(gov: string, year: number, kind?: ChangeKind, quarter?: number) {
  const items = (await listChanges(gov, year, kind)).filter((c) => quarter === undefined || c.quarter === quarter);
  const net = items.reduce((s, c) => s + BigInt(c.amount), 0n);
  const basis = kind && quarterlyReportBasis[kind];
  const report = basis && quarter !== undefined ? await reportOf(gov, year, kind, quarter, basis) : null;
  return { gov, year, kind: kind ?? null, quarter: quarter ?? null, report, count: items.length, netAmount: net.toString(), items };
}

async function reportOf(gov: string, year: number, kind: ChangeKind, quarter: number, basis: string) {
  const dueBy = quarterlyReportDue(year, quarter);
  const submitted = await getQuarterlyReport(gov, year, kind, quarter);
  const { status, late } = quarterlyReportStatus(dueBy, submitted?.submittedOn, koreanDate(now().toISOString()));
  return {
    basis,
    dueBy,
    status,
    late,
    ...(submitted ? { submittedOn: submitted.submittedOn, reference: submitted.reference } : {}),
  };
}

/**
 * 예비비 사용명세서 (지방재정법 §43④; 지방자치법 §144②, §150①): each 사용결정 with its decision date,
 * amount, target line, reason, and what the target line has executed and left unused so far.
 */
export async function reserveStatement(gov: string, year: number) {
  const decisions = (await listChanges(gov, year, 'reserve-use')).filter((c) => !c.reverses);
  const targets = new Map(
    await Promise.all(
      [...new Set(decisions.map((d) => d.to))].map(async (lineId) => [lineId, await getLineControl(gov, year, lineId)] as const),
    ),
  );
  const items = decisions.map((d) => {
    const target = targets.get(d.to);
    const paid = Number(target?.paid ?? 0);
    const budget = Number(target?.budget ?? 0);
    return {
      changeId: d.changeId,
      decisionDate: d.decisionDate,
      amount: d.reversedBy ? 0 : d.amount,
      from: d.from,
      to: d.to,
      reason: d.reason,
      emergency: d.reserve?.emergency ?? false,
      reversedBy: d.reversedBy,
      targetLine: { budget, paid, unused: budget - paid },
    };
  });
  const used = items.reduce((s, i) => s + BigInt(i.amount), 0n);
  return { gov, year, used: used.toString(), items };
}

/** 예산전용조서 (지방재정법 §49④): every 전용 of the year with its amount and reason, reversals as rows of their own. */
export async function diversionStatement(gov: string, year: number) {
  const items = diversionRows(await listChanges(gov, year, 'diversion'));
  const net = items.reduce((s, i) => s + BigInt(i.amount), 0n);
  return { gov, year, count: items.length, netAmount: net.toString(), items };
}
