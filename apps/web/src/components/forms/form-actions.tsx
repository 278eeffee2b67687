/** A form's buttons: an optional Cancel, and a submit that says when it is saving. */
export function FormActions({
  label,
  pending,
  onCancel,
}: {
  label: string;
  pending: boolean;
  onCancel?: () => void;
}) {
  return (
    <div className="form-actions">
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Saving…' : label}
      </button>
    </div>
  );
}
