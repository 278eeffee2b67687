import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { closeBooks, memoryBook, renderWithBook } from '../test/memory-book';
import { DebtForm } from './debt-form';

afterEach(closeBooks);

/** What the native picker reports when the owner picks `day` (midnight on the phone's clock). */
const pick = (day: [number, number, number]) => {
  const date = new Date(day[0], day[1] - 1, day[2]);
  fireEvent(screen.getByTestId('date-field-picker'), 'onChange', {
    nativeEvent: { timestamp: date.getTime(), utcOffset: -date.getTimezoneOffset() },
  });
};

describe('DebtForm due date', () => {
  it('records the day picked in the calendar, shown in the phone’s words', async () => {
    const book = await memoryBook();
    const amina = await book.customers.create({ name: 'Amina' });
    const onDone = jest.fn();
    renderWithBook(<DebtForm customer={amina} onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Amount (USD)'), '12.50');
    const field = screen.getByRole('button', { name: 'Due date (optional)' });
    expect(screen.getByText('No due date')).toBeTruthy();
    fireEvent.press(field);
    pick([2026, 11, 30]);
    expect(await screen.findByText('Nov 30, 2026')).toBeTruthy();
    expect(screen.queryByTestId('date-field-picker')).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: 'Record debt' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [debt] = await book.debts.list();
    expect(debt).toMatchObject({ customerId: amina.id, amount: 1250, dueDate: '2026-11-30' });
  });

  it('takes the date off an existing debt with “No date”', async () => {
    const book = await memoryBook();
    const amina = await book.customers.create({ name: 'Amina' });
    const row = await book.debts.create({ customerId: amina.id, amount: 500, dueDate: '2026-12-15' });
    const onDone = jest.fn();
    renderWithBook(<DebtForm customer={amina} row={row} onDone={onDone} />, book);
    expect(await screen.findByText('Dec 15, 2026')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'No date' }));
    expect(screen.getByText('No due date')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [debt] = await book.debts.list();
    expect(debt).toMatchObject({ id: row.id, amount: 500, dueDate: null });
  });

  it('shows the day in French in a French app', async () => {
    const book = await memoryBook();
    const amina = await book.customers.create({ name: 'Amina' });
    const row = await book.debts.create({ customerId: amina.id, amount: 500, dueDate: '2026-12-15' });
    renderWithBook(<DebtForm customer={amina} row={row} onDone={() => undefined} />, book, 'fr');
    expect(await screen.findByText(/^15 déc\.? 2026$/)).toBeTruthy();
  });
});
