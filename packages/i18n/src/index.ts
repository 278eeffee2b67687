export type { Catalogue, Messages } from './catalogue.ts';
export {
  isLocale,
  LOCALE_CODES,
  LOCALES,
  type Locale,
  type LocaleInfo,
  matchLocale,
  SOURCE_LOCALE,
} from './locales.ts';
export { PSEUDO_LOCALE, pseudoMessage } from './pseudo.ts';
export {
  checkTemplate,
  defaultReminderTemplate,
  REMINDER_PLACEHOLDERS,
  type ReminderInput,
  type ReminderPlaceholder,
  reminderText,
  smsUrl,
  type TemplateProblem,
  whatsappUrl,
} from './reminder.ts';
export { type AnyLocale, formatter, type T, type TranslatorOptions, translator } from './translator.ts';
