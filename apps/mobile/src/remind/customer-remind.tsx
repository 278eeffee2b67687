import { useRead } from '../book/reads';
import { Muted } from '../ui/layout';
import { RemindPanel } from './remind-panel';
import { useRemindedAgo } from './reminded-ago';

/** A customer's Remind action and when they were last reminded; nothing to remind when nothing is owed. */
export function CustomerRemind({ customerId, owed }: { customerId: string; owed: number }) {
  const last = useRead(`lastReminded:${customerId}`, (r) => r.lastReminded([customerId]), ['reminders']);
  const ago = useRemindedAgo()(last?.[customerId]);
  if (owed <= 0) return ago ? <Muted>{ago}</Muted> : null;
  return (
    <>
      {ago ? <Muted>{ago}</Muted> : null}
      <RemindPanel customerId={customerId} />
    </>
  );
}
