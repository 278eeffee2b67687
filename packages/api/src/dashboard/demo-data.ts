/** The demo store's customers: name, phone, and debts/repayments as [days ago, amount in minor units]. */
export const DEMO_CUSTOMERS = [
  {
    name: 'Amina Njeri',
    phone: '+254 700 111 201',
    debts: [
      [26, 12_000],
      [9, 4_500],
    ],
    payments: [[18, 6_000]],
  },
  { name: 'Baraka Otieno', phone: '+254 700 111 202', debts: [[21, 8_000]], payments: [[4, 8_000]] },
  {
    name: 'Chiara Rossi',
    phone: '+39 333 555 0103',
    debts: [
      [14, 25_000],
      [2, 3_200],
    ],
    payments: [
      [10, 5_000],
      [1, 5_000],
    ],
  },
  { name: 'Daniel Mensah', phone: null, debts: [[6, 2_750]], payments: [] },
  { name: 'Esther Wanjiku', phone: '+254 700 111 205', debts: [], payments: [] },
  { name: 'Farid Haddad', phone: '+961 3 555 0106', debts: [[12, 15_500]], payments: [[3, 7_500]] },
] as const;

/** Goods on the demo shelves: name and unit price in minor units. */
export const DEMO_GOODS = [
  ['Rice 2 kg', 450],
  ['Maize flour 2 kg', 320],
  ['Sugar 1 kg', 260],
  ['Cooking oil 1 l', 540],
  ['Milk 500 ml', 110],
  ['Bread', 150],
  ['Eggs (tray)', 720],
  ['Soap bar', 95],
  ['Tea leaves 250 g', 280],
  ['Matches (10)', 60],
] as const;
