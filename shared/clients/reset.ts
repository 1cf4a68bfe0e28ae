/**
 * Each client module registers how to forget its client, so that tests and the local runtime can
 * repoint handlers at other endpoints; a handler loads only the clients it uses.
 */
const resets = new Set<() => void>();

export const onResetClients = (reset: () => void): void => {
  resets.add(reset);
};

/** Forget every client built so far; the next call builds it from the current environment. */
export function resetClients(): void {
  for (const reset of resets) reset();
}
