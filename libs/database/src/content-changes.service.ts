import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { DATABASE_OPTIONS, type DatabaseOptions } from './database.options.js';
import { logConnectionError } from './pg-errors.js';

/** The channel the content tables' triggers notify (migration content_change_notifications). */
export const CONTENT_CHANGED_CHANNEL = 'pressroom_content_changed';
/** The channel ApiToken's triggers notify when a token is revoked, changed or deleted (migration api_token_notifications). */
export const API_TOKENS_CHANGED_CHANNEL = 'pressroom_api_tokens_changed';
// Where caughtUp() sends itself a marker; apart from the content channel, so others ignore it.
const CAUGHT_UP_CHANNEL = 'pressroom_content_caught_up';
/** The application_name of the LISTEN connection, as pg_stat_activity shows it. */
export const CONTENT_CHANGES_APPLICATION = 'pressroom-content-changes';

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5_000;
const CONNECT_TIMEOUT_MS = 10_000;
// An idle connection can die without a word (a NAT or load balancer forgetting it): a query now
// and then finds out, and keeps such middleboxes from forgetting it in the first place.
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

/**
 * Tells when what anonymous readers see may have changed, whoever committed the change: one
 * dedicated LISTEN connection per process, outside the pools (a pooled connection would stop
 * listening when returned). Listeners are called for each notification, and also when the
 * connection is lost and when it is back, since notifications sent meanwhile are lost: while
 * `listening` is false, nothing seen before may be trusted. Reconnects with backoff.
 */
@Injectable()
export class ContentChanges implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ContentChanges.name);
  private readonly changes = new EventEmitter();
  private client?: pg.Client;
  private retryMs = FIRST_RETRY_MS;
  private retry?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  private closed = false;
  private connected = false;

  constructor(@Inject(DATABASE_OPTIONS) private readonly options: DatabaseOptions) {}

  /** Whether notifications arrive now; false before the first connection and after a loss. */
  get listening(): boolean {
    return this.connected;
  }

  /** Calls `listener` whenever content may have changed; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.changes.on('change', listener);
    return () => this.changes.off('change', listener);
  }

  /**
   * Calls `listener` whenever an API token may have been revoked, changed or deleted (and, as
   * for content, when the connection is lost or back); returns the unsubscribe function.
   */
  onTokensChange(listener: () => void): () => void {
    this.changes.on('tokens', listener);
    return () => this.changes.off('tokens', listener);
  }

  /**
   * Resolves once every change committed before the call has been heard: PostgreSQL delivers
   * notifications in commit order, so a marker this connection sends itself arrives after them.
   * For tests that write around the API and then read through its cache. At once when not
   * listening (the cache is bypassed then).
   */
  async caughtUp(): Promise<void> {
    const client = this.client;
    if (!client || !this.connected) return;
    const marker = randomUUID();
    const heard = new Promise<void>((resolve) => {
      const done = () => {
        client.off('notification', onNotification).off('end', done);
        resolve();
      };
      const onNotification = ({ channel, payload }: pg.Notification) => {
        if (channel === CAUGHT_UP_CHANNEL && payload === marker) done();
      };
      client.on('notification', onNotification).on('end', done);
    });
    await client.query('SELECT pg_notify($1, $2)', [CAUGHT_UP_CHANNEL, marker]);
    await heard;
  }

  // The first attempt is awaited so that a healthy app starts listening; a failed one does not
  // stop the boot (the response cache is bypassed until a retry succeeds).
  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
    const client = this.client;
    this.client = undefined;
    this.connected = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: CONTENT_CHANGES_APPLICATION,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: HEARTBEAT_TIMEOUT_MS,
      keepAlive: true,
    });
    this.client = client;
    client.on('error', (error) => logConnectionError('content-changes listener', error));
    client.on('end', () => this.lost(client));
    client.on('notification', ({ channel }) => {
      if (channel === CONTENT_CHANGED_CHANNEL) this.changes.emit('change');
      if (channel === API_TOKENS_CHANGED_CHANNEL) this.changes.emit('tokens');
    });
    try {
      await client.connect();
      await client.query(
        `LISTEN ${CONTENT_CHANGED_CHANNEL}; LISTEN ${API_TOKENS_CHANGED_CHANNEL}; LISTEN ${CAUGHT_UP_CHANNEL}`,
      );
    } catch (error) {
      logConnectionError('content-changes listener', error);
      await client.end().catch(() => undefined);
      this.lost(client); // once, whether or not pg emitted 'end' too
      return;
    }
    if (this.client !== client) return;
    this.connected = true;
    this.retryMs = FIRST_RETRY_MS;
    this.heartbeat = setInterval(() => void this.beat(client), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.changes.emit('change'); // what changed while nobody listened
    this.changes.emit('tokens');
  }

  /** A query that does not answer in time ends the connection, which reconnects. */
  private async beat(client: pg.Client): Promise<void> {
    try {
      await client.query('SELECT 1');
    } catch (error) {
      if (this.client !== client) return; // closed meanwhile
      logConnectionError('content-changes listener heartbeat', error);
      await client.end().catch(() => undefined);
    }
  }

  private lost(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    clearInterval(this.heartbeat);
    if (this.connected) this.logger.warn('LISTEN connection lost; reconnecting');
    this.connected = false;
    this.changes.emit('change');
    this.changes.emit('tokens');
    this.retry = setTimeout(() => void this.connect(), this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }
}
