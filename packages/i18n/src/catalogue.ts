import type { en } from './locales/en.ts';

/** The source catalogue's type: each message's literal text, from which keys and arguments are typed. */
export type Messages = typeof en;

/** Every key of `T` with a string at each leaf: the shape a translation must have, no key more or less. */
type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** A translation of the source catalogue (missing or extra keys fail `tsc`). */
export type Catalogue = Shape<Messages>;
