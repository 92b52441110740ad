import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Fault, FakeRequest, RunningFake } from './fake-server';
import { startFake, fakeHandle } from './fake-server';

/** Controls and counters of the fake CMS / push service. */
export interface FakeCms extends RunningFake {
  /** Accepted publications by idempotency key: exactly-once means every value is 1. */
  acceptedByKey: Map<string, number>;
  /** Requests answered from the idempotency cache (a resend the CMS recognised). */
  replays: number;
  /** Bodies of the published items by the publication's key; removals delete them. */
  live: Map<string, Record<string, unknown>>;
  badSignatures: number;
}

/**
 * A CMS that receives govpub's signed webhook as documented: checks the signature with
 * node:crypto (an implementation independent of govpub's), honours `Idempotency-Key`
 * (a repeated key gets the first answer and publishes nothing), `DELETE` removes.
 */
export async function startFakeCms(options: { secret: string; faults?: (req: FakeRequest) => Fault }): Promise<FakeCms> {
  const acceptedByKey = new Map<string, number>();
  const answers = new Map<string, unknown>();
  const live = new Map<string, Record<string, unknown>>();
  const state = { replays: 0, badSignatures: 0, seq: 0 };
  const fake = await startFake((req) => {
    const ts = String(req.headers['x-govpub-timestamp'] ?? '');
    const sig = String(req.headers['x-govpub-signature'] ?? '');
    const expected = `sha256=${createHmac('sha256', options.secret).update(`${ts}.${req.body}`).digest('hex')}`;
    if (sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) {
      state.badSignatures++;
      return { status: 401, json: { error: 'bad signature' } };
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    if (!key) return { status: 400, json: { error: 'Idempotency-Key required' } };
    if (answers.has(key)) {
      state.replays++;
      return { json: answers.get(key) };
    }
    const body = JSON.parse(req.body) as Record<string, unknown>;
    let answer: unknown;
    if (req.method === 'POST') {
      acceptedByKey.set(key, (acceptedByKey.get(key) ?? 0) + 1);
      live.set(key, body);
      const id = `CMS-${++state.seq}`;
      answer = { id, url: `https://www.example.gov.cn/art/${id}.html` };
    } else if (req.method === 'DELETE') {
      const target = String(body.removes);
      if (!live.delete(target)) return { status: 404, json: { error: 'not found' } };
      answer = { removed: target };
    } else return { status: 405, json: {} };
    answers.set(key, answer);
    return { json: answer };
  }, options.faults);
  return fakeHandle(fake, {
    acceptedByKey,
    live,
    get replays() {
      return state.replays;
    },
    get badSignatures() {
      return state.badSignatures;
    },
  });
}
