import { describe, expect, it } from 'vitest';
import { cents, money, moneyDelta, moneyShort, parseAmount, units } from './money';

describe('money', () => {
  it('reads as people write amounts, with the currency symbol, in whole units', () => {
    expect(money(1234567.89, 'EUR')).toBe('€1,234,568');
    expect(money(84000, 'USD')).toBe('$84,000');
    expect(money(95000, 'GBP')).toBe('£95,000');
    expect(money(95000, 'JPY')).toBe('¥95,000');
    expect(money(95000, null)).toBe('95,000');
    expect(money(0, 'EUR')).toBe('€0');
  });

  it('says a change with its sign, and shortens amounts for chart labels', () => {
    expect(moneyDelta(12000, 'EUR')).toBe('+€12,000');
    expect(moneyDelta(-3500.4, 'EUR')).toBe('−€3,500');
    expect(moneyDelta(0.2, 'EUR')).toBe('€0');
    expect(moneyShort(7412345, 'EUR')).toBe('€7.4M');
    expect(moneyShort(820000, 'EUR')).toBe('€820K');
  });

  it('keeps sums exact in cents', () => {
    expect(cents(95000.5)).toBe(9500050);
    expect(units(cents(0.1) + cents(0.2))).toBe(0.3);
  });

  it('parses typed amounts and says why one is refused', () => {
    expect(parseAmount('95000')).toEqual({ amount: 95000 });
    expect(parseAmount(' €95,000.50 ')).toEqual({ amount: 95000.5 });
    expect(parseAmount('95 000')).toEqual({ amount: 95000 });
    expect(parseAmount('')).toEqual({ error: 'type an amount, like 95,000' });
    expect(parseAmount('-5')).toEqual({ error: 'an amount is 0 or more' });
    expect(parseAmount('9,50')).toEqual({ error: '"9,50" is not an amount' });
    expect(parseAmount('twelve')).toEqual({ error: 'type an amount, like 95,000' });
    expect('error' in parseAmount('20000000000')).toBe(true);
  });
});
