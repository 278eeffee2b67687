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
    paidOn: 'Date paid',
    soldOn: 'Date sold',
    dueDate: 'Due date (optional)',
    pick: 'Pick a date',
    clear: 'No date',
    none: 'No due date',
    due: 'Due {date}',
  },
  setup: {
    title: 'Set up your shop',
    intro:
      'A few details for your book, the same on every phone of the shop. You can change them later in Settings.',
    shopName: 'Shop name',
    shopNamePlaceholder: 'e.g. Duka la Amina',
    enterShopName: 'Enter the shop’s name',
    country: 'Country',
    countryHelp: 'Two letters, e.g. {example}. Phone numbers are read as this country’s.',
    countryUnknown: 'Enter the country as two letters, e.g. KE, IN or PK',
    currency: 'Currency',
    currencyHelp: 'Three letters, e.g. {example}. Suggested from this phone’s region.',
    language: 'Language of the shop',
    languageHelp: 'For messages to customers, and phones that have not chosen a language.',
    start: 'Start',
  },
  settings: {
    title: 'Settings',
    open: 'Settings',
    shop: 'Shop',
    linkDays: 'Statement links last (days)',
    remindDays: 'Remind after (days)',
    daysRange: 'Enter whole days, from {min, number} to {max, number}',
    daysDefault: 'Unless changed: {days, plural, one {# day} other {# days}}',
    save: 'Save for every device',
    saved: 'Saved. Every device of the store gets it when it syncs.',
    reminderTemplates: 'Reminder messages',
    thisPhone: 'This phone',
    devices: 'Devices of the store',
    devicesHelp:
      'Phones and browsers signed in to this store. One signed out stops syncing until someone signs in on it again; what it has not sent stays on it.',
    noDevices: 'No devices signed in',
    thisDevice: 'This phone',
    aBrowser: 'A web browser',
    lastSeen: 'Last seen {when}',
    notSeen: 'Not seen yet',
    signOutDevice: 'Sign out',
    signOutDeviceLabel: 'Sign out {device}',
    signOutDeviceTitle: 'Sign this device out?',
    signOutDeviceMessage: '{device} will stop syncing with this store until someone signs in on it again.',
    devicesFailed: 'The devices could not be loaded: {reason}',
    devicesOffline: 'The devices show when this phone reaches the server.',
    about: 'About StoreSync',
  },
  about: {
    title: 'About',
    what: 'StoreSync keeps your shop’s book on this phone and syncs it with every device of the store.',
    server: 'Server',
    version: 'App version',
  },
  check: {
    title: 'Check the amount',
    unusual: 'Are you sure? {amount} is more than 100 times the largest amount in your book ({largest}).',
    ceiling: 'Are you sure? {amount} is a very large amount. Check the zeros.',
    confirm: 'Yes, save it',
    saleZero: 'This sale comes to zero: enter the price of what was sold.',
  },
  limits: {
    tooLong:
      '{count, plural, one {# character too many} other {# characters too many}}: at most {max, number}',
  },
  debt: {
    takenOn: 'Date taken',
  },
} as const;
