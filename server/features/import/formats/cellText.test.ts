import { describe, expect, it } from 'vitest';
import { cellText, dateText, isDateFormat, numberText } from './cellText.js';

describe('cellText', () => {
  it('writes numbers as Excel shows them: integers without .0, at most 15 significant digits', () => {
    expect(numberText(14)).toBe('14');
    expect(numberText(2.5)).toBe('2.5');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(573001234567)).toBe('573001234567');
    expect(numberText(-0)).toBe('0');
  });

  it('writes dates as ISO 8601: a day, a day and time, or a time alone', () => {
    expect(dateText(new Date(Date.UTC(2019, 0, 4)))).toBe('2019-01-04');
    expect(dateText(new Date(Date.UTC(2019, 0, 4, 10, 30)))).toBe('2019-01-04T10:30:00');
    expect(dateText(new Date(Date.UTC(2019, 0, 4, 10, 30, 5, 250)))).toBe('2019-01-04T10:30:05.250');
    expect(dateText(new Date(Date.UTC(1899, 11, 30, 8, 5)))).toBe('08:05:00');
  });

  it('tells date formats from number formats', () => {
    for (const format of ['yyyy-mm-dd', 'd/m/yy h:mm', '[h]:mm:ss', '[$-409]mmmm d, yyyy', 'mm-dd-yy']) expect(isDateFormat(format), format).toBe(true);
    for (const format of [undefined, 'General', '0.00', '#,##0 "days"', '[Red]0.0', '0.00E+00', '@']) expect(isDateFormat(format), format).toBe(false);
  });

  it('reads a formula by its saved result, a date format making a number a date', () => {
    expect(cellText({ formula: 'A1+1', result: 43469.4375 }, 'yyyy-mm-dd hh:mm')).toEqual({ text: '2019-01-04T10:30:00' });
    expect(cellText({ formula: 'A1&B1', result: 'ab' })).toEqual({ text: 'ab' });
    expect(cellText({ formula: 'A1/0', result: Number.NaN })).toEqual({ text: '', unread: true });
    expect(cellText({ formula: 'VLOOKUP(A1,B:C,2)', result: { error: '#N/A' } })).toEqual({ text: '', unread: true });
    expect(cellText({ formula: 'A1' })).toEqual({ text: '', unread: true });
  });
});
