import { LOCALES, type Locale } from './locales.ts';

/** The words a reminder template may hold, each in braces: `{shop}` and so on. */
export const REMINDER_PLACEHOLDERS = ['shop', 'amount', 'dueDate', 'link'] as const;
export type ReminderPlaceholder = (typeof REMINDER_PLACEHOLDERS)[number];
/** A reminder that does not say how much is owed is no reminder. */
const REQUIRED: readonly ReminderPlaceholder[] = ['amount'];

export type TemplateProblem =
  | { problem: 'empty' }
  | { problem: 'unclosed' }
  | { problem: 'unknown'; name: string }
  | { problem: 'missing'; name: string };

/** What is wrong with an owner's wording, or null: unknown or missing placeholders, a lone brace. */
export function checkTemplate(template: string): TemplateProblem | null {
  if (!template.trim()) return { problem: 'empty' };
  const found = new Set<string>();
  // Braces pair up as {name}; anything else with a brace left over is a broken placeholder.
  const rest = template.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    found.add(name.trim());
    return '';
  });
  const unknown = [...found].find((n) => !(REMINDER_PLACEHOLDERS as readonly string[]).includes(n));
  if (unknown !== undefined) return { problem: 'unknown', name: `{${unknown}}` };
  if (/[{}]/.test(rest)) return { problem: 'unclosed' };
  const missing = REQUIRED.find((n) => !found.has(n));
  return missing ? { problem: 'missing', name: `{${missing}}` } : null;
}

/** The catalogue's own reminder in `locale`: with a due date or without. */
export function defaultReminderTemplate(locale: Locale, withDueDate = true): string {
  const words = LOCALES[locale].messages.remind;
  return withDueDate ? words.template : words.templateNoDue;
}

export interface ReminderInput {
  /** The owner's wording for this language (settings.reminderTemplates); the catalogue's when absent or broken. */
  template?: string | null;
  locale: Locale;
  shop: string;
  /** What is owed, already formatted in the store's currency. */
  amount: string;
  /** The earliest due date of what is owed, formatted; absent when nothing has one. */
  dueDate?: string | null;
  /** The statement link (`<server>/s/<token>`). */
  link?: string | null;
}

/** The reminder message: the same text on the phone and the dashboard. */
export function reminderText({ template, locale, shop, amount, dueDate, link }: ReminderInput): string {
  const own = template && checkTemplate(template) === null ? template : null;
  const text = own ?? defaultReminderTemplate(locale, Boolean(dueDate));
  const values: Record<ReminderPlaceholder, string> = {
    shop,
    amount,
    dueDate: dueDate || LOCALES[locale].messages.remind.noDueDate,
    link: link ?? '',
  };
  return text
    .replace(/\{\s*(shop|amount|dueDate|link)\s*\}/g, (_, name: ReminderPlaceholder) => values[name])
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

const digits = (e164: string) => e164.replace(/\D/g, '');

/** A WhatsApp chat with the number (E.164) and the message typed in, for the owner to send. */
export const whatsappUrl = (e164: string, text: string) =>
  `https://wa.me/${digits(e164)}?text=${encodeURIComponent(text)}`;

/** The SMS app with the number (E.164) and the message as its body. */
export const smsUrl = (e164: string, text: string) => `sms:+${digits(e164)}?body=${encodeURIComponent(text)}`;
