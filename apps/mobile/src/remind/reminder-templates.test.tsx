import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import ReminderTemplatesScreen from '../app/reminder-templates';
import { closeBooks, memoryBook, renderWithBook } from '../test/memory-book';

// The screen sets its header title through the router's Stack, which only a navigator renders.
jest.mock('expo-router', () => ({ Stack: { Screen: () => null } }));

afterEach(closeBooks);

describe('Reminder messages', () => {
  it('refuses a wording with an unknown placeholder, naming it, and saves a good one for that language only', async () => {
    const book = await memoryBook();
    renderWithBook(<ReminderTemplatesScreen />, book);
    const field = await screen.findByLabelText('Reminder messages');
    expect(field.props.value).toContain('{amount}');
    fireEvent.press(screen.getByRole('button', { name: 'Kiswahili' }));
    fireEvent.changeText(screen.getByLabelText('Reminder messages'), 'Lipa {kiasi} kwa {shop}');
    fireEvent.press(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(/^Unknown placeholder \{kiasi\}: use only \{shop\} \{amount\}/),
    ).toBeTruthy();
    expect(await book.settings.get()).toBeNull();

    fireEvent.changeText(screen.getByLabelText('Reminder messages'), 'Lipa {amount} kwa {shop}: {link}');
    fireEvent.press(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await book.settings.get())?.reminderTemplates).toEqual({
        sw: 'Lipa {amount} kwa {shop}: {link}',
      }),
    );
    expect(await screen.findByText('Your wording')).toBeTruthy();

    fireEvent.press(screen.getByRole('button', { name: 'Reset to standard' }));
    await waitFor(async () => expect((await book.settings.get())?.reminderTemplates).toBeNull());
    expect(screen.getByLabelText('Reminder messages').props.value).toContain('Salamu kutoka {shop}');
  });
});
