export interface DateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, or '' for no date. */
  value: string;
  onChange: (day: string) => void;
  error?: string | null | undefined;
  /** A date the row always has (a debt's date taken): no "No date", and shown as the plain day. */
  required?: boolean;
}
