import { env } from '~/env';
import { getOpenDb } from '~/server/db';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const { kind } = await getOpenDb();
  return (
    <main style={{ maxWidth: 640, margin: '0 auto', padding: '48px 20px', lineHeight: 1.5 }}>
      <h1 style={{ marginBottom: 4 }}>StoreSync</h1>
      <p style={{ marginTop: 0, color: '#555' }}>Your store&apos;s book on every device, online or not.</p>
      <p>
        This server keeps the book of each store — customers, debts, repayments and sales — and syncs it with
        the phones and the dashboard. Devices push their changes to <code>/api/trpc/sync.push</code> and pull
        everyone else&apos;s from <code>/api/trpc/sync.pull</code>.
      </p>
      <ul>
        <li>
          Database: <strong>{kind === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'}</strong>
        </li>
        <li>
          Dev sign-in: <strong>{env.DEV_LOGIN ? 'on' : 'off'}</strong>
        </li>
      </ul>
    </main>
  );
}
