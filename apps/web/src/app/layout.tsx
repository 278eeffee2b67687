import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import '~/styles/base.css';
import '~/styles/controls.css';
import '~/styles/layout.css';
import '~/styles/figures.css';
import '~/styles/tables.css';
import '~/styles/lists.css';
import '~/styles/sale-form.css';

export const metadata: Metadata = {
  title: 'StoreSync',
  description: 'Your shop’s book on every device: customers, debts, repayments and sales',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f766e' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
