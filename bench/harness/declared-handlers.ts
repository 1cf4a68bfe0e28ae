import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { queues } from '#shared/resources.ts';
import { routes } from '#shared/routes/index.ts';
import { schedules } from '#shared/schedules.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface DeclaredHandler {
  /** Path under functions/ without extension, as declared. */
  readonly handler: string;
  readonly declaredBy: string;
  /** Absolute path of functions/<handler>.ts; undefined when the module has not landed. */
  readonly entry: string | undefined;
}

/** Every Lambda the project deploys: route handlers, queue consumers, scheduled jobs. */
export function declaredHandlers(): DeclaredHandler[] {
  const declared = new Map<string, string>();
  for (const route of routes) declared.set(route.handler, `route ${route.id}`);
  for (const [name, queue] of Object.entries(queues)) declared.set(queue.consumer.handler, `queue ${name}`);
  for (const schedule of schedules) declared.set(schedule.handler, `schedule ${schedule.name}`);
  return [...declared].map(([handler, declaredBy]) => {
    const entry = fileURLToPath(new URL(`functions/${handler}.ts`, `file://${projectRoot}`));
    return { handler, declaredBy, entry: existsSync(entry) ? entry : undefined };
  });
}
