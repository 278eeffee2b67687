// One new device's first sync in a process of its own, so its peak RSS is the sync client's:
// `tsx src/first-sync-main.ts <server base> <email>` prints `{"seconds","rows","peakRssMiB"}`.
import { PULL_LIMIT_MAX } from '@storesync/schema';
import { firstSync } from './scenarios/first-sync.ts';

const [base, email] = process.argv.slice(2) as [string, string];
let peakRssMiB = 0;
const s = await firstSync(base, email, PULL_LIMIT_MAX, undefined, () => {
  // Read when the book is whole, before the rows are listed back (which the count needs, the sync not).
  peakRssMiB = process.resourceUsage().maxRSS / 1024;
});
console.log(JSON.stringify({ ...s, peakRssMiB }));
