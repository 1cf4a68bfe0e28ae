import { controlWriteOf } from '#shared/domain/budget/control-sync.ts';
import { toBudgetLine } from '#shared/domain/budget/line-id.ts';
import { cashTarget, lineTarget, targetKey } from '#shared/domain/execution/items.ts';
import type { ControlledItem } from '#shared/domain/execution/items.ts';
import { planBatch } from '#shared/domain/execution/plan-batch.ts';
import type { Outcome } from '#shared/domain/execution/plan-batch.ts';
import type { Actor, PostingCommand, PostingMessage } from '#shared/domain/execution/posting.ts';
import { closingPeriods, needKey } from '#shared/domain/execution/snapshot.ts';
import type { Need, Snapshot } from '#shared/domain/execution/snapshot.ts';
import type { BalanceDelta, CashMovement } from '#shared/domain/ledger/balances.ts';
import { accountWithRole } from '#shared/domain/accounting/chart.ts';
import type { OpeningBalance } from '#shared/domain/settlement/ledger-totals.ts';
import type { CarryOver } from '#shared/domain/settlement/carry-over.ts';
import type { LineControl } from '#shared/stores/budget/control-keys.ts';
import type { BudgetLineInput, ExpenditureLineInput, RevenueLineInput } from '#shared/schemas/budget.ts';
import { seededRandom } from './governments.ts';

/**
 * One government-year as the settlement bench closes it: a budget of `lines` lines over five
 * funds (회계) and `postings` postings — expenditure chains (commit → resolve → order → pay) and
 * revenue chains (assess → receive) spread over the year's business days. The postings are
 * judged by execution's own planner (planBatch), so the posting records, the line and cash
 * counters, the running balances and the fund status are the ones its consumer would leave.
 * Pure: the seeder (settlement-seed.ts) stores what this produces.
 */
export interface YearShape {
  readonly gov: string;
  readonly year: number;
  readonly lines: number;
  readonly postings: number;
  /** Seed of the generator: the same shape always produces the same year. */
  readonly seed?: number;
}

/** 일반회계, two 공기업특별회계 (water, sewage), a 기타특별회계 and a 기금, with their share of the lines. */
export const FUNDS = [
  { code: 'GEN', share: 0.6 },
  { code: 'WAT', share: 0.1 },
  { code: 'SEW', share: 0.1 },
  { code: 'HOU', share: 0.1 },
  { code: 'FND', share: 0.1 },
] as const;

/** 802 (반환금기타) rather than 801 예비비, which is never executed (its commitments are refused). */
const STAT_ITEMS = ['101-01', '201-01', '201-02', '202-01', '307-02', '401-01', '601-01', '802-01'];
const SECTORS = ['011', '013', '051', '061', '071', '081', '091', '101', '121', '141'];
const FUNDING = ['own-revenue', 'national-subsidy', 'provincial-subsidy', 'local-bond'] as const;
const REVENUE_CATEGORIES = ['1', '2', '3'];
/** Every tenth line of a fund is a revenue line. */
const REVENUE_EVERY = 10;
/** An expenditure chain is 4 postings, a revenue chain 2; a cycle is 2 + 1 chains. */
export const POSTINGS_PER_CYCLE = 10;
/** Opening cash of the year (from last year's closing), spread over the funds by share. */
const OPENING_CASH = 50_000_000_000;
const HUGE = Number.MAX_SAFE_INTEGER;

/** The line inputs of the budget (amounts are set from the simulated year: see finalLines). */
export function lineInputs(shape: YearShape): BudgetLineInput[] {
  const inputs: BudgetLineInput[] = [];
  let start = 0;
  FUNDS.forEach((fund, f) => {
    const count = f === FUNDS.length - 1 ? shape.lines - start : Math.round(shape.lines * fund.share);
    for (let j = 0; j < count; j++) {
      const n = start + j;
      const dept = `D${100 + (n % 20)}`;
      if (j % REVENUE_EVERY === REVENUE_EVERY - 1) {
        const revenue: RevenueLineInput = {
          kind: 'revenue',
          account: fund.code,
          category: REVENUE_CATEGORIES[n % REVENUE_CATEGORIES.length] as string,
          ...(REVENUE_CATEGORIES[n % REVENUE_CATEGORIES.length] === '2' ? { revenueCode: '2-1' } : {}),
          item: `T${n}`,
          name: '세입과목',
          dept,
          amount: 0,
        };
        inputs.push(revenue);
      } else {
        const expenditure: ExpenditureLineInput = {
          kind: 'expenditure',
          account: fund.code,
          policyCode: `P${Math.floor(n / 100)}`,
          policyName: '정책사업',
          unitCode: `U${Math.floor(n / 10)}`,
          unitName: '단위사업',
          detailCode: `D${n}`,
          detailName: '세부사업',
          statItem: STAT_ITEMS[n % STAT_ITEMS.length] as string,
          sector: SECTORS[n % SECTORS.length] as string,
          dept,
          fundingSource: FUNDING[n % FUNDING.length] as (typeof FUNDING)[number],
          amount: 0,
          mandatory: n % 7 === 0,
          ...journalAttributes(STAT_ITEMS[n % STAT_ITEMS.length] as string),
        };
        inputs.push(expenditure);
      }
    }
    start += count;
  });
  return inputs;
}

/** What the journal map needs of capital (401: asset class) and debt repayment (601: instrument) lines. */
const journalAttributes = (statItem: string): Partial<ExpenditureLineInput> =>
  statItem.startsWith('401') ? { assetClass: 'infrastructure' } : statItem.startsWith('601') ? { debtInstrument: 'bond' } : {};

/** Weekdays of the fiscal year (public holidays ignored). */
export function businessDays(year: number): string[] {
  const days: string[] = [];
  for (let time = Date.UTC(year, 0, 2); new Date(time).getUTCFullYear() === year; time += 86_400_000) {
    const weekday = new Date(time).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

function shuffled(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, n) => n);
  for (let n = count - 1; n > 0; n--) {
    const m = Math.floor(random() * (n + 1));
    [order[n], order[m]] = [order[m] as number, order[n] as number];
  }
  return order;
}

const actor = (sub: string, role: Actor['role'], postingId: string, date: string): Actor => ({
  sub,
  role,
  requestId: `req-${postingId}`,
  sourceIp: '10.20.30.40',
  bodySha256: 'a3f1c9e0b7d24c6e8f5a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f',
  receivedAt: `${date}T09:00:00.000Z`,
});

/**
 * The postings of the year in queue order, a cycle (2 expenditure chains and 1 revenue chain) at
 * a time, cut at exactly `shape.postings`. Chains land on lines in a shuffled order, so every
 * fund and account moves in every month.
 */
export function* postingCycles(shape: YearShape, inputs: readonly BudgetLineInput[]): Generator<PostingMessage[]> {
  const { gov, year } = shape;
  const random = seededRandom(shape.seed ?? 2026);
  const ids = inputs.map((input) => toBudgetLine(input).lineId);
  const expenditure = ids.filter((_, n) => inputs[n]?.kind === 'expenditure');
  const revenue = ids.filter((_, n) => inputs[n]?.kind === 'revenue');
  const expenditureOrder = shuffled(expenditure.length, random);
  const revenueOrder = shuffled(revenue.length, random);
  const days = businessDays(year);
  const cycles = Math.ceil(shape.postings / POSTINGS_PER_CYCLE);
  let sequence = 0;
  let emitted = 0;
  let expenditureChains = 0;
  let revenueChains = 0;

  const message = (lineId: string, date: string, command: PostingCommand, sub: string, role: Actor['role']): PostingMessage => {
    sequence += 1;
    const time = Date.parse(`${date}T09:00:00.000Z`) + sequence;
    const postingId = `${time.toString(36)}-${(Math.imul(sequence, 2654435761) >>> 0).toString(16).padStart(8, '0')}${sequence.toString(16).padStart(8, '0')}`;
    return { postingId, gov, year, lineId, command, actor: actor(sub, role, postingId, date) };
  };

  for (let cycle = 0; cycle < cycles && emitted < shape.postings; cycle++) {
    const date = days[Math.floor((cycle * days.length) / cycles)] as string;
    const batch: PostingMessage[] = [];
    for (let chain = 0; chain < 2; chain++) {
      const lineId = expenditure[expenditureOrder[expenditureChains++ % expenditure.length] as number] as string;
      const amount = 1_000_000 + Math.floor(random() * 2_000) * 1_000;
      const dept = `D${100 + (expenditureChains % 20)}`;
      const commit = message(
        lineId,
        date,
        { kind: 'commit', lineId, amount, counterparty: `vendor-${expenditureChains % 997}`, contractRef: `C-${expenditureChains}`, date },
        `fin-${dept}`,
        'finance_officer',
      );
      const resolve = message(
        lineId,
        date,
        { kind: 'resolve', commitmentId: commit.postingId, amount, date },
        `fin-${dept}`,
        'finance_officer',
      );
      const order = message(
        lineId,
        date,
        { kind: 'order', resolutionId: resolve.postingId, amount, date },
        `disb-${dept}`,
        'disbursing_officer',
      );
      const pay = message(
        lineId,
        date,
        { kind: 'pay', orderId: order.postingId, date, bankReference: `B-${sequence}` },
        `bank-${gov}`,
        'treasury_bank',
      );
      batch.push(commit, resolve, order, pay);
    }
    const lineId = revenue[revenueOrder[revenueChains++ % revenue.length] as number] as string;
    const amount = 2_000_000 + Math.floor(random() * 4_000) * 1_000;
    const assess = message(
      lineId,
      date,
      { kind: 'assess', lineId, amount, payer: `payer-${revenueChains % 9973}`, dueDate: date, date },
      'rev-D100',
      'revenue_officer',
    );
    const receive = message(
      lineId,
      date,
      { kind: 'receive', assessmentId: assess.postingId, amount, date },
      `bank-${gov}`,
      'treasury_bank',
    );
    batch.push(assess, receive);
    const cut = batch.slice(0, shape.postings - emitted);
    emitted += cut.length;
    yield cut;
  }
}

/** What the year's postings leave besides the posting records: counters, balances, fund status. */
export interface YearTotals {
  readonly lines: ReadonlyMap<string, ControlledItem>;
  readonly cash: ReadonlyMap<string, ControlledItem>;
  readonly balances: ReadonlyMap<string, BalanceDelta>;
  readonly movements: ReadonlyMap<string, CashMovement>;
  applied: number;
}

/**
 * Plans the year's postings with execution's planner, `cyclesPerBatch` cycles at a time, and
 * hands each batch's applied outcomes to `store` (awaited, so the caller sets the pace). Lines
 * and cash start with room for everything (the stored budget and allocations are sized from
 * what was executed, see finalLines); a posting the planner does not apply is a bug here.
 */
export async function simulateYear(
  shape: YearShape,
  inputs: readonly BudgetLineInput[],
  store: (outcomes: readonly Outcome[]) => Promise<void>,
  cyclesPerBatch = 100,
): Promise<YearTotals> {
  const { gov, year } = shape;
  const lines = new Map<string, ControlledItem>();
  for (const input of inputs) {
    const line = toBudgetLine(input);
    const target = lineTarget(gov, year, line.lineId);
    lines.set(targetKey(target), {
      target,
      kind: 'line',
      attrs: {
        lineId: line.lineId,
        lineKind: line.kind,
        fund: line.account,
        itemCode: controlWriteOf(line).itemCode,
        // the journal attributes as the consumer reads them (stores/execution/posting-items.ts)
        ...Object.fromEntries(
          Object.entries(controlWriteOf(line).journal).map(([name, value]) => [name === 'code' ? 'journalCode' : name, value]),
        ),
      },
      counters: { allotted: line.kind === 'expenditure' ? HUGE : 0 },
    });
  }
  const totals: YearTotals = { lines, cash: new Map(), balances: new Map(), movements: new Map(), applied: 0 };
  const cash = totals.cash as Map<string, ControlledItem>;
  const balances = totals.balances as Map<string, BalanceDelta>;
  const movements = totals.movements as Map<string, CashMovement>;
  const collectors = new Map<string, ControlledItem>();

  let pending: PostingMessage[] = [];
  let cyclesPending = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const snapshot = snapshotFor(shape, pending, lines, cash);
    let result = planBatch(pending, snapshot);
    // 징수관 receivables (COLLECTOR items) are asked for once a 징수결정 names its 징수관: give the ones
    // this run holds, absent otherwise, and plan again (a receipt reads its assessment first: two rounds).
    for (let round = 0; round < 2 && 'missing' in result && result.missing.every(isCollectorNeed); round++) {
      for (const need of result.missing)
        (snapshot.items as Map<string, ControlledItem | null>).set(
          needKey(need),
          need.type === 'item' ? (collectors.get(targetKey(need.target)) ?? null) : null,
        );
      result = planBatch(pending, snapshot);
    }
    if ('missing' in result)
      throw new Error(`seeding planned without ${result.missing.length} pieces of state: ${needKey(result.missing[0]!)}`);
    const { plan } = result;
    const refused = plan.outcomes.find((outcome) => outcome.status !== 'applied');
    if (refused) throw new Error(`seeding posting ${refused.message.postingId} was ${refused.status}: ${JSON.stringify(refused)}`);
    for (const change of plan.changes) {
      if (change.target.type === 'line') lines.set(targetKey(change.target), change.after);
      if (change.target.type === 'cash') cash.set(targetKey(change.target), change.after);
      if (change.target.type === 'collector') collectors.set(targetKey(change.target), change.after);
    }
    for (const delta of plan.balances) {
      const key = `${delta.period}|${delta.fund}|${delta.account}`;
      const previous = balances.get(key);
      balances.set(key, previous ? { ...delta, debit: previous.debit + delta.debit, credit: previous.credit + delta.credit } : delta);
    }
    for (const movement of plan.cash) {
      const previous = movements.get(movement.fund);
      movements.set(
        movement.fund,
        previous ? { ...movement, inflow: previous.inflow + movement.inflow, outflow: previous.outflow + movement.outflow } : movement,
      );
    }
    totals.applied += plan.outcomes.length;
    const outcomes = plan.outcomes;
    pending = [];
    cyclesPending = 0;
    await store(outcomes);
  };
  for (const cycle of postingCycles(shape, inputs)) {
    pending.push(...cycle);
    if (++cyclesPending >= cyclesPerBatch) await flush();
  }
  await flush();
  return totals;
}

const isCollectorNeed = (need: Need): boolean => need.type === 'item' && need.target.type === 'collector';

/** The stored state a batch is planned against: this run's lines and cash, nothing decided or closed yet. */
function snapshotFor(
  shape: YearShape,
  messages: readonly PostingMessage[],
  lines: ReadonlyMap<string, ControlledItem>,
  cash: Map<string, ControlledItem>,
): Snapshot {
  const { gov, year } = shape;
  const items = new Map<string, ControlledItem | null>(lines);
  const results = new Map<string, null>();
  const markers = new Map<string, boolean>();
  for (const message of messages) {
    results.set(needKey({ type: 'result', gov, postingId: message.postingId }), null);
    // Documents are created earlier in the same batch (chains never span batches): read as absent.
    items.set(needKey({ type: 'item', target: { type: 'doc', gov, docId: message.postingId } }), null);
    for (const period of closingPeriods(message.command.date)) markers.set(needKey({ type: 'closed', gov, year, period }), false);
    for (const fund of FUNDS) {
      const month = message.command.date.slice(0, 7);
      const target = cashTarget(gov, year, fund.code, month);
      const key = targetKey(target);
      if (!cash.has(key)) cash.set(key, { target, kind: 'cash', attrs: { fund: fund.code, month }, counters: { allocated: HUGE } });
      items.set(key, cash.get(key) as ControlledItem);
    }
  }
  return { items, results, markers };
}

const roundUp = (value: number, unit: number): number => Math.ceil(value / unit) * unit;

/**
 * The LINE# control items the year ends with, as budgeting writes them (controlWriteOf of the
 * final version's line) with the counters execution moved: each expenditure line budgeted and
 * allotted at about 112% of what was committed, each revenue line at about what was received.
 */
export function finalLines(shape: YearShape, inputs: readonly BudgetLineInput[], totals: YearTotals): LineControl[] {
  return inputs.map((input) => {
    const line = toBudgetLine(input);
    const counters = totals.lines.get(targetKey(lineTarget(shape.gov, shape.year, line.lineId)))?.counters ?? {};
    const count = (name: string) => counters[name] ?? 0;
    const budget =
      line.kind === 'expenditure'
        ? Math.max(10_000_000, roundUp(count('committed') * 1.12, 1_000_000))
        : Math.max(10_000_000, roundUp(count('received'), 1_000_000));
    const { carryIn: _none, ...write } = controlWriteOf(toBudgetLine({ ...input, amount: budget }));
    return {
      gov: shape.gov,
      year: shape.year,
      ...write,
      allotted: line.kind === 'expenditure' ? budget : 0,
      committed: count('committed'),
      resolved: count('resolved'),
      ordered: count('ordered'),
      paid: count('paid'),
      assessed: count('assessed'),
      received: count('received'),
      refunded: count('refunded'),
      version: 1,
      provisional: false,
    };
  });
}

/** The CASH# items: what was paid per fund and month, allocated with about 10% to spare. */
export function finalCash(totals: YearTotals): { fund: string; month: string; allocated: number; paid: number }[] {
  return [...totals.cash.values()].map((item) => {
    const paid = item.counters.paid ?? 0;
    return { fund: String(item.attrs.fund), month: String(item.attrs.month), allocated: roundUp(paid * 1.1, 1_000_000), paid };
  });
}

/** Last year's closing left cash against net assets in every fund. */
export function openingBalances(): OpeningBalance[] {
  return FUNDS.flatMap((fund) => {
    const amount = BigInt(Math.round(OPENING_CASH * fund.share));
    return [
      { fund: fund.code, account: accountWithRole('유동자산', 'cash').code, debit: amount, credit: 0n },
      { fund: fund.code, account: accountWithRole('순자산', 'net-assets').code, debit: 0n, credit: amount },
    ];
  });
}

/** About 1% of expenditure lines carry half of what they left unpaid into next year (명시이월). */
export function carryOversOf(lines: readonly LineControl[]): CarryOver[] {
  return lines
    .filter((line, n) => line.kind === 'expenditure' && n % 97 === 0)
    .map((line) => ({
      lineId: line.lineId,
      kind: 'explicit' as const,
      amount: Math.floor((line.budget - line.paid) / 2_000) * 1_000,
      reason: '의회 승인 명시이월 (bench)',
    }))
    .filter((carry) => carry.amount > 0);
}
