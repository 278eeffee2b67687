// A token guesser for issue 22's benchmark, in a process of its own so that its requests do not
// share an event loop with the pushes being timed: `node guesser.mjs <base> <per second> <addresses>`.
// It asks for /s/<random token> at the given rate, each guess from the next of <addresses>
// addresses (X-Forwarded-For behind one trusted proxy hop), until SIGTERM; then it prints the
// answers it got as one JSON line: { sent, statuses: { "404": n, "429": n, … }, errors }.
import { randomBytes } from 'node:crypto';
import { Agent, get } from 'node:http';

const [base, rateArg, addressesArg] = process.argv.slice(2);
const rate = Number(rateArg);
const addresses = Number(addressesArg);
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const statuses = {};
let sent = 0;
let errors = 0;

const guess = () => {
  const address = `10.${40 + Math.floor((sent % addresses) / 65_536)}.${Math.floor((sent % addresses) / 256) % 256}.${sent % 256}`;
  sent += 1;
  const token = randomBytes(16).toString('base64url');
  get(`${base}/s/${token}`, { agent, headers: { 'x-forwarded-for': address } }, (res) => {
    statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    res.resume();
  }).on('error', () => {
    errors += 1;
  });
};

// Paced by the clock: every 10 ms, the guesses due by now, so the rate holds whatever the latency.
const t0 = performance.now();
const timer = setInterval(() => {
  const due = Math.floor(((performance.now() - t0) / 1000) * rate);
  while (sent < due) guess();
}, 10);

process.on('SIGTERM', () => {
  clearInterval(timer);
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({ sent, seconds, statuses, errors })}\n`);
  agent.destroy();
  process.exit(0);
});
