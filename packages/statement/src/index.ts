export { STATEMENT_CSS } from './css.ts';
export { escapeHtml } from './escape.ts';
export { type ReceiptPage, receiptHtml, receiptNumber } from './receipt.ts';
export { notFoundHtml, type StatementPage, statementHtml, tooManyHtml } from './render.ts';
