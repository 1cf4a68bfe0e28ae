/** Runs `worker` on `workers` parallel lanes until each lane's loop returns; rejects on the first error. */
export async function inParallel(workers: number, worker: (lane: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: workers }, (_, lane) => worker(lane)));
}

/** Takes items off a shared list from `workers` lanes, so the slowest item does not hold a whole share. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  workers: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await inParallel(Math.min(workers, items.length), async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  });
}
