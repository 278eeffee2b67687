'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCurrency, useFormatMoney } from '~/components/currency';
import { useI18n } from '~/i18n/provider';

interface Day {
  day: string;
  sales: number;
  debts: number;
  payments: number;
}

const sum = (days: Day[], key: 'sales' | 'debts' | 'payments') => days.reduce((s, d) => s + d[key], 0);

/** Sales per day, and new debt against repayments per day, over the days given. */
export function DailyCharts({ days }: { days: Day[] }) {
  const currency = useCurrency();
  const format = useFormatMoney();
  const { t, shortDay, longDay, compactMoney, dir } = useI18n();
  if (!currency) return null;
  const axis = (minor: number) => compactMoney(minor, currency);
  // Right to left, days run from the right and the amounts' axis stands on the right.
  const rtl = dir === 'rtl';
  const common = {
    xAxis: (
      <XAxis
        dataKey="day"
        tickFormatter={shortDay}
        minTickGap={24}
        tickLine={false}
        fontSize={12}
        reversed={rtl}
      />
    ),
    yAxis: (
      <YAxis
        tickFormatter={axis}
        width={88}
        tickLine={false}
        axisLine={false}
        fontSize={12}
        orientation={rtl ? 'right' : 'left'}
      />
    ),
    tooltip: (
      <Tooltip
        formatter={(value) => format(Number(value))}
        labelFormatter={(day) => longDay(String(day))}
        cursor={{ fill: 'rgba(15, 118, 110, 0.08)' }}
      />
    ),
  };
  return (
    <div className="charts">
      <figure
        aria-label={t('dashboard.overview.salesPerDayLabel', {
          amount: format(sum(days, 'sales')),
          days: days.length,
        })}
      >
        <figcaption>{t('dashboard.overview.salesPerDay')}</figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={days} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid vertical={false} stroke="#e7e5e0" />
            {common.xAxis}
            {common.yAxis}
            {common.tooltip}
            <Bar dataKey="sales" name={t('dashboard.overview.sales')} fill="#0f766e" radius={[3, 3, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure
        aria-label={t('dashboard.overview.debtAndRepaymentsLabel', {
          debts: format(sum(days, 'debts')),
          payments: format(sum(days, 'payments')),
          days: days.length,
        })}
      >
        <figcaption>{t('dashboard.overview.debtAndRepayments')}</figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={days} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid vertical={false} stroke="#e7e5e0" />
            {common.xAxis}
            {common.yAxis}
            {common.tooltip}
            <Legend iconType="square" wrapperStyle={{ fontSize: 13 }} />
            <Bar
              dataKey="debts"
              name={t('dashboard.overview.newDebt')}
              fill="#c2410c"
              radius={[3, 3, 0, 0]}
            />
            <Bar
              dataKey="payments"
              name={t('dashboard.overview.repayments')}
              fill="#15803d"
              radius={[3, 3, 0, 0]}
            />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
