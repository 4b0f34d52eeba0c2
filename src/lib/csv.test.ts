import { describe, expect, it } from 'vitest';
import { csvCell, csvDate, toCsv } from './csv';

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('billing-export')).toBe('billing-export');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('line1\r\nline2')).toBe('"line1\r\nline2"');
  });

  it('quotes leading or trailing spaces so they survive', () => {
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it.each(['=SUM(A1:A2)', '+1', '-1+2', '@cmd', '\tx'])('neutralises a formula start in %j', (value) => {
    expect(csvCell(value).replace(/^"/, '').startsWith(`'${value.slice(0, 1)}`)).toBe(true);
  });

  it('quotes a neutralised formula that also needs quoting', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('writes dates as RFC 3339 UTC and empties for missing values', () => {
    expect(csvCell(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678Z');
    expect(csvCell(new Date('nope'))).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes numbers and booleans as is, negative numbers unprefixed', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});

describe('toCsv', () => {
  type Row = { name: string; used: string | null; count: number };
  const columns = [
    { header: 'Name', value: (r: Row) => r.name },
    { header: 'Last used', value: (r: Row) => csvDate(r.used) },
    { header: 'Count', value: (r: Row) => r.count },
  ];

  it('writes a header row and one CRLF-terminated line per row', () => {
    const text = toCsv(columns, [
      { name: 'a, b', used: '2026-03-01T10:00:00Z', count: 1 },
      { name: 'c', used: null, count: 2 },
    ]);
    expect(text).toBe('Name,Last used,Count\r\n"a, b",2026-03-01T10:00:00.000Z,1\r\nc,,2\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(columns, [])).toBe('Name,Last used,Count\r\n');
  });
});

describe('csvDate', () => {
  it('parses API timestamps and rejects junk', () => {
    expect(csvDate('2026-03-01T10:00:00+02:00')?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(csvDate('junk')).toBeNull();
    expect(csvDate(undefined)).toBeNull();
  });
});
