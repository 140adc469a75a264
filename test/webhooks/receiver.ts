import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/** What the receiver answers to its n-th request (0-based): a status, or 'hang' (never answers). */
export type Behaviour = (n: number, received: Received) => number | 'hang';

/** A real HTTP receiver on 127.0.0.1 that records every request. */
export class Receiver {
  readonly received: Received[] = [];
  private readonly server: http.Server;
  private readonly hanging = new Set<http.ServerResponse>();

  constructor(private behaviour: Behaviour = () => 200) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
        this.received.push(received);
        const answer = this.behaviour(this.received.length - 1, received);
        if (answer === 'hang') return void this.hanging.add(res);
        res.writeHead(answer, { 'content-type': 'text/plain' }).end('x'.repeat(5000));
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  bodies(): Record<string, any>[] {
    return this.received.map((r) => JSON.parse(r.body));
  }
}

/** The README's verification: HMAC-SHA256 of `${t}.${body}` with the secret, compared in constant time. */
export function verifySignature(secret: string, header: string, body: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!parts.v1 || !Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
