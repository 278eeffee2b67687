/**
 * The phone's shop-day words (issue 23: the Sales tab, a sale, history rows that name what was
 * sold, the customer picker's recent customers, date pickers), English: the source of `phone.*`.
 * In its own file so that it grows without touching the sections others edit; `en.ts` holds it
 * as `phone`. Amounts, names and dates arrive formatted, as plain arguments.
 */
export const phoneEn = {
  sales: {
    tab: 'Sales',
    search: 'Search sales',
    searchPlaceholder: 'Item or customer',
    newSale: 'New sale',
    none: 'No sales yet. Record the first one.',
    noMatch: 'No sale matches “{search}”.',
    today: 'Today',
    yesterday: 'Yesterday',
    walkIn: 'Walk-in',
    unpaid: '{amount} unpaid',
    rowLabel: 'Sale {items}, {amount}, {when}',
    /** One item of a summary: "bread ×2". */
    itemQuantity: '{name} ×{quantity, number}',
    separator: ', ',
    more: '+{count, number} more',
  },
  sale: {
    title: 'Sale',
    items: 'Items',
    line: '{quantity, number} × {price}',
    paid: 'Paid',
    owed: 'Still owed',
    customer: 'Customer',
    soldAt: 'Sold {when}',
    edit: 'Edit sale',
    openCustomer: 'Open {name}',
  },
  history: {
    sale: 'Sale: {items} — {amount}',
  },
  picker: {
    recent: 'Recent customers',
  },
  dates: {
    dueDate: 'Due date (optional)',
    pick: 'Pick a date',
    clear: 'No date',
    none: 'No due date',
    due: 'Due {date}',
  },
} as const;
