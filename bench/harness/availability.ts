import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Route } from '#shared/http/route.ts';
import { routes } from '#shared/routes/index.ts';
import { NotAvailable } from './section.ts';

const root = new URL('../../', import.meta.url);

/** The declared route with this id, or NotAvailable naming what is missing. */
export function requireRoute(id: string, why: string): Route {
  const route = routes.find((candidate) => candidate.id === id);
  if (!route) throw new NotAvailable(`route ${id} is not declared in shared/routes (${why})`);
  if (!existsSync(fileURLToPath(new URL(`functions/${route.handler}.ts`, root)))) {
    throw new NotAvailable(`route ${id} is declared but functions/${route.handler}.ts does not exist (${why})`);
  }
  return route;
}

/** Imports a project module (path from the project root), or NotAvailable when it has not landed. */
export async function requireModule<T>(path: string, why: string): Promise<T> {
  const url = new URL(path, root);
  if (!existsSync(fileURLToPath(url))) throw new NotAvailable(`${path} does not exist yet (${why})`);
  return (await import(url.href)) as T;
}
