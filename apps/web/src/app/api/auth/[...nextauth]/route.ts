import NextAuth from 'next-auth';
import { authOptions } from '~/server/auth';
import { refuseUnreadableAuthRequest } from '~/server/auth-requests';

const nextAuth = NextAuth(authOptions);

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

/** next-auth, after refusing what it would answer with a 500 (see refuseUnreadableAuthRequest). */
async function handler(req: Request, context: RouteContext) {
  const { nextauth } = await context.params;
  return (await refuseUnreadableAuthRequest(req, nextauth)) ?? nextAuth(req, context);
}

export { handler as GET, handler as POST };
