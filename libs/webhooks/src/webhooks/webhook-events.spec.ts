import { publicKind } from '../changes/changes.service.js';
import { eventOf } from './webhook-events.js';

describe('eventOf', () => {
  it.each([
    [{ kind: 'CREATED', visibleBefore: false, visibleAfter: false }, null],
    [{ kind: 'UPDATED', visibleBefore: false, visibleAfter: false }, null],
    [{ kind: 'DELETED', visibleBefore: false, visibleAfter: false }, null],
    [{ kind: 'CREATED', visibleBefore: false, visibleAfter: true }, 'article.published'],
    [{ kind: 'PUBLISHED', visibleBefore: false, visibleAfter: true }, 'article.published'],
    [{ kind: 'PUBLISHED', visibleBefore: false, visibleAfter: false }, null], // scheduled: told when due
    [{ kind: 'UPDATED', visibleBefore: true, visibleAfter: true }, 'article.updated'],
    [{ kind: 'UNPUBLISHED', visibleBefore: true, visibleAfter: false }, 'article.unpublished'],
    [{ kind: 'UPDATED', visibleBefore: true, visibleAfter: false }, 'article.unpublished'], // moved to a later date
    [{ kind: 'ARCHIVED', visibleBefore: true, visibleAfter: false }, 'article.archived'],
    [{ kind: 'DELETED', visibleBefore: true, visibleAfter: false }, 'article.deleted'],
  ] as const)('%j is %s', (change, event) => {
    expect(eventOf(change)).toBe(event);
  });
});

describe('publicKind', () => {
  it('tells anonymous readers what the public site saw', () => {
    expect(publicKind({ kind: 'CREATED', visibleBefore: false, visibleAfter: true })).toBe('PUBLISHED');
    expect(publicKind({ kind: 'PUBLISHED', visibleBefore: true, visibleAfter: true })).toBe('UPDATED');
    expect(publicKind({ kind: 'UPDATED', visibleBefore: true, visibleAfter: false })).toBe('UNPUBLISHED');
    expect(publicKind({ kind: 'ARCHIVED', visibleBefore: true, visibleAfter: false })).toBe('ARCHIVED');
    expect(publicKind({ kind: 'DELETED', visibleBefore: true, visibleAfter: false })).toBe('DELETED');
  });
});
