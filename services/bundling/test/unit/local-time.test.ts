import { describe, expect, it } from 'vitest';
import { addDays, weekday, zonedDate, zonedInstant } from '../../src/domain/local-time.ts';

describe('local time in the item zone', () => {
  it('turns a Rome wall-clock time into the instant, in winter and in summer', () => {
    expect(zonedInstant('2027-01-15', '09:00', 'Europe/Rome').toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(zonedInstant('2027-07-15', '09:00', 'Europe/Rome').toISOString()).toBe('2027-07-15T07:00:00.000Z');
    expect(zonedInstant('2027-07-15', '', 'Europe/Rome').toISOString()).toBe('2027-07-14T22:00:00.000Z');
  });

  it('handles the day the clocks go forward', () => {
    // 28 March 2027: 02:00 → 03:00 in Rome; 04:00 local is 02:00Z.
    expect(zonedInstant('2027-03-28', '04:00', 'Europe/Rome').toISOString()).toBe('2027-03-28T02:00:00.000Z');
  });

  it('reads the local calendar date and does date arithmetic across months and leap days', () => {
    expect(zonedDate(new Date('2027-07-14T22:30:00Z'), 'Europe/Rome')).toBe('2027-07-15');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(weekday('2027-01-03')).toBe(0);
  });
});
