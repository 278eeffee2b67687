/**
 * A piece of text kept whole inside text of another direction: U+2068 FIRST STRONG ISOLATE …
 * U+2069 POP DIRECTIONAL ISOLATE. "Rs 1,500.00", "+92 300 1234567" or a date inside Urdu keeps its
 * own order, and a name in Arabic script inside English does not pull the words around it.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;
