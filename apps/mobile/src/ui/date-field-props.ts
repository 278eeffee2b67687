export interface DateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, or '' for no date. */
  value: string;
  onChange: (day: string) => void;
  error?: string | null | undefined;
}
