import { LOCALES, type Locale } from '@storesync/i18n';
import { STATEMENT_CSS } from './css.ts';
import { escapeHtml as esc } from './escape.ts';

/** The page's frame: language, direction, no indexing, no referrer, the one style element. */
export function documentHtml(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}" dir="${LOCALES[locale].dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${STATEMENT_CSS}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}
