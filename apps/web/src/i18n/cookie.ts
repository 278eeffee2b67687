/** The cookie that remembers the language picked in the dashboard's menu (read by the server). */
export const LOCALE_COOKIE = 'storesync-locale';

/** A year: the choice is the owner's until they change it. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
