/**
 * Reminders and phone numbers (issue 22 §2), English: the source of `remind.*`. In its own file
 * so that it grows without touching the sections others edit. `template` and `templateNoDue` are
 * the default reminder messages; their arguments are the placeholders an owner's own wording
 * uses too (`reminderText` of @storesync/i18n fills both).
 */
export const remindEn = {
  template: 'Hello from {shop}. Your balance with us is {amount}, due {dueDate}. Your statement: {link}',
  templateNoDue: 'Hello from {shop}. Your balance with us is {amount}. Your statement: {link}',
  /** What `{dueDate}` says in an owner's wording when nothing owed has a due date. */
  noDueDate: 'as soon as you can',
  remind: 'Remind',
  remindTitle: 'Remind {name}',
  whatsapp: 'WhatsApp',
  sms: 'SMS',
  share: 'Share…',
  close: 'Close',
  noPhone: 'No phone number WhatsApp or SMS can use ({phone}): share the message instead.',
  preparing: 'Preparing the message…',
  remindedAgo: 'Reminded {when}',
  toRemind: 'To remind ({count, number})',
  toRemindOwes: 'Owes {amount}',
  toRemindLabel: '{name}, owes {amount}',
  remindAll: 'Remind all overdue',
  step: '{index, number} of {count, number}: {name}',
  skip: 'Skip',
  stop: 'Stop',
  allDone: 'Everyone on the list has been reminded.',
  history:
    '{channel, select, whatsapp {Reminder on WhatsApp} sms {Reminder by SMS} other {Reminder shared}} · {amount} owed',
  language: 'Language',
  shopLanguage: 'Shop’s language',
  phoneInvalid:
    'Not a phone number of {country}: type it as you would dial it, or start with + and the country code.',
  phoneNeedsCountry: 'Start the number with + and the country code (the shop’s country is not set).',
  templates: {
    title: 'Reminder messages',
    help: 'Each language has its own message. These words are replaced when a reminder is sent:',
    placeholders: 'shop name, amount owed, due date, statement link',
    yours: 'Your wording',
    standard: 'Standard wording',
    reset: 'Reset to standard',
    save: 'Save',
    saved: 'Saved',
    unknown: 'Unknown placeholder {name}: use only {list}.',
    missing: 'The message must contain {name}.',
    unclosed: 'A brace is not closed: write placeholders like {example}.',
    empty: 'Write a message, or reset to the standard wording.',
  },
} as const;
