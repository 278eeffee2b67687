import { DEFAULT_LINK_DAYS, DEFAULT_REMIND_DAYS } from '@storesync/schema';
import { useSettings } from '@storesync/sync-client/react';
import { getLocales } from 'expo-localization';
import { useBook } from '../book/book-provider';

/** This phone's region (`KE` of `en-KE`): the store's country until the store sets one. */
export function deviceRegion(): string | null {
  try {
    return getLocales().find((l) => l.regionCode)?.regionCode ?? null;
  } catch {
    return null;
  }
}

/** What reminding reads from the store's settings, with their defaults. */
export function useRemindSettings() {
  const { book } = useBook();
  const settings = useSettings(book);
  return {
    country: settings?.country ?? deviceRegion(),
    language: settings?.language ?? null,
    templates: settings?.reminderTemplates ?? null,
    remindDays: settings?.remindDays ?? DEFAULT_REMIND_DAYS,
    linkDays: settings?.linkDays ?? DEFAULT_LINK_DAYS,
  };
}
