import { redirect } from 'next/navigation';
import { getWebAuth } from '~/server/auth';

export const dynamic = 'force-dynamic';

/** The front door: the dashboard when signed in, else the sign-in page. */
export default async function Home() {
  redirect((await getWebAuth()) ? '/overview' : '/sign-in');
}
