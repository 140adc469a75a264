import { parseDate } from './parse-date.js';

function iso(text: string, zone = 'UTC'): string {
  const parsed = parseDate(text, zone);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.date.toISOString();
}

describe('parseDate', () => {
  it.each([
    ['2021-08-30T01:33:13.561Z', '2021-08-30T01:33:13.561Z'],
    ['2021-01-19T00:00:00Z', '2021-01-19T00:00:00.000Z'],
    ['2019-02-04T13:12:35.000+00:00', '2019-02-04T13:12:35.000Z'],
    ['2020-04-08T09:00:00-07:00', '2020-04-08T16:00:00.000Z'],
    ['2020-04-08T09:00:00+0530', '2020-04-08T03:30:00.000Z'],
    ['2021-01-09t10:00:00.123456z', '2021-01-09T10:00:00.123Z'],
    ['2013-11-22 5:00:00 +0000', '2013-11-22T05:00:00.000Z'],
    ['2013-06-27 11:00:01 +0900', '2013-06-27T02:00:01.000Z'],
    ['2013-06-27 11:00 +09:00', '2013-06-27T02:00:00.000Z'],
    ['2019-07-31', '2019-07-31T00:00:00.000Z'],
    ['2019-7-3', '2019-07-03T00:00:00.000Z'],
    ['Fri, 22 Feb 2019 19:12:24 +0000', '2019-02-22T19:12:24.000Z'],
    ['Tue, 12 Nov 2019 10:00:00 -0800', '2019-11-12T18:00:00.000Z'],
    ['22 Feb 2019 19:12 GMT', '2019-02-22T19:12:00.000Z'],
    ['Mon, 4 Mar 2019 09:00:00 EST', '2019-03-04T14:00:00.000Z'],
    ['  2020-02-29  ', '2020-02-29T00:00:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('reads text without an offset as wall time in the configured zone', () => {
    expect(iso('2021-01-09 10:00:00', 'Asia/Shanghai')).toBe('2021-01-09T02:00:00.000Z');
    expect(iso('2021-07-01', 'Europe/Berlin')).toBe('2021-06-30T22:00:00.000Z');
    expect(iso('2021-01-01', 'Europe/Berlin')).toBe('2020-12-31T23:00:00.000Z');
    expect(iso('2021-07-01T12:00:00', 'America/New_York')).toBe('2021-07-01T16:00:00.000Z');
  });

  it('honours an explicit offset whatever the configured zone', () => {
    expect(iso('2021-01-09T10:00:00Z', 'Asia/Shanghai')).toBe('2021-01-09T10:00:00.000Z');
    expect(iso('Fri, 22 Feb 2019 19:12:24 +0000', 'America/New_York')).toBe('2019-02-22T19:12:24.000Z');
  });

  it('moves a wall time skipped by a DST change past the gap', () => {
    expect(iso('2021-03-28 02:30:00', 'Europe/Berlin')).toBe('2021-03-28T01:30:00.000Z');
  });

  it.each([
    '2021-02-30',
    '2021-02-29',
    '1900-02-29',
    '2021-13-01',
    '2021-00-10',
    '2021-04-31',
    '2021-01-09 24:00:00',
    '2021-01-09T10:60:00Z',
    '2021-01-09T10:00:61Z',
    'Mon, 31 Apr 2019 10:00:00 +0000',
  ])('calls %s impossible', (text) => {
    const parsed = parseDate(text, 'UTC');
    expect(parsed).toMatchObject({ ok: false, impossible: true });
  });

  it.each(['next tuesday', '01/18/2026', '2021', '20210109', '2021-01-09 at noon', ''])('does not read %j', (text) => {
    expect(parseDate(text, 'UTC')).toMatchObject({ ok: false, impossible: false });
  });
});
