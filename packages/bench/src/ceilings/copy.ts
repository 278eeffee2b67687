import type pg from 'pg';

/** The parts of node-postgres's connection a COPY FROM STDIN drives. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * `COPY … FROM STDIN` through node-postgres, whole: a submittable query that
 * answers the server's CopyInResponse with `data` in one chunk. What
 * pg-copy-streams does, less the streaming, which a benchmark writing 500 rows
 * at a time does not need.
 */
export function copyFrom(client: pg.Client, statement: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const submittable = {
      submit: (connection: CopyConnection) => connection.query(statement),
      handleCopyInResponse: (connection: CopyConnection) => {
        connection.sendCopyFromChunk(Buffer.from(data));
        connection.endCopyFrom();
      },
      handleCommandComplete: () => {},
      handleError: (error: Error) => {
        failed = true;
        reject(error);
      },
      handleReadyForQuery: () => {
        if (!failed) resolve();
      },
    };
    client.query(submittable as unknown as pg.QueryConfig);
  });
}

/** A value in COPY's text format: `\N` for null, the four special characters escaped. */
export const copyText = (value: string | null): string =>
  value === null
    ? '\\N'
    : value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      );
