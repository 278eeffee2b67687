import { TRPCError } from '@trpc/server';

/** How large a body may be and how long it may take to arrive. */
export interface BodyLimits {
  maxBodyBytes: number;
  bodyTimeoutMs: number;
}

/**
 * Reads a request body as text: `PAYLOAD_TOO_LARGE` past `maxBodyBytes`, and
 * `TIMEOUT` (408) when it has not arrived in full within `bodyTimeoutMs`, so a
 * body trickled byte by byte cannot hold a connection (and its memory) open.
 */
export async function readBody(req: Request, limits: BodyLimits): Promise<string> {
  const tooLarge = () =>
    new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `Request body over ${limits.maxBodyBytes} bytes` });
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limits.maxBodyBytes) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new TRPCError({
            code: 'TIMEOUT',
            message: `Request body not received within ${limits.bodyTimeoutMs} ms`,
          }),
        ),
      limits.bodyTimeoutMs,
    );
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBodyBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
