import { REMINDER_PLACEHOLDERS, type T, type TemplateProblem } from '@storesync/i18n';

/** What is wrong with an owner's reminder wording, in the catalogue's words. */
export function templateProblemText(t: T, problem: TemplateProblem): string {
  switch (problem.problem) {
    case 'unknown':
      return t('remind.templates.unknown', {
        name: problem.name,
        list: REMINDER_PLACEHOLDERS.map((p) => `{${p}}`).join(' '),
      });
    case 'missing':
      return t('remind.templates.missing', { name: problem.name });
    case 'unclosed':
      return t('remind.templates.unclosed', { example: '{amount}' });
    default:
      return t('remind.templates.empty');
  }
}
