import { createTestDatabase } from '@storesync/db/testing';
import { type Bench, log } from './context.ts';
import { renderBlock } from './report.ts';
import { statementPage } from './scenarios/statement.ts';
import { tokenGuesses } from './scenarios/token-guesses.ts';
import { startServer } from './server.ts';

/**
 * `BENCH_ONLY=statement`: issue 22's statement page (scenarios/statement.ts) and token guesses
 * beside the 50-device load (token-guesses.ts) alone, on a database of its own, the server
 * behind one trusted proxy hop (each viewer and each guess its own address);
 * the report is printed, docs/benchmarks.md left alone.
 */
const started = performance.now();
const t = await createTestDatabase({ poolSize: 20 });
const server = await startServer(t.url, { env: { TRUSTED_PROXY_HOPS: '1' } }).catch(async (e) => {
  await t.drop();
  throw e;
});
try {
  const b: Bench = {
    url: t.url,
    db: t.db,
    base: server.base,
    device: () => Promise.reject(new Error('BENCH_ONLY=statement makes no bench devices')),
  };
  const tables = [await statementPage(b), await tokenGuesses(b)];
  const minutes = (performance.now() - started) / 60_000;
  console.log(
    renderBlock(tables, [
      `issue 22's statement page and token guesses only; the run took ${minutes.toFixed(1)} min`,
    ]),
  );
  log('BENCH_ONLY=statement: docs/benchmarks.md left as it was');
} finally {
  server.stop();
  await t.drop();
}
