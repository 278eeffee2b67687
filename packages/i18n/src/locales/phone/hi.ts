import type { Catalogue } from '../../catalogue.ts';

/** हिन्दी: दुकान के दिन की बोली ("बिक्री", "नकद ग्राहक", "उधार बाकी"). */
export const phoneHi: Catalogue['phone'] = {
  sales: {
    tab: 'बिक्री',
    search: 'बिक्री खोजें',
    searchPlaceholder: 'सामान या ग्राहक',
    newSale: 'नई बिक्री',
    none: 'अभी कोई बिक्री नहीं। पहली बिक्री दर्ज करें।',
    noMatch: '“{search}” से कोई बिक्री नहीं मिली।',
    today: 'आज',
    yesterday: 'कल',
    walkIn: 'नकद ग्राहक',
    unpaid: '{amount} बाकी',
    rowLabel: 'बिक्री {items}, {amount}, {when}',
    itemQuantity: '{name} ×{quantity, number}',
    separator: ', ',
    more: '+{count, number} और',
  },
  sale: {
    title: 'बिक्री',
    items: 'सामान',
    line: '{quantity, number} × {price}',
    paid: 'मिले',
    owed: 'उधार बाकी',
    customer: 'ग्राहक',
    soldAt: 'बेचा {when}',
    edit: 'बिक्री बदलें',
    openCustomer: '{name} खोलें',
  },
  history: {
    sale: 'बिक्री: {items} — {amount}',
  },
  picker: {
    recent: 'हाल के ग्राहक',
  },
  dates: {
    dueDate: 'चुकाने की तारीख (ज़रूरी नहीं)',
    pick: 'तारीख चुनें',
    clear: 'तारीख नहीं',
    none: 'चुकाने की कोई तारीख नहीं',
    due: '{date} तक चुकाना है',
  },
};
