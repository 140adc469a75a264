import type { ApiToken } from '@pressroom/database';
import { VERIFIED_TOKEN_TTL_MS, VerifiedTokens, type TokenChangeSignal } from './verified-tokens.js';

/** A signal the test drives: what ContentChanges does when a notification arrives. */
class Signal implements TokenChangeSignal {
  listening = true;
  private listener?: () => void;
  onTokensChange(listener: () => void) {
    this.listener = listener;
    return () => undefined;
  }
  notify() {
    this.listener?.();
  }
}

const token = { id: 't1', name: 'desk', role: 'EDITOR' } as ApiToken;

describe('VerifiedTokens', () => {
  it('keeps a verified token for its time to live, then asks again', () => {
    const cache = new VerifiedTokens(new Signal());
    cache.set('h', token, cache.generation, 1_000);
    expect(cache.get('h', 1_000 + VERIFIED_TOKEN_TTL_MS - 1)).toBe(token);
    expect(cache.get('h', 1_000 + VERIFIED_TOKEN_TTL_MS)).toBeUndefined();
  });

  it('forgets every token when a change is notified', () => {
    const signal = new Signal();
    const cache = new VerifiedTokens(signal);
    cache.set('h', token, cache.generation);
    signal.notify();
    expect(cache.get('h')).toBeUndefined();
  });

  it('does not keep a lookup that began before a change (a revocation racing it)', () => {
    const signal = new Signal();
    const cache = new VerifiedTokens(signal);
    const began = cache.generation;
    signal.notify();
    cache.set('h', token, began);
    expect(cache.get('h')).toBeUndefined();
  });

  it('keeps nothing while notifications do not arrive, nor without a signal', () => {
    const signal = new Signal();
    signal.listening = false;
    const deaf = new VerifiedTokens(signal);
    deaf.set('h', token, deaf.generation);
    expect(deaf.get('h')).toBeUndefined();
    const alone = new VerifiedTokens();
    alone.set('h', token, alone.generation);
    expect(alone.get('h')).toBeUndefined();
  });
});
