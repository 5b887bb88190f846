/** How numbers read: a level keeps the server's two decimals, so it never contradicts a threshold. */
import { describe, expect, test } from 'vitest';
import { formatClock, levelText } from '../../web/src/lib/format.ts';

describe('format', () => {
  test('levels keep up to two decimals and say when there is none', () => {
    expect(levelText(1.96)).toBe('1.96 of 4');
    expect(levelText(1.0909)).toBe('1.09 of 4');
    expect(levelText(4)).toBe('4 of 4');
    expect(levelText(null)).toBe('not graded yet');
  });

  test('timers read as minutes and seconds, then hours', () => {
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClock(3_900_000)).toBe('1 h 05 min');
  });
});
