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
  const press = async () => {
    if (
      await ask({
        title: question,
        message: 'It is removed from the book on every device.',
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
