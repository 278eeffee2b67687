import { z } from 'zod';

/** Text PostgreSQL can store: no NUL characters. */
export const text = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !s.includes('\0'), 'must not contain NUL characters');

/** A UUID, normalised to lower case so ids compare equal everywhere. */
export const UuidSchema = z.uuid().toLowerCase();

/** ISO-8601 timestamp; any offset in, UTC with milliseconds out. */
export const TimestampSchema = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

/** A calendar date `YYYY-MM-DD`. */
export const DateSchema = z.iso.date();

/** Money in integer minor units (cents). */
export const MoneySchema = z.int().nonnegative();
export const PositiveMoneySchema = z.int().positive();

export const DeviceIdSchema = text(1, 200);
