import type { ZodError } from 'zod';

/** A validation failure as one line that names each offending path, e.g. `events.3.op: Invalid option`. */
export const describeZodError = (error: ZodError, prefix = ''): string =>
  error.issues
    .map((i) => {
      const path = [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.');
      return `${path || 'input'}: ${i.message}`;
    })
    .join('; ');
