import type { Indicators } from '#shared/domain/disclosure/indicators.ts';
import type { ReportRow, ReportTable } from '#shared/domain/reports/report.ts';
import { amount, text } from '#shared/domain/reports/report.ts';

export interface GovernmentRef {
  readonly code: string;
  readonly nameKo: string;
  readonly level: string;
}

export interface DisclosedIndicators {
  readonly version: number;
  readonly indicators: Indicators;
  /** On the official basis (일반회계, 당초예산, 총계; official-indicators.ts). */
  readonly official?: Indicators;
}

/** An average on the official basis over the 순계: the nation, or a 시·도 with its 시·군·구. */
export interface IndicatorAverage {
  readonly code: string;
  readonly name: string;
  readonly indicators: Indicators;
}

/**
 * The nationwide indicator table: one row per government in registry order; a government with no
 * final budget for the year keeps its row with empty figures, so the file always has 243 rows. The
 * last two columns are the official basis (일반회계·당초예산, the government's 총계); after the
 * governments come the averages on the 순계 (전국, then each 시·도 with its 시·군·구), level "평균",
 * with only those two columns filled. Source: 지방재정법 제60조 (재정 공시) for publishing them; the
 * official basis and the 순계 averages follow official-indicators.ts (e-나라지표, 지방재정365: indicators.md
 * S10–S12); the file's layout is practice.
 */
export function indicatorTable(
  year: number,
  governments: readonly GovernmentRef[],
  disclosed: ReadonlyMap<string, DisclosedIndicators>,
  averages: readonly IndicatorAverage[] = [],
): ReportTable {
  const blank = { version: '', revenueTotal: '', ownRevenue: '', fiscalIndependence: '', autonomousRevenue: '', fiscalAutonomy: '' };
  const averageRows = averages.map(
    (average): ReportRow => ({
      code: average.code,
      name: average.name,
      level: '평균',
      year: String(year),
      ...blank,
      officialIndependence: average.indicators.fiscalIndependence.percent ?? '',
      officialAutonomy: average.indicators.fiscalAutonomy.percent ?? '',
    }),
  );
  return {
    id: `fiscal-indicators-${year}`,
    title: `재정지표 ${year}`,
    columns: [
      text('code', '자치단체코드'),
      text('name', '자치단체명'),
      text('level', '구분'),
      text('year', '회계연도'),
      text('version', '예산차수'),
      amount('revenueTotal', '세입예산'),
      amount('ownRevenue', '자체수입'),
      text('fiscalIndependence', '재정자립도(%)'),
      amount('autonomousRevenue', '자주재원'),
      text('fiscalAutonomy', '재정자주도(%)'),
      text('officialIndependence', '재정자립도(%) 일반회계·당초'),
      text('officialAutonomy', '재정자주도(%) 일반회계·당초'),
    ],
    rows: [
      ...governments.map((government): ReportRow => {
        const found = disclosed.get(government.code);
        const base = {
          code: government.code,
          name: government.nameKo,
          level: government.level === 'metropolitan' ? '광역' : '기초',
          year: String(year),
        };
        if (!found) return { ...base, ...blank, officialIndependence: '', officialAutonomy: '' };
        const { indicators } = found;
        return {
          ...base,
          version: String(found.version),
          revenueTotal: indicators.revenueTotal,
          ownRevenue: indicators.ownRevenue,
          fiscalIndependence: indicators.fiscalIndependence.percent ?? '',
          autonomousRevenue: indicators.autonomousRevenue,
          fiscalAutonomy: indicators.fiscalAutonomy.percent ?? '',
          officialIndependence: found.official?.fiscalIndependence.percent ?? '',
          officialAutonomy: found.official?.fiscalAutonomy.percent ?? '',
        };
      }),
      ...averageRows,
    ],
  };
}
