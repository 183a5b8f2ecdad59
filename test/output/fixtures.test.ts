import { describe, expect, it } from 'vitest';
import { fixtureResults } from './fixtures.js';

describe('fixtures', () => {
  it('count the astral character as two UTF-16 code units', () => {
    const [a] = fixtureResults();
    const quote = a?.messages[0];
    expect(quote).toMatchObject({ line: 3, column: 7, endLine: 3, endColumn: 13 });
    expect(a?.source?.slice(quote?.start, quote?.end)).toBe('"依法行政"');
    expect(a?.messages[3]).toMatchObject({ line: 4, column: 1, endLine: 5, endColumn: 12 });
  });
});
