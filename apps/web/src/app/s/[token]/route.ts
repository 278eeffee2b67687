import { STATEMENT_HEADERS, statementResponse } from '@storesync/api';
import { apiConfig } from '~/env';
import { getDb } from '~/server/db';
import { serverLog } from '~/server/log';

/**
 * A customer's statement, public at `/s/<token>` (issue 22): a whole HTML document from
 * @storesync/statement, no React, no scripts, no session (proxy.ts leaves /s/ alone, so no
 * nonce and no cookie), as the server holds the book now.
 */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let db: Awaited<ReturnType<typeof getDb>>;
  try {
    db = await getDb();
  } catch {
    return new Response(null, { status: 503, headers: { ...STATEMENT_HEADERS, 'Retry-After': '5' } });
  }
  return statementResponse({ db, config: apiConfig, logger: serverLog }, req, token);
}

export const dynamic = 'force-dynamic';
