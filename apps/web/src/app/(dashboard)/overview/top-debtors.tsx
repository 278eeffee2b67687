import Link from 'next/link';
import { Money } from '~/components/currency';
import { Empty } from '~/components/ui/states';

/** The customers who owe the most, each linking to their page. */
export function TopDebtors({ debtors }: { debtors: { id: string; name: string; owed: number }[] }) {
  if (debtors.length === 0) return <Empty title="Nobody owes anything">Debts you record show up here.</Empty>;
  return (
    <ol className="ranked">
      {debtors.map((d) => (
        <li key={d.id}>
          <Link href={`/customers/${d.id}`}>{d.name}</Link>
          <Money value={d.owed} className="money--owed" />
        </li>
      ))}
    </ol>
  );
}
