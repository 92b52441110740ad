import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the fake does to one request:
 * - `none`: answer normally;
 * - `5xx`: answer 503 without processing;
 * - `drop-before`: close the connection without processing;
 * - `drop-after`: process the request (it counts as accepted), then close the connection
 *   before answering — the client cannot know it went through;
 * - `timeout`: process the request, then never answer.
 */
export type Fault = 'none' | '5xx' | 'drop-before' | 'drop-after' | 'timeout';

/** A request as the fake sees it. */
export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  raw: Buffer;
  body: string;
}

/** A fake's answer. */
export interface FakeAnswer {
  status?: number;
  json?: unknown;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/** A running fake platform on 127.0.0.1. */
export interface RunningFake {
  url: string;
  requests: number;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1, port 0. `faults(req)` picks a {@link Fault} per request
 * (deterministic in tests: a seeded random); `handle(req)` processes it.
 */
export async function startFake(handle: (req: FakeRequest) => FakeAnswer | Promise<FakeAnswer>, faults: (req: FakeRequest) => Fault = () => 'none'): Promise<RunningFake> {
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      state.requests++;
      const raw = Buffer.concat(chunks);
      const request: FakeRequest = { method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://127.0.0.1'), headers: req.headers, raw, body: raw.toString('utf8') };
      const fault = faults(request);
      if (fault === '5xx') {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('service unavailable');
        return;
      }
      if (fault === 'drop-before') {
        req.socket.destroy();
        return;
      }
      let answer: FakeAnswer;
      try {
        answer = await handle(request);
      } catch (e) {
        res.writeHead(500).end(String(e));
        return;
      }
      if (fault === 'drop-after') {
        req.socket.destroy();
        return;
      }
      if (fault === 'timeout') {
        hanging.add(res);
        return;
      }
      const body = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.body ?? '');
      res.writeHead(answer.status ?? 200, { 'content-type': answer.json !== undefined ? 'application/json' : 'application/octet-stream', ...answer.headers }).end(body);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A deterministic pseudo-random generator (mulberry32) for fault rates and jitter. */
export { mulberry32 as seededRandom } from '../../../scripts/seeded-random';

/** Picks faults at `rate` (0..1) spread over the four kinds, from a seeded random. */
export function faultRate(rate: number, random: () => number, only?: (req: FakeRequest) => boolean): (req: FakeRequest) => Fault {
  const kinds: Fault[] = ['5xx', 'drop-before', 'drop-after', 'timeout'];
  return (req) => {
    if (only && !only(req)) return 'none';
    if (random() >= rate) return 'none';
    return kinds[Math.floor(random() * kinds.length)]!;
  };
}

/**
 * What every fake returns: the running server's `url`, `requests` and `close`, with the
 * platform's own extras (their getters kept as getters).
 */
export function fakeHandle<T extends object>(fake: RunningFake, extras: T): Pick<RunningFake, 'url' | 'requests' | 'close'> & NoInfer<T> {
  const handle = {
    get url() {
      return fake.url;
    },
    get requests() {
      return fake.requests;
    },
    close: () => fake.close(),
  };
  return Object.defineProperties(handle, Object.getOwnPropertyDescriptors(extras)) as Pick<RunningFake, 'url' | 'requests' | 'close'> & T;
}
