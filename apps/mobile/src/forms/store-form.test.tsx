import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { closeBooks, memoryBook, renderWithBook } from '../test/memory-book';
import { parseDays, StoreForm } from './store-form';

afterEach(closeBooks);

describe('the store’s settings form', () => {
  it('at the first run needs a shop name and a two-letter country, then saves all four for every device', async () => {
    const book = await memoryBook();
    const onSaved = jest.fn();
    renderWithBook(<StoreForm mode="setup" onSaved={onSaved} />, book);
    fireEvent.changeText(await screen.findByLabelText('Country'), '');
    fireEvent.press(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('Enter the shop’s name')).toBeTruthy();
    expect(screen.getByText('Enter the country as two letters, e.g. KE, IN or PK')).toBeTruthy();
    expect(await book.settings.get()).toBeNull();
    fireEvent.changeText(screen.getByLabelText('Shop name'), `Duka ${'👩🏽‍🌾'}`);
    // The currency follows the country until the owner types one.
    fireEvent.changeText(screen.getByLabelText('Country'), 'pk');
    expect(screen.getByLabelText('Currency').props.value).toBe('PKR');
    fireEvent.press(screen.getByRole('button', { name: 'اردو' }));
    fireEvent.press(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(await book.settings.get()).toMatchObject({
      shopName: 'Duka 👩🏽‍🌾',
      country: 'PK',
      currency: 'PKR',
      language: 'ur',
    });
  });

  it('in Settings refuses reminder days out of range, and leaves them empty for the default', async () => {
    const book = await memoryBook();
    await book.settings.set({ shopName: 'Duka', currency: 'KES', country: 'KE', language: 'sw' });
    renderWithBook(<StoreForm mode="settings" />, book);
    await waitFor(() => expect(screen.getByLabelText('Shop name').props.value).toBe('Duka'));
    fireEvent.changeText(screen.getByLabelText('Statement links last (days)'), '0');
    fireEvent.changeText(screen.getByLabelText('Remind after (days)'), '7.5');
    expect(screen.getByText('Enter whole days, from 1 to 3,650')).toBeTruthy();
    expect(screen.getByText('Enter whole days, from 1 to 365')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Save for every device' }));
    // Refused before any write: the row keeps no days.
    expect(screen.queryByText('Saved. Every device of the store gets it when it syncs.')).toBeNull();
    expect(await book.settings.get()).toMatchObject({ linkDays: null, remindDays: null });
    fireEvent.changeText(screen.getByLabelText('Statement links last (days)'), '30');
    fireEvent.changeText(screen.getByLabelText('Remind after (days)'), '');
    fireEvent.press(screen.getByRole('button', { name: 'Save for every device' }));
    expect(await screen.findByText('Saved. Every device of the store gets it when it syncs.')).toBeTruthy();
    expect(await book.settings.get()).toMatchObject({ linkDays: 30, remindDays: null, language: 'sw' });
  });

  it('reads days as whole numbers in range, empty as the default', () => {
    expect(parseDays('', 1, 365)).toBeNull();
    expect(parseDays(' 14 ', 1, 365)).toBe(14);
    expect(parseDays('366', 1, 365)).toBeUndefined();
    expect(parseDays('-1', 1, 365)).toBeUndefined();
  });
});
