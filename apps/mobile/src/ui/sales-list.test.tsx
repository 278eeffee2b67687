import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { memoryBook, renderWithBook } from '../test/memory-book';
import { SalesList } from './sales-list';

describe('SalesList', () => {
  it("shows a walk-in sale with what was sold under today, and finds it by an item's name", async () => {
    const book = await memoryBook();
    const amina = await book.customers.create({ name: 'Amina', phone: null, note: null });
    await book.sales.create({
      customerId: null,
      items: [
        { name: 'Bread', quantity: 2, unitPrice: 6_000 },
        { name: 'Milk', quantity: 1, unitPrice: 6_550 },
      ],
      total: 18_550,
      paidAmount: 18_550,
      soldAt: new Date().toISOString(),
      note: null,
    });
    await book.sales.create({
      customerId: amina.id,
      items: [{ name: 'Sugar', quantity: 1, unitPrice: 30_000 }],
      total: 30_000,
      paidAmount: 10_000,
      soldAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      note: null,
    });
    const onOpen = jest.fn();
    renderWithBook(<SalesList onOpen={onOpen} />, book);
    expect(await screen.findByText('Bread ×2, Milk')).toBeTruthy();
    expect(screen.getByText('Today')).toBeTruthy();
    expect(screen.getByText(/^Walk-in · /)).toBeTruthy();
    expect(screen.getByText('Sugar')).toBeTruthy();
    expect(screen.getByText(/^Amina · /)).toBeTruthy();
    expect(screen.getByText('$185.50')).toBeTruthy();
    expect(screen.getByText('$200.00 unpaid')).toBeTruthy();

    fireEvent.changeText(screen.getByLabelText('Search sales'), 'mil');
    await waitFor(() => expect(screen.queryByText('Sugar')).toBeNull());
    fireEvent.press(screen.getByText('Bread ×2, Milk'));
    const [walkIn] = await book.sales.list().then((s) => s.filter((x) => x.customerId === null));
    expect(onOpen).toHaveBeenCalledWith(walkIn?.id);

    fireEvent.changeText(screen.getByLabelText('Search sales'), 'amina');
    expect(await screen.findByText('Sugar')).toBeTruthy();
    expect(screen.queryByText('Bread ×2, Milk')).toBeNull();
    fireEvent.changeText(screen.getByLabelText('Search sales'), 'rice');
    expect(await screen.findByText('No sale matches “rice”.')).toBeTruthy();
  });
});
