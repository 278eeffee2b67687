import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { useState } from 'react';
import { closeBooks, memoryBook, renderWithBook } from '../test/memory-book';
import { TextField } from '../ui/text-field';
import { DebtForm } from './debt-form';
import { PaymentForm } from './payment-form';
import { SaleForm } from './sale-form';

afterEach(closeBooks);

const farmer = '👩🏽‍🌾';

describe('amounts: zero refused with a reason, an absurd one asked about once', () => {
  it('refuses a sale that comes to zero, and says why', async () => {
    const book = await memoryBook();
    const onDone = jest.fn();
    renderWithBook(<SaleForm onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Item 1'), 'Bread');
    fireEvent.changeText(screen.getByLabelText('Unit price 1 (USD)'), '0.00');
    fireEvent.press(screen.getByRole('button', { name: 'Record sale' }));
    expect(
      await screen.findByText('This sale comes to zero: enter the price of what was sold.'),
    ).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    expect(await book.sales.list()).toEqual([]);
  });

  it('shows a unit price as understood while typing, as the debt form does', async () => {
    const book = await memoryBook();
    renderWithBook(<SaleForm onDone={jest.fn()} />, book);
    fireEvent.changeText(await screen.findByLabelText('Unit price 1 (USD)'), '12.5');
    expect(screen.getByText('= $12.50')).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('Unit price 1 (USD)'), '12.345');
    expect(screen.getByText(/^Unclear: 12.345/)).toBeTruthy();
  });

  it('refuses a debt and a repayment of zero with the reason', async () => {
    const book = await memoryBook();
    const amina = await book.customers.create({ name: 'Amina' });
    const onDone = jest.fn();
    renderWithBook(<DebtForm customer={amina} onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Amount (USD)'), '0');
    fireEvent.press(screen.getByRole('button', { name: 'Record debt' }));
    expect(await screen.findByText('Must be more than zero')).toBeTruthy();
    screen.unmount();
    renderWithBook(<PaymentForm customer={amina} onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Amount repaid (USD)'), '0.00');
    fireEvent.press(screen.getByRole('button', { name: 'Record repayment' }));
    expect(await screen.findByText('Must be more than zero')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    expect([...(await book.debts.list()), ...(await book.payments.list())]).toEqual([]);
  });

  it('asks once before a debt over 100 times the largest entry; Cancel keeps it unsaved, Yes saves', async () => {
    const book = await memoryBook();
    const amina = await book.customers.create({ name: 'Amina' });
    await book.debts.create({ customerId: amina.id, amount: 2_000 });
    const onDone = jest.fn();
    renderWithBook(<DebtForm customer={amina} onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Amount (USD)'), '2001');
    fireEvent.press(screen.getByRole('button', { name: 'Record debt' }));
    expect(
      await screen.findByText(
        'Are you sure? $2,001.00 is more than 100 times the largest amount in your book ($20.00).',
      ),
    ).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByText(/^Are you sure\?/)).toBeNull());
    expect(await book.debts.list()).toHaveLength(1);
    fireEvent.press(screen.getByRole('button', { name: 'Record debt' }));
    fireEvent.press(await screen.findByRole('button', { name: 'Yes, save it' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await book.debts.list()).map((d) => d.amount).sort((a, b) => a - b)).toEqual([2_000, 200_100]);
  });

  it('asks before an amount above the ceiling even in an empty book, and not for an everyday one', async () => {
    const book = await memoryBook();
    const onDone = jest.fn();
    renderWithBook(<SaleForm onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Item 1'), 'Land');
    fireEvent.changeText(screen.getByLabelText('Unit price 1 (USD)'), '99999999999');
    fireEvent.press(screen.getByRole('button', { name: 'Record sale' }));
    expect(
      await screen.findByText('Are you sure? $99,999,999,999.00 is a very large amount. Check the zeros.'),
    ).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.changeText(screen.getByLabelText('Unit price 1 (USD)'), '5000');
    fireEvent.press(screen.getByRole('button', { name: 'Record sale' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await book.sales.list()).map((s) => s.total)).toEqual([500_000]);
  });
});

/** A name field as a form holds one. */
function Name() {
  const [value, setValue] = useState('');
  return <TextField label="Name" value={value} onChangeText={setValue} maxLength={200} />;
}

describe('text limits counted as people see characters', () => {
  it('counts an emoji as one character, counts down near the limit, and says what is over instead of cutting', async () => {
    const book = await memoryBook();
    renderWithBook(<Name />, book);
    const field = await screen.findByLabelText('Name');
    fireEvent.changeText(field, `${'a'.repeat(199)}${farmer}`);
    expect(await screen.findByText('0 characters left')).toBeTruthy();
    expect(screen.getByLabelText('Name').props.value).toBe(`${'a'.repeat(199)}${farmer}`);
    expect(screen.getByLabelText('Name').props.maxLength).toBeUndefined();
    fireEvent.changeText(field, 'a'.repeat(300));
    expect(await screen.findByText('100 characters too many: at most 200')).toBeTruthy();
    expect(screen.getByLabelText('Name').props.value).toHaveLength(300);
    fireEvent.changeText(field, 'a'.repeat(150));
    expect(screen.queryByText(/characters? (left|too many)/)).toBeNull();
  });
});

describe('a debt’s date', () => {
  it('is today unless moved; a day picked back-dates recordedAt, keeping the time of day', async () => {
    const book = await memoryBook();
    const amina = await book.customers.create({ name: 'Amina' });
    const onDone = jest.fn();
    renderWithBook(<DebtForm customer={amina} onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Amount (USD)'), '7');
    fireEvent.press(screen.getByRole('button', { name: 'Date taken' }));
    const picked = new Date(2026, 10, 2);
    fireEvent(screen.getByTestId('date-field-picker'), 'onChange', {
      nativeEvent: { timestamp: picked.getTime(), utcOffset: -picked.getTimezoneOffset() },
    });
    fireEvent.press(screen.getByRole('button', { name: 'Record debt' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [debt] = await book.debts.list();
    const at = new Date(debt?.recordedAt ?? '');
    expect([at.getFullYear(), at.getMonth(), at.getDate()]).toEqual([2026, 10, 2]);
    expect(
      Math.abs(at.getHours() * 60 + at.getMinutes() - (new Date().getHours() * 60 + new Date().getMinutes())),
    ).toBeLessThan(5);
  });
});
