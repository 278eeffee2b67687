// A token guesser for issue 22's benchmark, in a process of its own so that its requests do not
// share an event loop with the pushes being timed: `node guesser.mjs <base> <per second> <addresses>`.
// It asks for /s/<random token> at the given rate, each guess from the next of <addresses>
// addresses (X-Forwarded-For behind one trusted proxy hop), until SIGTERM; then it prints the
// answers it got as one JSON line: { sent, seconds, statuses: { "404": n, … }, errors }.
// Written as load generators are (wrk): requests pipelined on a few kept-alive sockets, one write
// per socket per tick, answers counted by their status lines — so that on a machine shared with
// the server, the guesser costs as little as it can and the server's share is what is measured.
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

const [base, rateArg, addressesArg] = process.argv.slice(2);
const rate = Number(rateArg);
const addresses = Number(addressesArg);
const { hostname, port } = new URL(base);
const SOCKETS = 8;
const STATUS = /HTTP\/1\.1 (\d{3}) /g;
const statuses = {};
let sent = 0;
let errors = 0;

const sockets = Array.from({ length: SOCKETS }, () => {
  const socket = connect(Number(port), hostname);
  socket.setNoDelay(true);
  // What follows the last status line seen: a status line cut between two chunks is read whole.
  let carry = '';
  socket.on('data', (chunk) => {
    const text = carry + chunk.toString('latin1');
    let end = 0;
    for (const m of text.matchAll(STATUS)) {
      statuses[m[1]] = (statuses[m[1]] ?? 0) + 1;
      end = m.index + m[0].length;
    }
    carry = text.slice(Math.max(end, text.length - 16));
  });
  socket.on('error', () => {
    errors += 1;
  });
  return socket;
});

const request = (n) => {
  const a = n % addresses;
  const address = `10.${40 + (a >> 16)}.${(a >> 8) & 255}.${a & 255}`;
  const token = randomBytes(16).toString('base64url');
  return `GET /s/${token} HTTP/1.1\r\nHost: ${hostname}\r\nX-Forwarded-For: ${address}\r\n\r\n`;
};

// Paced by the clock: every 10 ms, the guesses due by now, so the rate holds whatever the latency.
const t0 = performance.now();
const timer = setInterval(() => {
  const due = Math.floor(((performance.now() - t0) / 1000) * rate);
  const batches = sockets.map(() => []);
  for (; sent < due; sent++) batches[sent % SOCKETS].push(request(sent));
  batches.forEach((batch, i) => {
    if (batch.length > 0) sockets[i].write(batch.join(''));
  });
}, 10);

process.on('SIGTERM', () => {
  clearInterval(timer);
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({ sent, seconds, statuses, errors })}\n`);
  for (const socket of sockets) socket.destroy();
  process.exit(0);
});
