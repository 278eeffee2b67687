'use client';

import { minorDigits } from '@storesync/schema';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useCurrency, useFormatMoney } from '~/components/currency';
import { longDay, shortDay } from '~/lib/dates';

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
  if (!currency) return null;
  const compact = new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact' });
  const axis = (minor: number) => compact.format(minor / 10 ** minorDigits(currency));
  const common = {
    xAxis: <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={24} tickLine={false} fontSize={12} />,
    yAxis: <YAxis tickFormatter={axis} width={64} tickLine={false} axisLine={false} fontSize={12} />,
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
      <figure aria-label={`Sales per day: ${format(sum(days, 'sales'))} in ${days.length} days`}>
        <figcaption>Sales per day</figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={days} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid vertical={false} stroke="#e7e5e0" />
            {common.xAxis}
            {common.yAxis}
            {common.tooltip}
            <Bar dataKey="sales" name="Sales" fill="#0f766e" radius={[3, 3, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure
        aria-label={`New debt ${format(sum(days, 'debts'))} and repayments ${format(sum(days, 'payments'))} in ${days.length} days`}
      >
        <figcaption>New debt and repayments per day</figcaption>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={days} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid vertical={false} stroke="#e7e5e0" />
            {common.xAxis}
            {common.yAxis}
            {common.tooltip}
            <Legend iconType="square" wrapperStyle={{ fontSize: 13 }} />
            <Bar dataKey="debts" name="New debt" fill="#c2410c" radius={[3, 3, 0, 0]} />
            <Bar dataKey="payments" name="Repayments" fill="#15803d" radius={[3, 3, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
