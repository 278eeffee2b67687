import type { Catalogue } from '../../catalogue.ts';

/** اردو: دکان کے دن کی زبان ("فروخت"، "نقد گاہک"، "ادھار باقی"). */
export const phoneUr: Catalogue['phone'] = {
  sales: {
    tab: 'فروخت',
    search: 'فروخت تلاش کریں',
    searchPlaceholder: 'چیز یا گاہک',
    newSale: 'نئی فروخت',
    none: 'ابھی کوئی فروخت نہیں۔ پہلی فروخت درج کریں۔',
    noMatch: '“{search}” سے کوئی فروخت نہیں ملی۔',
    today: 'آج',
    yesterday: 'کل',
    walkIn: 'نقد گاہک',
    unpaid: '{amount} باقی',
    rowLabel: 'فروخت {items}، {amount}، {when}',
    itemQuantity: '{name} ×{quantity, number}',
    separator: '، ',
    more: '+{count, number} اور',
  },
  sale: {
    title: 'فروخت',
    items: 'چیزیں',
    line: '{quantity, number} × {price}',
    paid: 'وصول',
    owed: 'ادھار باقی',
    customer: 'گاہک',
    soldAt: 'بیچا {when}',
    edit: 'فروخت میں ترمیم',
    openCustomer: '{name} کھولیں',
  },
  history: {
    sale: 'فروخت: {items} — {amount}',
  },
  picker: {
    recent: 'حالیہ گاہک',
  },
  dates: {
    dueDate: 'ادائیگی کی تاریخ (اختیاری)',
    pick: 'تاریخ چنیں',
    clear: 'تاریخ نہیں',
    none: 'ادائیگی کی کوئی تاریخ نہیں',
    due: '{date} تک ادائیگی',
  },
};
