import type { ManagerLoad } from './backend';

/** Two decimals at most, as the flag's message words a load. */
const num = (x: number) => String(Math.round(x * 100) / 100);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What a manager's load is made of, in the words of the `manager-overloaded` flag: reports
 * (and the ramping ones' extra), open roles, dotted lines, and the hands-on work that takes
 * from their capacity.
 */
export function loadParts(load: ManagerLoad, hiringWeight: number, dottedWeight: number): string[] {
  const parts = [plural(load.reports, 'report')];
  if (load.ramping > 0) parts.push(`${load.ramping} of them ramping (+${num(load.ramping_extra)})`);
  if (load.open_roles > 0) parts.push(`${plural(load.open_roles, 'open role')} (+${num(load.open_roles * hiringWeight)})`);
  if (load.dotted > 0) parts.push(`${plural(load.dotted, 'dotted-line report')} (+${num(load.dotted * dottedWeight)})`);
  for (const a of load.allocations) parts.push(`${num(a.percent)}% on ${a.name}`);
  return parts;
}

/** "9.1 of 3.6" and whether it is over (as core's manager-overloaded decides, to 1e-9): the headline of the inspector's load. */
export function loadHeadline(load: ManagerLoad): { text: string; over: boolean } {
  return { text: `${num(load.load)} of ${num(load.capacity)}`, over: load.load > load.capacity + 1e-9 };
}
