import { resolve } from 'node:path';

/** `.data/` under the project root, or HOJO_DATA_DIR / --data-dir. */
export const defaultDataDir = (): string => resolve(process.env.HOJO_DATA_DIR ?? new URL('../../.data', import.meta.url).pathname);

export const usesExternalEndpoints = (flag: boolean | undefined): boolean => flag === true || process.env.HOJO_EXTERNAL_ENDPOINTS === '1';
