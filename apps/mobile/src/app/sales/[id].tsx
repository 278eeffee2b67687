import { EditEntryScreen } from '../../forms/entry-screens';

export default function EditScreen() {
  return <EditEntryScreen entity="sales" />;
}
