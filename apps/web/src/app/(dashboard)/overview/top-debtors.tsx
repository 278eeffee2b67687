'use client';

import Link from 'next/link';
import { Money } from '~/components/currency';
import { Empty } from '~/components/ui/states';
import { useI18n } from '~/i18n/provider';

/** The customers who owe the most, each linking to their page. */
export function TopDebtors({ debtors }: { debtors: { id: string; name: string; owed: number }[] }) {
  const { t } = useI18n();
  if (debtors.length === 0)
    return <Empty title={t('dashboard.overview.nobodyOwes')}>{t('dashboard.overview.nobodyOwesHint')}</Empty>;
  return (
    <ol className="ranked">
      {debtors.map((d) => (
        <li key={d.id}>
          <Link href={`/customers/${d.id}`} dir="auto">
            {d.name}
          </Link>
          <Money value={d.owed} className="money--owed" />
        </li>
      ))}
    </ol>
  );
}
