import { api } from './api.ts';

export interface Government {
  readonly code: string;
  readonly nameKo: string;
  readonly level: 'metropolitan' | 'basic';
  readonly parentCode: string | null;
}

let registry: Promise<Map<string, Government>> | undefined;

/** The 243 governments from the public registry (GET /governments), read once. */
export function governments(): Promise<Map<string, Government>> {
  registry ??= api<{ items: Government[] }>('/governments').then((list) => new Map(list.items.map((g) => [g.code, g])));
  return registry;
}

/** "서울특별시 종로구 (11110)" — the basic government with its 시·도, or the code alone if unknown. */
export function governmentName(all: Map<string, Government>, code: string): string {
  const found = all.get(code);
  if (!found) return code;
  const parent = found.parentCode ? all.get(found.parentCode) : undefined;
  return `${parent ? `${parent.nameKo} ` : ''}${found.nameKo} (${code})`;
}

/** The 시·도 a government belongs to (itself when metropolitan). */
export const metropolitanOf = (all: Map<string, Government>, code: string): string => all.get(code)?.parentCode || code;
