import { SETTINGS_ID, uuidV7 } from '@storesync/schema';

/** A book's size: customers, and entries (debts, repayments and sales) over them. */
export interface BookSize {
  customers: number;
  entries: number;
}

export interface SeededBook {
  email: string;
  size: BookSize;
  /** Customer `i`'s name, which ends in their `code`. */
  name(i: number): string;
  /** Customer `i`'s 5-digit number: typing it narrows the customers list to them. */
  code(i: number): string;
}

const FIRST = [
  'Amina',
  'Baraka',
  'Chausiku',
  'Daudi',
  'Eshe',
  'Faraji',
  'Halima',
  'Jabari',
  'Neema',
  'Zawadi',
];
const LAST = ['Otieno', 'Mwangi', 'Njeri', 'Kamau', 'Achieng', 'Wanjiru', 'Mutua', 'Odhiambo'];
const GOODS = [
  'Sugar 1 kg',
  'Bread',
  'Rice 2 kg',
  'Cooking oil 1 l',
  'Soap',
  'Tea leaves',
  'Milk 500 ml',
  'Maize flour 2 kg',
];
const DAY = 86_400_000;
const BATCH = 500;

const customerCode = (i: number) => String(i).padStart(5, '0');
const customerName = (i: number) =>
  `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${customerCode(i)}`;

/** A small deterministic generator: the same book every run. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

type Event = {
  eventUuid: string;
  entity: string;
  entityId: string;
  op: 'upsert';
  payload: object;
  clientUpdatedAt: string;
};

/**
 * A shop's book as a phone's outbox would send it: customers first, then entries in date order
 * over the last 90 days. Debts (a third due on a date, most of those past), repayments, and sales
 * of 1–4 items, some with an unpaid part owed by a customer.
 */
function* bookEvents(size: BookSize): Generator<Event> {
  const r = random(size.customers * 31 + size.entries);
  const now = Date.now();
  const event = (entity: string, payload: object, at = now): Event => ({
    eventUuid: uuidV7(),
    entity,
    entityId: uuidV7(),
    op: 'upsert',
    payload,
    clientUpdatedAt: new Date(at).toISOString(),
  });
  yield { ...event('settings', { currency: 'USD', shopName: 'Bench shop' }), entityId: SETTINGS_ID };
  const ids: string[] = [];
  for (let i = 0; i < size.customers; i++) {
    const e = event('customers', {
      name: customerName(i),
      phone: `+2547${String(10_000_000 + i * 37).slice(-8)}`,
      note: i % 5 === 0 ? 'pays on Fridays' : null,
    });
    ids.push(e.entityId);
    yield e;
  }
  const customer = () => ids[r.int(0, ids.length - 1)] ?? null;
  for (let k = 0; k < size.entries; k++) {
    // Oldest first, as they were recorded.
    const at = now - 90 * DAY + Math.floor(((k + r.next()) / size.entries) * 90 * DAY);
    const kind = r.next();
    if (kind < 0.4) {
      const due = r.next() < 0.35 ? new Date(at + r.int(-5, 30) * DAY).toISOString().slice(0, 10) : null;
      yield event(
        'debts',
        {
          customerId: customer(),
          amount: r.int(1, 200) * 50,
          note: r.next() < 0.3 ? 'groceries' : null,
          dueDate: due,
        },
        at,
      );
    } else if (kind < 0.65) {
      const paidAt = new Date(at).toISOString();
      yield event(
        'payments',
        { customerId: customer(), debtId: null, amount: r.int(1, 100) * 50, paidAt, note: null },
        at,
      );
    } else {
      const items = Array.from({ length: r.int(1, 4) }, () => ({
        name: GOODS[r.int(0, GOODS.length - 1)] ?? 'Bread',
        quantity: r.int(1, 5),
        unitPrice: r.int(1, 40) * 25,
      }));
      const total = items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0);
      const onCredit = r.next() < 0.3;
      const buyer = onCredit || r.next() < 0.5 ? customer() : null;
      const paidAmount = onCredit ? Math.floor((total * r.int(0, 9)) / 10) : total;
      yield event(
        'sales',
        { customerId: buyer, items, total, paidAmount, soldAt: new Date(at).toISOString(), note: null },
        at,
      );
    }
  }
}

/** Signs in as `email`'s seeding device, over the same door the phone uses. */
async function signIn(server: string, email: string, deviceId: string): Promise<string> {
  const send = () =>
    fetch(`${server}/auth/dev-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, deviceId }),
    });
  // The first request after the export may go out on a kept-alive socket the server has just
  // closed ("other side closed"): a sign-in is safe to send again.
  const res = await send().catch((e: unknown) => (e instanceof TypeError ? send() : Promise.reject(e)));
  if (!res.ok) throw new Error(`dev sign-in for ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { sessionToken: string }).sessionToken;
}

/** Seeds a new store through the real push path (`POST /sync/push`, batches of 500); every event must apply. */
export async function seedBook(server: string, email: string, size: BookSize): Promise<SeededBook> {
  const deviceId = `seed-${email}`;
  const token = await signIn(server, email, deviceId);
  const push = async (events: Event[]) => {
    const res = await fetch(`${server}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ deviceId, events }),
    });
    if (!res.ok) throw new Error(`push into ${email}: ${res.status} ${await res.text()}`);
    const { results } = (await res.json()) as { results: { status: string; error?: { message: string } }[] };
    const bad = results.find((x) => x.status !== 'applied');
    if (bad) throw new Error(`push into ${email}: an event was ${bad.status}: ${bad.error?.message ?? ''}`);
  };
  let batch: Event[] = [];
  for (const e of bookEvents(size)) {
    batch.push(e);
    if (batch.length === BATCH) {
      await push(batch);
      batch = [];
    }
  }
  if (batch.length) await push(batch);
  return { email, size, name: customerName, code: customerCode };
}
