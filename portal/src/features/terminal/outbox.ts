/**
 * The terminal's outbox: purchases taken while the network is down wait on the device, in
 * IndexedDB (through `idb`), each with the Idempotency-Key it was given when the cashier pressed
 * the button. They are sent oldest first when the network returns. A resend after a lost answer
 * uses the same key (and the same receipt number), so the server records each purchase once
 * (ADR 0007, ADR 0043). An item leaves the outbox only when the server has answered for it: a
 * success removes it, a refusal (a wrong passport, say) keeps it as `rejected` with the reason,
 * for the cashier to read and discard.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PurchaseRequest } from '../../lib/api';

export interface QueuedPurchase {
  /** The Idempotency-Key, also the record's key. */
  key: string;
  partner: string;
  request: PurchaseRequest;
  /** When the cashier pressed the button (ISO 8601); the outbox's order. */
  queuedAt: string;
  attempts: number;
  state: 'waiting' | 'rejected';
  /** Why the server refused it (rejected), or why the last attempt failed. */
  reason?: string;
}

interface OutboxSchema extends DBSchema {
  purchases: {
    key: string;
    value: QueuedPurchase;
    indexes: { 'by-partner': string };
  };
}

const DB_NAME = 'bloom-terminal';
const DB_VERSION = 1;

let database: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function db(): Promise<IDBPDatabase<OutboxSchema>> {
  database ??= openDB<OutboxSchema>(DB_NAME, DB_VERSION, {
    upgrade(upgrading) {
      const store = upgrading.createObjectStore('purchases', { keyPath: 'key' });
      store.createIndex('by-partner', 'partner');
    },
  });
  return database;
}

/** Keeps a purchase to send later. Written before the screen says "queued". */
export async function enqueue(partner: string, key: string, request: PurchaseRequest) {
  const item: QueuedPurchase = {
    key,
    partner,
    request,
    queuedAt: new Date().toISOString(),
    attempts: 0,
    state: 'waiting',
  };
  // `put`: queuing the same key twice (a double tap while offline) keeps one item.
  await (await db()).put('purchases', item);
  return item;
}

/** The partner's queued purchases, oldest first. */
export async function queued(partner: string): Promise<QueuedPurchase[]> {
  const items = await (await db()).getAllFromIndex('purchases', 'by-partner', partner);
  return items.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export async function remove(key: string): Promise<void> {
  await (await db()).delete('purchases', key);
}

async function update(key: string, change: (item: QueuedPurchase) => void): Promise<void> {
  const tx = (await db()).transaction('purchases', 'readwrite');
  const item = await tx.store.get(key);
  if (item) {
    change(item);
    await tx.store.put(item);
  }
  await tx.done;
}

/** What the server said about one queued purchase. */
export type SendOutcome<R> =
  | { kind: 'sent'; result: R }
  /** Not reached, or not now (no network, 5xx, 429, session expired): try again later. */
  | { kind: 'retry'; reason: string }
  /** Refused for good (400, 404, 409, 422…): keep it for the cashier to see. */
  | { kind: 'rejected'; reason: string };

export interface FlushReport<R> {
  sent: { item: QueuedPurchase; result: R }[];
  rejected: QueuedPurchase[];
  /** Whether items are still waiting because the last attempt could not reach the server. */
  stalled: boolean;
}

let running: Promise<unknown> | null = null;

/**
 * Sends the partner's waiting purchases, oldest first, one at a time; stops at the first one that
 * cannot be sent now (the next ones would fail the same way). One flush at a time in this page,
 * and across the device's tabs under a Web Lock where the browser has them: a second sender would
 * be harmless (same keys), only wasteful.
 */
export function flush<R>(
  partner: string,
  send: (item: QueuedPurchase) => Promise<SendOutcome<R>>,
): Promise<FlushReport<R>> {
  if (running) {
    return running.then(() => flush(partner, send));
  }
  const work = async (): Promise<FlushReport<R>> => {
    const report: FlushReport<R> = { sent: [], rejected: [], stalled: false };
    for (const item of await queued(partner)) {
      if (item.state !== 'waiting') continue;
      await update(item.key, (i) => {
        i.attempts += 1;
      });
      const outcome = await send(item);
      if (outcome.kind === 'sent') {
        await remove(item.key);
        report.sent.push({ item, result: outcome.result });
      } else if (outcome.kind === 'rejected') {
        await update(item.key, (i) => {
          i.state = 'rejected';
          i.reason = outcome.reason;
        });
        report.rejected.push({ ...item, state: 'rejected', reason: outcome.reason });
      } else {
        await update(item.key, (i) => {
          i.reason = outcome.reason;
        });
        report.stalled = true;
        break;
      }
    }
    return report;
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const current: Promise<FlushReport<R>> = locks
    ? (async () => await locks.request(`bloom-terminal-outbox-${partner}`, work))()
    : work();
  running = current;
  return current.finally(() => {
    if (running === current) running = null;
  });
}
