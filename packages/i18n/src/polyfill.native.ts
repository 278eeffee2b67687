/**
 * What Hermes lacks of `Intl` and this package uses, and only that (docs/i18n.md): Hermes has
 * Collator, NumberFormat, DateTimeFormat and getCanonicalLocales, but no PluralRules (ICU plurals)
 * and no RelativeTimeFormat ("3 days ago"). Each polyfill installs itself only where the engine
 * lacks it; the locale data is that of the catalogue's locales. PluralRules first: the
 * RelativeTimeFormat polyfill uses it.
 */
import '@formatjs/intl-pluralrules/polyfill.js';
import '@formatjs/intl-pluralrules/locale-data/en.js';
import '@formatjs/intl-pluralrules/locale-data/sw.js';
import '@formatjs/intl-pluralrules/locale-data/hi.js';
import '@formatjs/intl-pluralrules/locale-data/ur.js';
import '@formatjs/intl-pluralrules/locale-data/fr.js';
import '@formatjs/intl-pluralrules/locale-data/es.js';
import '@formatjs/intl-relativetimeformat/polyfill.js';
import '@formatjs/intl-relativetimeformat/locale-data/en.js';
import '@formatjs/intl-relativetimeformat/locale-data/sw.js';
import '@formatjs/intl-relativetimeformat/locale-data/hi.js';
import '@formatjs/intl-relativetimeformat/locale-data/ur.js';
import '@formatjs/intl-relativetimeformat/locale-data/fr.js';
import '@formatjs/intl-relativetimeformat/locale-data/es.js';
