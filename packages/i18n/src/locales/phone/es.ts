import type { Catalogue } from '../../catalogue.ts';

/** Español: las palabras de un día en la tienda ("venta", "cliente de paso", "queda fiado"). */
export const phoneEs: Catalogue['phone'] = {
  sales: {
    tab: 'Ventas',
    search: 'Buscar ventas',
    searchPlaceholder: 'Producto o cliente',
    newSale: 'Nueva venta',
    none: 'Aún no hay ventas. Registra la primera.',
    noMatch: 'Ninguna venta coincide con “{search}”.',
    today: 'Hoy',
    yesterday: 'Ayer',
    walkIn: 'Cliente de paso',
    unpaid: 'debe {amount}',
    rowLabel: 'Venta {items}, {amount}, {when}',
    itemQuantity: '{name} ×{quantity, number}',
    separator: ', ',
    more: '+{count, number} más',
  },
  sale: {
    title: 'Venta',
    items: 'Productos',
    line: '{quantity, number} × {price}',
    paid: 'Pagado',
    owed: 'Queda fiado',
    customer: 'Cliente',
    soldAt: 'Vendida {when}',
    edit: 'Editar venta',
    openCustomer: 'Abrir {name}',
  },
  history: {
    sale: 'Venta: {items} — {amount}',
  },
  picker: {
    recent: 'Clientes recientes',
  },
  dates: {
    dueDate: 'Fecha de pago (opcional)',
    pick: 'Elegir fecha',
    clear: 'Sin fecha',
    none: 'Sin fecha de pago',
    due: 'Paga el {date}',
  },
};
