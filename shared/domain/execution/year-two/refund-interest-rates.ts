/**
 * The 기본이자율 of 「국세기본법 시행령」 제43조의3제2항 본문, as dated data: the rate both 과오납금 이자
 * (지방회계법 시행령 제31조: "「국세기본법 시행령」 제43조의3제2항에 따른 이자율") and 지방세환급가산금
 * (지방세기본법 시행령 제43조제2항 본문: "「국세기본법 시행령」 제43조의3제2항 본문에 따른 이자율") run at.
 * That 본문 leaves the figure to the 기획재정부령 (재정경제부령 since 2026.1.2): 「국세기본법 시행규칙」
 * 제19조의3 (국세환급가산금의 이율) "… 이자율이란 연 1천분의 N을 말한다". Each row is that article as
 * read in the legalize-kr history of kr/국세기본법/시행규칙.md (repository xxyy89890-wq/legalize-kr, one
 * commit per amendment; the newest, 2026-03-20, also in orca-technologies/legalize-kr), in force from the
 * amendment's 시행일 (each 부칙 read: "이 규칙은 공포한 날부터 시행한다").
 *
 * By the 부칙 of every amendment since 2017 (e.g. 부칙 <제1122호,2025.3.21> 제3조, read), a period that
 * began before an amendment keeps the old rate for the days before it: interest is the sum over the
 * rows of the days each was in force (refund-interest.ts). Days before the first row are not covered
 * by the texts collected here: a refund reaching back before it is refused, never guessed.
 */
export interface RefundRate {
  /** First day the rate applies (yyyy-mm-dd). */
  readonly from: string;
  /** 연 1천분의 N. */
  readonly perMille: number;
  readonly source: string;
}

const rule = (date: string) => `국세기본법 시행규칙 제19조의3 (${date} 개정·시행, legalize-kr)`;

export const basicRefundRates: readonly RefundRate[] = [
  { from: '2014-03-14', perMille: 29, source: rule('2014.3.14') },
  { from: '2015-03-06', perMille: 25, source: rule('2015.3.6') },
  { from: '2016-03-07', perMille: 18, source: rule('2016.3.7') },
  { from: '2017-03-15', perMille: 16, source: rule('2017.3.15') },
  { from: '2018-03-19', perMille: 18, source: rule('2018.3.19') },
  { from: '2019-03-20', perMille: 21, source: rule('2019.3.20') },
  { from: '2020-03-13', perMille: 18, source: rule('2020.3.13') },
  { from: '2021-03-16', perMille: 12, source: rule('2021.3.16') },
  { from: '2023-03-20', perMille: 29, source: rule('2023.3.20') },
  { from: '2024-03-22', perMille: 35, source: rule('2024.3.22') },
  { from: '2025-03-21', perMille: 31, source: rule('2025.3.21') },
];

/** The first day the table covers. */
export const firstRateDay = basicRefundRates[0]?.from ?? '';

const DAY_MS = 86_400_000;
export const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
export const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The days from `first` to `last` (inclusive day numbers) under each rate, oldest first. */
export function rateSegments(first: number, last: number): { rate: RefundRate; days: number }[] {
  const segments: { rate: RefundRate; days: number }[] = [];
  basicRefundRates.forEach((rate, i) => {
    const next = basicRefundRates[i + 1];
    const start = Math.max(first, dayNumber(rate.from));
    const end = Math.min(last, next ? dayNumber(next.from) - 1 : last);
    if (end >= start) segments.push({ rate, days: end - start + 1 });
  });
  return segments;
}
