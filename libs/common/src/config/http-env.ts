import { isIP } from 'node:net';
import { isFQDN, ValidateBy, type ValidationOptions } from 'class-validator';

/** Express's `trust proxy` setting as TRUST_PROXY gives it: on/off, a hop count, or proxy addresses. */
export type TrustProxy = boolean | number | string[];

/** Names proxy-addr (Express's `trust proxy`) knows for sets of addresses. */
const ADDRESS_SETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `a, b,c` -> ['a', 'b', 'c']; a value that is not a string is left for the validator to refuse. */
export const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

export const toTrustProxy = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d+$/.test(text)) return Number(text);
  return toList({ value: text });
};

/** `*` alone, or origins as browsers send them: `scheme://host[:port]`, no path or trailing slash. */
export function IsCorsOrigins(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCorsOrigins',
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) && (isWildcard(value) || value.every((item) => isOrigin(item))),
        defaultMessage: () =>
          'CORS_ORIGINS must be `*` alone or comma-separated origins such as https://www.example.org (scheme, host and port; no path)',
      },
    },
    options,
  );
}

export function IsTrustProxy(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTrustProxy',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'boolean' ||
          (typeof value === 'number' && Number.isSafeInteger(value)) ||
          (Array.isArray(value) && value.length > 0 && value.every((item) => isProxyAddress(item))),
        defaultMessage: () =>
          'TRUST_PROXY must be true, false, a hop count, or comma-separated addresses and subnets (10.0.0.0/8, loopback, linklocal, uniquelocal)',
      },
    },
    options,
  );
}

/** An IP address or a host name to listen on. */
export function IsHost(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHost',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && (isIP(value) !== 0 || isFQDN(value, { require_tld: false })),
        defaultMessage: () => 'HOST must be an IP address (0.0.0.0, ::, 127.0.0.1) or a host name',
      },
    },
    options,
  );
}

function isWildcard(list: unknown[]): boolean {
  return list.length === 1 && list[0] === '*';
}

function isOrigin(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

function isProxyAddress(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (ADDRESS_SETS.has(value)) return true;
  const [address = '', prefix, ...rest] = value.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  // proxy-addr also takes an IPv4 netmask after the slash (10.0.0.0/255.0.0.0).
  if (version === 4 && isIP(prefix) === 4) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
