import { createHmac } from 'node:crypto';
import { generateWebhookSecret, signatureHeader } from './signature.js';

describe('signatureHeader', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const body = '{"event":"article.published"}';
    const expected = createHmac('sha256', 'whsec_test').update(`1700000000.${body}`).digest('hex');
    expect(signatureHeader('whsec_test', body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('changes with the body, the time and the secret', () => {
    const base = signatureHeader('a', 'x', 1);
    expect(signatureHeader('a', 'y', 1)).not.toBe(base);
    expect(signatureHeader('a', 'x', 2)).not.toBe(base);
    expect(signatureHeader('b', 'x', 1)).not.toBe(base);
  });

  it('uses secrets of 256 random bits', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});
