import { NewEntryScreen } from '../../forms/entry-screens';

export default function NewScreen() {
  return <NewEntryScreen entity="debts" />;
}
