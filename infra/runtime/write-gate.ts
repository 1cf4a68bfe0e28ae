/**
 * Holds the API's state-changing requests while a backup reads the stores: `close()` lets the
 * requests already running finish and makes new ones wait (they are not refused: the client sees
 * a slower answer, never an error); `open()` lets them through. Reads never pass through the gate.
 */
export interface WriteGate {
  /** Runs `work` when the gate is open; counts it as in flight until it settles. */
  pass<T>(work: () => Promise<T>): Promise<T>;
  /** Holds new writes and resolves once the writes in flight have finished. */
  close(): Promise<void>;
  open(): void;
}

export function createWriteGate(): WriteGate {
  let inFlight = 0;
  let closed: { opened: Promise<void>; open: () => void } | undefined;
  let drained: (() => void) | undefined;

  const settle = () => {
    inFlight -= 1;
    if (inFlight === 0) drained?.();
  };

  return {
    async pass(work) {
      while (closed) await closed.opened;
      inFlight += 1;
      try {
        return await work();
      } finally {
        settle();
      }
    },
    close() {
      if (!closed) {
        let open = () => {};
        const opened = new Promise<void>((resolve) => {
          open = resolve;
        });
        closed = { opened, open };
      }
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        drained = resolve;
      });
    },
    open() {
      const was = closed;
      closed = undefined;
      drained = undefined;
      was?.open();
    },
  };
}

/** Methods that change nothing: they never wait at the gate. */
export const isReadMethod = (method: string | undefined): boolean => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
