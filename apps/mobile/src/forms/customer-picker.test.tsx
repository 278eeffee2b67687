import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { memoryBook, renderWithBook } from '../test/memory-book';
import { CustomerPicker } from './customer-picker';

describe('CustomerPicker', () => {
  it('offers the customers with the latest entries before anything is typed, then searches', async () => {
    const book = await memoryBook();
    const [amina, baraka] = [
      await book.customers.create({ name: 'Amina', phone: null, note: null }),
      await book.customers.create({ name: 'Baraka', phone: null, note: null }),
    ];
    await book.customers.create({ name: 'Chen', phone: null, note: null });
    const sale = (customerId: string, soldAt: string) =>
      book.sales.create({
        customerId,
        items: [{ name: 'Tea', quantity: 1, unitPrice: 100 }],
        total: 100,
        paidAmount: 100,
        soldAt,
        note: null,
      });
    await sale(amina.id, '2026-12-01T09:00:00.000Z');
    await sale(baraka.id, '2026-12-05T09:00:00.000Z');
    const onChange = jest.fn();
    renderWithBook(<CustomerPicker value={null} onChange={onChange} />, book);
    expect(await screen.findByText('Recent customers')).toBeTruthy();
    const offered = () => screen.getAllByRole('button').map((b) => b.props.accessibilityLabel);
    // Chen has no entry: not offered until searched for.
    expect(offered()).toEqual(['Choose Baraka', 'Choose Amina']);
    fireEvent.changeText(screen.getByLabelText('Customer (leave empty for a walk-in)'), 'che');
    await waitFor(() => expect(offered()).toEqual(['Choose Chen']));
    expect(screen.queryByText('Recent customers')).toBeNull();
    fireEvent.press(screen.getByLabelText('Choose Chen'));
    expect(onChange).toHaveBeenCalled();
  });
});
