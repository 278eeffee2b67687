import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { memoryBook, renderWithBook } from '../test/memory-book';
import { SaleForm } from './sale-form';

describe('SaleForm', () => {
  it('totals the lines as they are typed and records the sale paid in full', async () => {
    const book = await memoryBook();
    const onDone = jest.fn();
    renderWithBook(<SaleForm onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Item 1'), 'Sugar 1 kg');
    fireEvent.changeText(screen.getByLabelText('Quantity 1'), '2');
    fireEvent.changeText(screen.getByLabelText('Unit price 1 (USD)'), '1.50');
    fireEvent.press(screen.getByRole('button', { name: 'Add another item' }));
    fireEvent.changeText(screen.getByLabelText('Item 2'), 'Bread');
    fireEvent.changeText(screen.getByLabelText('Unit price 2 (USD)'), '0.75');
    expect(screen.getByTestId('sale-total')).toHaveTextContent('$3.75');
    fireEvent.press(screen.getByRole('button', { name: 'Record sale' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [sale] = await book.sales.list();
    expect(sale).toMatchObject({ total: 375, paidAmount: 375, customerId: null });
    expect(sale?.items).toEqual([
      { name: 'Sugar 1 kg', quantity: 2, unitPrice: 150 },
      { name: 'Bread', quantity: 1, unitPrice: 75 },
    ]);
  });

  it('asks who owes the rest of a sale on credit, and refuses an unreadable price', async () => {
    const book = await memoryBook();
    const onDone = jest.fn();
    renderWithBook(<SaleForm onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Item 1'), 'Rice');
    fireEvent.changeText(screen.getByLabelText('Unit price 1 (USD)'), '12.345');
    fireEvent.press(screen.getByRole('button', { name: 'Record sale' }));
    expect(await screen.findByText(/^Unclear: 12.345 could mean 12345 or 12.35/)).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('Unit price 1 (USD)'), '10');
    fireEvent(screen.getByLabelText('Paid in full'), 'valueChange', false);
    fireEvent.changeText(await screen.findByLabelText('Amount paid now (USD)'), '4');
    fireEvent.press(screen.getByRole('button', { name: 'Record sale' }));
    expect(await screen.findByText('Choose who owes the rest, or mark the sale paid in full')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    expect(await book.sales.list()).toEqual([]);
  });

  it('reads a quantity as the phone’s language writes numbers, never 1,5 quietly as 1.5', async () => {
    const book = await memoryBook();
    const onDone = jest.fn();
    renderWithBook(<SaleForm onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Item 1'), 'Nails');
    fireEvent.changeText(screen.getByLabelText('Unit price 1 (USD)'), '0.10');
    fireEvent.changeText(screen.getByLabelText('Quantity 1'), '1,500');
    expect(screen.getByTestId('sale-total')).toHaveTextContent('$150.00');
    fireEvent.changeText(screen.getByLabelText('Quantity 1'), '1,5');
    fireEvent.press(screen.getByRole('button', { name: 'Record sale' }));
    expect(await screen.findByText('Use “.” for the decimals, e.g. 1.5')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    fireEvent.changeText(screen.getByLabelText('Quantity 1'), '1.5');
    fireEvent.press(screen.getByRole('button', { name: 'Record sale' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [sale] = await book.sales.list();
    expect(sale?.items).toEqual([{ name: 'Nails', quantity: 1.5, unitPrice: 10 }]);
  });

  it('back-dates a sale to the day picked (yesterday’s sale recorded today)', async () => {
    const book = await memoryBook();
    const onDone = jest.fn();
    renderWithBook(<SaleForm onDone={onDone} />, book);
    fireEvent.changeText(await screen.findByLabelText('Item 1'), 'Milk');
    fireEvent.changeText(screen.getByLabelText('Unit price 1 (USD)'), '2');
    fireEvent.press(screen.getByRole('button', { name: 'Date sold' }));
    const day = new Date(2026, 11, 6);
    fireEvent(screen.getByTestId('date-field-picker'), 'onChange', {
      nativeEvent: { timestamp: day.getTime(), utcOffset: -day.getTimezoneOffset() },
    });
    expect(await screen.findByText('Dec 6, 2026')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Record sale' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [sale] = await book.sales.list();
    const sold = new Date(sale?.soldAt ?? '');
    expect([sold.getFullYear(), sold.getMonth(), sold.getDate()]).toEqual([2026, 11, 6]);
  });
});
