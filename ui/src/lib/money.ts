// How amounts of money read in the UI: whole units with the document's currency symbol, in
// fixed English (`€1,234,567`), and the exact figure the api sent kept beside it for anyone
// who needs it (a title, a data attribute). Amounts cross IPC as whole units with at most two
// decimals (Rust's `Money`); sums here are done in cents so they stay exact.

/** An amount in cents, from the units the api sends (`95000.5` → 9500050). */
export function cents(units: number): number {
  return Math.round(units * 100);
}

/** Cents back to the api's units (9500050 → 95000.5). */
export function units(cents: number): number {
  return cents / 100;
}

function formatter(currency: string | null | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  if (currency) {
    try {
      return new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', ...options });
    } catch {
      // An unknown code (the api only sends ISO 4217 ones): the figure alone, code after it.
    }
  }
  return new Intl.NumberFormat('en', options);
}

/** "€84,000", "-$1,200", "CHF 95,000"; rounded to whole units. Without a currency, the figure alone. */
export function money(amount: number, currency?: string | null): string {
  return formatter(currency, { maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(amount);
}

/** "€7.4M", "€820K": for chart labels where a full amount does not fit. */
export function moneyShort(amount: number, currency?: string | null): string {
  return formatter(currency, { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(amount);
}

/** "+€12,000", "−€3,500", "€0": a change in cost. */
export function moneyDelta(amount: number, currency?: string | null): string {
  const whole = Math.round(amount);
  if (whole === 0) return money(0, currency);
  return `${whole > 0 ? '+' : '−'}${money(Math.abs(whole), currency)}`;
}

/** Text typed into an amount field → units, or an error saying why not (`95,000`, `95000.50`, `€95 000`). */
export function parseAmount(text: string): { amount: number } | { error: string } {
  const t = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  const bare = t.replace(/^[^\d.,-]+|[^\d]+$/g, '');
  if (bare === '') return { error: 'type an amount, like 95,000' };
  if (bare.startsWith('-')) return { error: 'an amount is 0 or more' };
  // Commas group thousands here; a decimal comma is written as a point.
  if (!/^\d{1,3}(,\d{3})*(\.\d{1,2})?$|^\d+(\.\d{1,2})?$/.test(bare)) return { error: `"${text.trim()}" is not an amount` };
  const amount = Number(bare.replace(/,/g, ''));
  if (!Number.isFinite(amount) || amount > 10_000_000_000) return { error: 'an amount is at most 10,000,000,000' };
  return { amount };
}
