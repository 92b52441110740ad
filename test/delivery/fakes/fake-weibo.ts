import type { Fault, FakeRequest, RunningFake } from './fake-server';
import { startFake, fakeHandle } from './fake-server';

/** Controls and counters of the fake Weibo API. */
export interface FakeWeibo extends RunningFake {
  /** Accepted posts by text. */
  acceptedByText: Map<string, number>;
  rateLimitNext(n: number): void;
}

/**
 * `POST /2/statuses/share.json` as documented: form fields `access_token`, `status`; the text
 * must contain a link on the safe domain (error 10017 otherwise, as the fake's choice of a
 * parameter error), 10023 when rate limited; answers the status object with `idstr` and `user`.
 */
export async function startFakeWeibo(options: { token: string; safeDomain: string; faults?: (req: FakeRequest) => Fault }): Promise<FakeWeibo> {
  const acceptedByText = new Map<string, number>();
  let limited = 0;
  let seq = 4_900_000_000_000_000;
  const fake = await startFake((req) => {
    if (req.url.pathname !== '/2/statuses/share.json' || req.method !== 'POST') return { status: 404, json: { error: 'not found', error_code: 10001 } };
    const form = new URLSearchParams(req.body);
    if (form.get('access_token') !== options.token) return { status: 403, json: { error: 'invalid_access_token', error_code: 21332, request: '/2/statuses/share.json' } };
    if (limited > 0) {
      limited--;
      return { status: 403, json: { error: 'User requests out of rate limit!', error_code: 10023, request: '/2/statuses/share.json' } };
    }
    const status = form.get('status') ?? '';
    if (!status.includes(options.safeDomain)) return { status: 400, json: { error: 'text must contain a safe-domain link', error_code: 10017 } };
    acceptedByText.set(status, (acceptedByText.get(status) ?? 0) + 1);
    const id = String(++seq);
    return { json: { id: Number(id), idstr: id, text: status, user: { id: 1234567890 } } };
  }, options.faults);
  return fakeHandle(fake, {
    acceptedByText,
    rateLimitNext(n: number) {
      limited = n;
    },
  });
}
