import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { memoryBook, renderWithBook } from '../test/memory-book';
import { PaymentForm } from './payment-form';

describe('PaymentForm', () => {
  it('asks before taking more than is owed; on yes the rest is kept as credit', async () => {
    const book = await memoryBook();
    const amina = await book.customers.create({ name: 'Amina' });
    await book.debts.create({ customerId: amina.id, amount: 2335 });
    const onDone = jest.fn();
    renderWithBook(<PaymentForm customer={amina} onDone={onDone} />, book);
    expect(await screen.findByText('Amina owes $23.35')).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('Amount repaid (USD)'), '100');
    expect(screen.getByText('= $100.00')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Record repayment' }));
    expect(
      await screen.findByText('Amina owes $23.35. Take $100.00 and keep $76.65 as credit?'),
    ).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Cancel' }));
    // Whatever a wrong save would have written has had time to land.
    await new Promise((r) => setTimeout(r, 200));
    expect(await book.payments.list()).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();

    fireEvent.press(screen.getByRole('button', { name: 'Record repayment' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Take it and keep the credit' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [payment] = await book.payments.list();
    expect(payment).toMatchObject({ customerId: amina.id, amount: 10000, debtId: null });
  });

  it('says what is wrong with a negative amount and records nothing', async () => {
    const book = await memoryBook();
    const amina = await book.customers.create({ name: 'Amina' });
    renderWithBook(<PaymentForm customer={amina} onDone={() => undefined} />, book);
    fireEvent.changeText(await screen.findByLabelText('Amount repaid (USD)'), '-5');
    fireEvent.press(screen.getByRole('button', { name: 'Record repayment' }));
    expect(await screen.findByText(/negative/i)).toBeTruthy();
    expect(await book.payments.list()).toEqual([]);
  });

  it('back-dates a repayment to the day picked, keeping the time of day', async () => {
    const book = await memoryBook();
    const amina = await book.customers.create({ name: 'Amina' });
    await book.debts.create({ customerId: amina.id, amount: 5000 });
    const onDone = jest.fn();
    renderWithBook(<PaymentForm customer={amina} onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Amount repaid (USD)'), '20');
    fireEvent.press(screen.getByRole('button', { name: 'Date paid' }));
    const day = new Date(2026, 10, 28);
    fireEvent(screen.getByTestId('date-field-picker'), 'onChange', {
      nativeEvent: { timestamp: day.getTime(), utcOffset: -day.getTimezoneOffset() },
    });
    expect(await screen.findByText('Nov 28, 2026')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Record repayment' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [payment] = await book.payments.list();
    const paid = new Date(payment?.paidAt ?? '');
    expect([paid.getFullYear(), paid.getMonth(), paid.getDate()]).toEqual([2026, 10, 28]);
    expect(payment?.amount).toBe(2000);
  });
});
