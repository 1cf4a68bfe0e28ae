/** Counts and wall time of every SDK call by service and command, summed by a client middleware. */
export interface CallTimes {
  readonly calls: Record<string, { count: number; ms: number }>;
  reset(): void;
  detach(): void;
}

interface MiddlewareClient {
  readonly middlewareStack: {
    add(middleware: unknown, options: { step: 'initialize'; name: string; priority?: 'high' }): void;
    remove(name: string): boolean;
  };
}

const NAME = 'profileCallTimer';

export function timeCalls(clients: readonly { service: string; client: MiddlewareClient }[]): CallTimes {
  let calls: Record<string, { count: number; ms: number }> = {};
  for (const { service, client } of clients) {
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        const started = performance.now();
        try {
          return await next(args);
        } finally {
          const name = `${service} ${String(context.commandName ?? 'unknown').replace(/Command$/, '')}`;
          calls[name] ??= { count: 0, ms: 0 };
          calls[name].count += 1;
          calls[name].ms += performance.now() - started;
        }
      },
      { step: 'initialize', name: NAME, priority: 'high' },
    );
  }
  return {
    get calls() {
      return calls;
    },
    reset: () => {
      calls = {};
    },
    detach: () => {
      for (const { client } of clients) client.middlewareStack.remove(NAME);
    },
  };
}
