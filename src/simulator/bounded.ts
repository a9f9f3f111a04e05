/**
 * Runs `work` on every item with at most `limit` in flight, in order of the list. Resolves when
 * all are done; a rejection of `work` is the caller's to catch (the fleet counts, never throws).
 */
export async function forEachBounded<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
