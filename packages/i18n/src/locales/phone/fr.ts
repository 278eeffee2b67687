import type { Catalogue } from '../../catalogue.ts';

/** Français : les mots d’une journée de boutique (« vente », « client de passage », « reste dû »). */
export const phoneFr: Catalogue['phone'] = {
  sales: {
    tab: 'Ventes',
    search: 'Chercher une vente',
    searchPlaceholder: 'Article ou client',
    newSale: 'Nouvelle vente',
    none: 'Pas encore de vente. Enregistrez la première.',
    noMatch: 'Aucune vente pour « {search} ».',
    today: 'Aujourd’hui',
    yesterday: 'Hier',
    walkIn: 'Client de passage',
    unpaid: 'reste {amount}',
    rowLabel: 'Vente {items}, {amount}, {when}',
    itemQuantity: '{name} ×{quantity, number}',
    separator: ', ',
    more: '+{count, number} autres',
  },
  sale: {
    title: 'Vente',
    items: 'Articles',
    line: '{quantity, number} × {price}',
    paid: 'Payé',
    owed: 'Reste dû',
    customer: 'Client',
    soldAt: 'Vendu {when}',
    edit: 'Modifier la vente',
    openCustomer: 'Ouvrir {name}',
  },
  history: {
    sale: 'Vente : {items} — {amount}',
  },
  picker: {
    recent: 'Clients récents',
  },
  dates: {
    dueDate: 'Échéance (facultatif)',
    pick: 'Choisir une date',
    clear: 'Sans date',
    none: 'Pas d’échéance',
    due: 'À payer le {date}',
  },
};
