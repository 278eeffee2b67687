import type { Catalogue } from '../../catalogue.ts';

/** Kiswahili: maneno ya siku ya duka ("mauzo", "mteja wa kupita", "bado anadaiwa"). */
export const phoneSw: Catalogue['phone'] = {
  sales: {
    tab: 'Mauzo',
    search: 'Tafuta mauzo',
    searchPlaceholder: 'Bidhaa au mteja',
    newSale: 'Uza',
    none: 'Bado hakuna mauzo. Rekodi ya kwanza.',
    noMatch: 'Hakuna mauzo yanayolingana na “{search}”.',
    today: 'Leo',
    yesterday: 'Jana',
    walkIn: 'Mteja wa kupita',
    unpaid: '{amount} bado',
    rowLabel: 'Mauzo {items}, {amount}, {when}',
    itemQuantity: '{name} ×{quantity, number}',
    separator: ', ',
    more: 'na {count, number} zaidi',
  },
  sale: {
    title: 'Mauzo',
    items: 'Bidhaa',
    line: '{quantity, number} × {price}',
    paid: 'Amelipa',
    owed: 'Bado anadaiwa',
    customer: 'Mteja',
    soldAt: 'Imeuzwa {when}',
    edit: 'Badilisha mauzo',
    openCustomer: 'Fungua {name}',
  },
  history: {
    sale: 'Mauzo: {items} — {amount}',
  },
  picker: {
    recent: 'Wateja wa karibuni',
  },
  dates: {
    dueDate: 'Tarehe ya kulipa (si lazima)',
    pick: 'Chagua tarehe',
    clear: 'Bila tarehe',
    none: 'Hakuna tarehe ya kulipa',
    due: 'Alipe kufikia {date}',
  },
};
