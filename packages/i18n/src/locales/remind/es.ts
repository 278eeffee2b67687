import type { Catalogue } from '../../catalogue.ts';

/** Recordatorios y números de teléfono, español. */
export const remindEs: Catalogue['remind'] = {
  template:
    'Hola, le escribe {shop}. Su saldo con nosotros es de {amount}, con vencimiento el {dueDate}. Su estado de cuenta: {link}',
  templateNoDue: 'Hola, le escribe {shop}. Su saldo con nosotros es de {amount}. Su estado de cuenta: {link}',
  noDueDate: 'lo antes posible',
  remind: 'Recordar',
  remindTitle: 'Recordar a {name}',
  whatsapp: 'Por WhatsApp',
  sms: 'Por SMS',
  share: 'Compartir…',
  close: 'Cerrar',
  noPhone: 'No hay un número que WhatsApp o SMS puedan usar ({phone}): comparta el mensaje.',
  preparing: 'Preparando el mensaje…',
  remindedAgo: 'Recordado {when}',
  toRemind: 'Por recordar ({count, number})',
  toRemindOwes: 'Debe {amount}',
  toRemindLabel: '{name}, debe {amount}',
  remindAll: 'Recordar a todos los atrasados',
  step: '{index, number} de {count, number}: {name}',
  skip: 'Omitir',
  stop: 'Terminar',
  allDone: 'Ya se recordó a todos los de la lista.',
  history:
    '{channel, select, whatsapp {Recordatorio por WhatsApp} sms {Recordatorio por SMS} other {Recordatorio compartido}} · debe {amount}',
  language: 'Idioma',
  shopLanguage: 'Idioma de la tienda',
  phoneInvalid:
    'No es un número de {country}: escríbalo como lo marcaría, o empiece con + y el código del país.',
  phoneNeedsCountry: 'Empiece el número con + y el código del país (no se ha elegido el país de la tienda).',
  templates: {
    title: 'Mensajes de recordatorio',
    help: 'Cada idioma tiene su mensaje. Estas palabras se sustituyen al enviar un recordatorio:',
    placeholders: 'nombre de la tienda, importe adeudado, fecha de vencimiento, enlace al estado de cuenta',
    yours: 'Su texto',
    standard: 'Texto estándar',
    reset: 'Volver al texto estándar',
    save: 'Guardar',
    saved: 'Guardado',
    unknown: 'Marcador desconocido {name}: use solo {list}.',
    missing: 'El mensaje debe contener {name}.',
    unclosed: 'Falta cerrar una llave: escriba los marcadores como {example}.',
    empty: 'Escriba un mensaje, o vuelva al texto estándar.',
  },
};
