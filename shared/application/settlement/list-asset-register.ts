import { readRegister } from '#shared/stores/settlement/adjustments.ts';

/** The government's asset register as the API shows it: amounts as decimal strings. */
export async function listAssetRegister(gov: string) {
  const items = (await readRegister(gov)).map((a) => ({
    assetId: a.assetId,
    fund: a.entity,
    account: a.account,
    cost: String(a.cost),
    residual: String(a.residual),
    inService: a.inService,
    usefulLifeYears: a.usefulLifeYears,
    structureType: a.structureType,
    ...(a.function ? { function: a.function } : {}),
    ...(a.maintainedInCondition ? { maintainedInCondition: true } : {}),
    registeredYear: a.registeredYear,
  }));
  return { gov, items };
}
