import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { memoryBook, renderWithBook } from '../test/memory-book';
import { CustomerForm } from './customer-form';

describe('CustomerForm', () => {
  it('refuses an empty name next to the field and writes nothing', async () => {
    const book = await memoryBook();
    const onDone = jest.fn();
    renderWithBook(<CustomerForm onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Name'), '   ');
    fireEvent.press(screen.getByRole('button', { name: 'Add customer' }));
    expect(await screen.findByText('Enter a name')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    expect(await book.customers.list()).toEqual([]);
  });

  it('adds the customer to the book with one change waiting', async () => {
    const book = await memoryBook();
    const onDone = jest.fn();
    renderWithBook(<CustomerForm onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Name'), 'Amina');
    fireEvent.changeText(screen.getByLabelText('Phone (optional)'), '+254700000001');
    fireEvent.press(screen.getByRole('button', { name: 'Add customer' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [amina] = await book.customers.list();
    expect(amina).toMatchObject({ name: 'Amina', phone: '+254700000001', note: null });
    expect(book.status.get().pending).toBe(1);
  });

  it('sends only the fields that changed when editing', async () => {
    const book = await memoryBook();
    const row = await book.customers.create({ name: 'Amina', phone: '1' });
    renderWithBook(<CustomerForm row={row} onDone={() => undefined} />, book);
    fireEvent.changeText(await screen.findByLabelText('Note (optional)'), 'pays on Fridays');
    fireEvent.press(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect((await book.customers.get(row.id))?.note).toBe('pays on Fridays'));
    const [, edit] = await book.pendingItems();
    expect(edit).toMatchObject({
      op: 'upsert',
      updatedFields: ['note'],
      payload: { note: 'pays on Fridays' },
    });
  });

  it('stores a typed number as E.164 in the store’s country, with the language chosen', async () => {
    const book = await memoryBook();
    await book.settings.set({ country: 'KE' });
    const onDone = jest.fn();
    renderWithBook(<CustomerForm onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Name'), 'Baraka');
    fireEvent.changeText(screen.getByLabelText('Phone (optional)'), '0712 345 678');
    fireEvent.press(screen.getByRole('button', { name: 'Kiswahili' }));
    fireEvent.press(screen.getByRole('button', { name: 'Add customer' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [baraka] = await book.customers.list();
    expect(baraka).toMatchObject({ phone: '+254712345678', language: 'sw' });
  });

  it('refuses a number that is not one of the country’s, in the catalogue’s words, and writes nothing', async () => {
    const book = await memoryBook();
    await book.settings.set({ country: 'KE' });
    renderWithBook(<CustomerForm onDone={() => undefined} />, book);
    fireEvent.changeText(await screen.findByLabelText('Name'), 'Baraka');
    fireEvent.changeText(screen.getByLabelText('Phone (optional)'), '12345');
    fireEvent.press(screen.getByRole('button', { name: 'Add customer' }));
    expect(
      await screen.findByText(/^Not a phone number of (Kenya|KE): type it as you would dial it/),
    ).toBeTruthy();
    expect(await book.customers.list()).toEqual([]);
  });

  it('keeps an old number that cannot be read as it was typed, and shows it', async () => {
    const book = await memoryBook();
    await book.settings.set({ country: 'KE' });
    const row = await book.customers.create({ name: 'Amina', phone: 'ask at the shop' });
    renderWithBook(<CustomerForm row={row} onDone={() => undefined} />, book);
    expect(await screen.findByDisplayValue('ask at the shop')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Shop’s language' }));
    fireEvent.press(screen.getByRole('button', { name: 'اردو' }));
    fireEvent.press(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect((await book.customers.get(row.id))?.language).toBe('ur'));
    expect((await book.customers.get(row.id))?.phone).toBe('ask at the shop');
  });
});
