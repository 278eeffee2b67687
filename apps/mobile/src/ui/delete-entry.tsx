import { useT } from '../i18n/locale';
import { Button } from './button';
import { useConfirm } from './confirm';

/** "Delete …" with a confirmation; the deletion syncs to every device. */
export function DeleteEntry({
  label,
  question,
  onDelete,
}: {
  label: string;
  question: string;
  onDelete: () => Promise<void>;
}) {
  const [dialog, ask] = useConfirm();
  const t = useT();
  const press = async () => {
    if (
      await ask({
        title: question,
        message: t('forms.deleteEntryMessage'),
        confirmLabel: label,
        destructive: true,
      })
    )
      await onDelete();
  };
  return (
    <>
      <Button label={label} variant="quietDanger" onPress={press} />
      {dialog}
    </>
  );
}
