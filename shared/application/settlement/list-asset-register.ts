import { readRegisterEntries } from '#shared/stores/settlement/adjustments.ts';

/** The government's asset register as the API shows it: amounts as decimal strings, with what a 과목경정 moved. */
export async function listAssetRegister(gov: string) {
  return { gov, items: await readRegisterEntries(gov) };
}
