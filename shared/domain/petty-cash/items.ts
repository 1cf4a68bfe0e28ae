/**
 * 일상경비등 (지방회계법 §34①; 회계령 §38①): the costs the 지출원 may advance to an 일상경비등 출납원,
 * with the 교부한도 of each advance (회계령 §38②) and the months it may cover (회계령 §39①: one
 * month's expected amount; three for 제4호 and 제7호). `limit` undefined = 필요금액 (the amount needed).
 */
export interface PettyCashItem {
  readonly item: number;
  readonly name: string;
  readonly limit: number | undefined;
  readonly months: 1 | 3;
  readonly source: string;
}

const TEN_MILLION = 10_000_000;
const TWENTY_MILLION = 20_000_000;

export const pettyCashItems: readonly PettyCashItem[] = [
  { item: 1, name: '여비', limit: TEN_MILLION, months: 1, source: '회계령 §38①1, ②1; §39①' },
  { item: 2, name: '일반운영비', limit: undefined, months: 1, source: '회계령 §38①2, ②3; §39①' },
  { item: 3, name: '지출원이 없는 관서의 경비', limit: undefined, months: 1, source: '회계령 §38①3, ②3; §39①' },
  { item: 4, name: '장소가 일정하지 아니한 사무소의 경비', limit: TEN_MILLION, months: 3, source: '회계령 §38①4, ②1; §39① 단서' },
  {
    item: 5,
    name: '각 관서가 시행하는 공사·제조 또는 조림에 드는 경비',
    limit: TWENTY_MILLION,
    months: 1,
    source: '회계령 §38①5, ②2; §39①',
  },
  { item: 6, name: '많은 사람에게 소액을 직접 지급하는 경비', limit: TEN_MILLION, months: 1, source: '회계령 §38①6, ②1; §39①' },
  { item: 7, name: '외국에서 지급하는 경비', limit: undefined, months: 3, source: '회계령 §38①7, ②3; §39① 단서' },
  { item: 8, name: '선박운항에 드는 경비', limit: TEN_MILLION, months: 1, source: '회계령 §38①8, ②1; §39①' },
  { item: 9, name: '지방채증권 또는 차입금의 원리금의 지급', limit: undefined, months: 1, source: '회계령 §38①9, ②3; §39①' },
  { item: 10, name: '관할구역 외에서 지급하는 경비', limit: TEN_MILLION, months: 1, source: '회계령 §38①10, ②1; §39①' },
  { item: 11, name: '보수·수당·정액의 복리후생비', limit: undefined, months: 1, source: '회계령 §38①11, ②3; §39①' },
  { item: 12, name: '각종 수당·사례금 및 업무추진비', limit: undefined, months: 1, source: '회계령 §38①12, ②3; §39①' },
  {
    item: 13,
    name: '부식물의 매입경비 또는 공사·시험·검사 재료의 구입비',
    limit: TEN_MILLION,
    months: 1,
    source: '회계령 §38①13, ②1; §39①',
  },
  {
    item: 14,
    name: '회계관계공무원으로 임명한 다른 기관 공무원에게 교부하는 경비',
    limit: undefined,
    months: 1,
    source: '회계령 §38①14, ②3; §39①',
  },
  { item: 15, name: '민간이전경비, 보상금, 용역비 및 물품구입비', limit: undefined, months: 1, source: '회계령 §38①15, ②3; §39①' },
];

export const pettyCashItem = (item: number): PettyCashItem | undefined => pettyCashItems.find((entry) => entry.item === item);
