import { assetAttributes, readRegister } from '#shared/stores/settlement/adjustments.ts';

/** The government's asset register as the API shows it: amounts as decimal strings. */
export async function listAssetRegister(gov: string) {
  return { gov, items: (await readRegister(gov)).map(assetAttributes) };
}
