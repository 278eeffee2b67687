export { type FieldErrors, zodFieldErrors } from '@storesync/schema';
