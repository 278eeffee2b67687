import { LOCALES } from '@storesync/i18n';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from '~/i18n/provider';
import { requestLocale, serverI18n } from '~/i18n/server';
import '~/styles/base.css';
import '~/styles/controls.css';
import '~/styles/layout.css';
import '~/styles/figures.css';
import '~/styles/tables.css';
import '~/styles/lists.css';
import '~/styles/sale-form.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await serverI18n();
  return { title: 'StoreSync', description: t('dashboard.tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f766e' };

/** The page's language (the menu's cookie, else Accept-Language) sets `lang` and `dir`: Urdu mirrors. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, formatLocale } = await requestLocale();
  return (
    <html lang={locale} dir={LOCALES[locale].dir}>
      <body>
        <I18nProvider locale={locale} formatLocale={formatLocale}>
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
