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
});
