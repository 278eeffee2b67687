/** Live rows of the caller's store, of one customer when given: the `where` of every ledger list. */
export const liveRowsWhere = (userId: string, customerId?: string | null) => ({
  userId,
  deletedAt: null,
  ...(customerId && { customerId }),
});

/** One page of a list: its items, the total, and where the next page starts (null at the end). */
export function pageOf<T>(items: T[], total: number, cursor: number) {
  const next = cursor + items.length;
  return { items, total, nextCursor: next < total ? next : null };
}
