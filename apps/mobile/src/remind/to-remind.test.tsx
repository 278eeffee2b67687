import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { Linking } from 'react-native';
import { closeBooks, memoryBook, renderWithBook } from '../test/memory-book';
import { ToRemind } from './to-remind';

jest.mock('expo-router', () => ({ useRouter: () => ({ push: jest.fn() }) }));

afterEach(async () => {
  jest.restoreAllMocks();
  await closeBooks();
});

describe('ToRemind', () => {
  it('lists who owes, most first, and Remind all overdue steps through the overdue ones one message at a time', async () => {
    const book = await memoryBook();
    await book.settings.set({ currency: 'KES', shopName: 'Duka', country: 'KE' });
    const add = async (name: string, phone: string, amount: number, dueDate: string | null) => {
      const c = await book.customers.create({ name, phone });
      await book.debts.create({ customerId: c.id, amount, dueDate });
      return c;
    };
    await add('Asha', '0711 111 111', 50_000, '2020-01-01');
    await add('Juma', '0722 222 222', 90_000, null);
    await add('Neema', '0733 333 333', 70_000, '2020-03-01');
    const open = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
    renderWithBook(<ToRemind />, book);
    expect(await screen.findByText('To remind (3)')).toBeTruthy();
    const names = screen.getAllByRole('button').map((b) => b.props.accessibilityLabel);
    expect(names.filter((n) => /, owes /.test(n)).map((n) => n.split(',')[0])).toEqual([
      'Juma',
      'Neema',
      'Asha',
    ]);

    fireEvent.press(screen.getByRole('button', { name: 'Remind all overdue' }));
    expect(await screen.findByText('1 of 2: Neema')).toBeTruthy();
    fireEvent.press(await screen.findByRole('button', { name: 'WhatsApp' }));
    expect(await screen.findByText('2 of 2: Asha')).toBeTruthy();
    expect(String(open.mock.calls[0]?.[0])).toMatch(/^https:\/\/wa\.me\/254733333333\?text=/);
    fireEvent.press(await screen.findByRole('button', { name: 'Skip' }));
    expect(await screen.findByText('Everyone on the list has been reminded.')).toBeTruthy();
    await waitFor(async () => expect(await book.reminders.list()).toHaveLength(1));
    expect(open).toHaveBeenCalledTimes(1);
  });
});
