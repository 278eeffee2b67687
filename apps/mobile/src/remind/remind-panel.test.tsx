import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { Linking, Share } from 'react-native';
import { closeBooks, memoryBook, renderWithBook } from '../test/memory-book';
import { RemindPanel } from './remind-panel';

afterEach(async () => {
  jest.restoreAllMocks();
  await closeBooks();
});

/** A Kenyan shop (country KE, shillings) with one customer who owes 1,250. */
async function shopWithDebtor(customer: { phone: string | null; language?: string | null }) {
  const book = await memoryBook();
  await book.settings.set({ currency: 'KES', shopName: 'Mama Njeri', country: 'KE' });
  const amina = await book.customers.create({ name: 'Amina', ...customer });
  await book.debts.create({ customerId: amina.id, amount: 125_000, dueDate: '2020-01-31' });
  return { book, amina };
}

describe('RemindPanel', () => {
  it('shows the message in the customer’s language, opens WhatsApp at the E.164 number, and records the reminder with a new link', async () => {
    const { book, amina } = await shopWithDebtor({ phone: '0712 345 678', language: 'sw' });
    const open = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
    const onSent = jest.fn();
    renderWithBook(<RemindPanel customerId={amina.id} onSent={onSent} />, book);
    fireEvent.press(await screen.findByRole('button', { name: 'Remind' }));
    expect(
      await screen.findByText(/Salamu kutoka Mama Njeri\. Deni lako kwetu ni Ksh\s?1,250\.00/),
    ).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'WhatsApp' }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith('whatsapp'));

    const [link] = await book.links.list();
    expect(link).toMatchObject({ customerId: amina.id });
    expect(link?.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const url = new URL(String(open.mock.calls[0]?.[0]));
    expect(url.origin + url.pathname).toBe('https://wa.me/254712345678');
    expect(url.searchParams.get('text')).toContain(`/s/${link?.token}`);
    expect(await book.reminders.list()).toEqual([
      expect.objectContaining({
        customerId: amina.id,
        channel: 'whatsapp',
        amount: 125_000,
        linkId: link?.id,
      }),
    ]);
  });

  it('reuses the live link, and offers only the share sheet for a number that cannot be read', async () => {
    const { book, amina } = await shopWithDebtor({ phone: 'ask at the shop' });
    const live = await book.links.create({
      customerId: amina.id,
      token: 'existingTokenexistingTo',
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    jest.spyOn(Share, 'share').mockResolvedValue({ action: Share.sharedAction });
    renderWithBook(<RemindPanel customerId={amina.id} open />, book);
    expect(await screen.findByText(/ask at the shop/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'WhatsApp' })).toBeNull();
    expect(screen.getByText(/Your statement: .*\/s\/existingTokenexistingTo/)).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Share…' }));
    await waitFor(async () => expect(await book.reminders.list()).toHaveLength(1));
    expect((await book.reminders.list())[0]).toMatchObject({ channel: 'share', linkId: live.id });
    expect(await book.links.list()).toHaveLength(1);
  });

  it('records nothing when the share sheet is dismissed', async () => {
    const { book, amina } = await shopWithDebtor({ phone: null });
    jest.spyOn(Share, 'share').mockResolvedValue({ action: Share.dismissedAction });
    renderWithBook(<RemindPanel customerId={amina.id} open />, book);
    fireEvent.press(await screen.findByRole('button', { name: 'Share…' }));
    await waitFor(() => expect(Share.share).toHaveBeenCalled());
    expect(await book.reminders.list()).toEqual([]);
  });
});
