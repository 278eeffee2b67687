import type { Catalogue } from '../../catalogue.ts';

/** Rappels et numéros de téléphone, français. */
export const remindFr: Catalogue['remind'] = {
  template:
    'Bonjour de la part de {shop}. Votre solde chez nous est de {amount}, à régler le {dueDate}. Votre relevé : {link}',
  templateNoDue: 'Bonjour de la part de {shop}. Votre solde chez nous est de {amount}. Votre relevé : {link}',
  noDueDate: 'dès que possible',
  remind: 'Relancer',
  remindTitle: 'Relancer {name}',
  whatsapp: 'Par WhatsApp',
  sms: 'Par SMS',
  share: 'Partager…',
  close: 'Fermer',
  noPhone: 'Aucun numéro utilisable par WhatsApp ou SMS ({phone}) : partagez plutôt le message.',
  preparing: 'Préparation du message…',
  remindedAgo: 'Relancé {when}',
  toRemind: 'À relancer ({count, number})',
  toRemindOwes: 'Doit {amount}',
  toRemindLabel: '{name}, doit {amount}',
  remindAll: 'Relancer tous les retards',
  step: '{index, number} sur {count, number} : {name}',
  skip: 'Passer',
  stop: 'Arrêter',
  allDone: 'Tout le monde sur la liste a été relancé.',
  history:
    '{channel, select, whatsapp {Relance par WhatsApp} sms {Relance par SMS} other {Relance partagée}} · {amount} dû',
  language: 'Langue',
  shopLanguage: 'Langue de la boutique',
  phoneInvalid:
    'Ce n’est pas un numéro de {country} : tapez-le comme vous le composez, ou commencez par + et l’indicatif du pays.',
  phoneNeedsCountry:
    'Commencez le numéro par + et l’indicatif du pays (le pays de la boutique n’est pas défini).',
  templates: {
    title: 'Messages de relance',
    help: 'Chaque langue a son message. Ces mots sont remplacés à l’envoi d’une relance :',
    placeholders: 'nom de la boutique, montant dû, échéance, lien du relevé',
    yours: 'Votre texte',
    standard: 'Texte standard',
    reset: 'Revenir au texte standard',
    save: 'Enregistrer',
    saved: 'Enregistré',
    unknown: 'Espace réservé inconnu {name} : utilisez seulement {list}.',
    missing: 'Le message doit contenir {name}.',
    unclosed: 'Une accolade n’est pas fermée : écrivez les espaces réservés comme {example}.',
    empty: 'Écrivez un message, ou revenez au texte standard.',
  },
};
