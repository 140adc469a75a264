import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './address-policy.js';

/** Bytes of a receiver's answer kept (and read) at most. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export interface DeliveryRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
}

export interface DeliveryOutcome {
  ok: boolean;
  code: number | null;
  durationMs: number;
  error: string | null;
  excerpt: string | null;
}

/** Thrown where a receiver's address is refused; the message is recorded on the attempt. */
export class RefusedAddressError extends Error {}

/**
 * POSTs one delivery. The address is checked after DNS resolution, on the address the socket
 * then connects to (a lookup that refuses private answers), so a name that resolves to a public
 * address when the webhook is saved and to 127.0.0.1 when it is called gets nothing. The whole
 * exchange has one deadline; at most RESPONSE_EXCERPT_BYTES of the answer are read. Never throws.
 */
export function deliver(request: DeliveryRequest): Promise<DeliveryOutcome> {
  const started = Date.now();
  const done = (outcome: Omit<DeliveryOutcome, 'durationMs'>): DeliveryOutcome => ({
    ...outcome,
    durationMs: Date.now() - started,
  });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(request.url);
      assertDeliverable(url, request.allowPrivate);
    } catch (error) {
      return resolve(done({ ok: false, code: null, error: (error as Error).message, excerpt: null }));
    }
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'POST',
      headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      lookup: request.allowPrivate ? undefined : publicOnlyLookup,
      agent: false,
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer within ${request.timeoutMs} ms`)),
      request.timeoutMs,
    );
    req.on('error', (error) => {
      clearTimeout(timer);
      resolve(done({ ok: false, code: null, error: error.message, excerpt: null }));
    });
    req.on('response', (res) => {
      const code = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let kept = 0;
      const finish = () => {
        clearTimeout(timer);
        const excerpt = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8');
        const ok = code >= 200 && code < 300;
        resolve(done({ ok, code, error: ok ? null : `HTTP ${code}`, excerpt: excerpt || null }));
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        kept += chunk.length;
        if (kept >= RESPONSE_EXCERPT_BYTES) res.destroy();
      });
      res.on('close', finish);
      res.on('error', () => undefined);
    });
    req.end(request.body);
  });
}

/** RefusedAddressError unless `url` is http(s) and, without allowPrivate, not a private IP literal. */
export function assertDeliverable(url: URL, allowPrivate: boolean): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RefusedAddressError(`Only http and https URLs are delivered to, not ${url.protocol}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) {
    throw new RefusedAddressError(`${host} is a loopback, private, link-local or reserved address`);
  }
}

/**
 * dns.lookup, keeping only public addresses: the socket connects to what this returns, so the
 * check and the connection cannot disagree (no DNS-rebinding window). Answers the `all` form
 * too, which Node asks for when it races IPv4 and IPv6 (autoSelectFamily).
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const allowed = addresses.filter((a) => !isPrivateAddress(a.address));
    if (!allowed.length) {
      const refused = new RefusedAddressError(
        `${hostname} resolves to a loopback, private, link-local or reserved address (${addresses.map((a) => a.address).join(', ')})`,
      );
      return callback(refused, '', 0);
    }
    if ((options as { all?: boolean }).all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
};
