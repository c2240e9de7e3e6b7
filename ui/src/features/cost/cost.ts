import type { CostStats, Edit } from '../../lib/backend';
import { cents, parseAmount } from '../../lib/money';

// How the cost panel reads the api's figures: each team's run-rate against its budget, the
// whole org's for the run-rate tile, and the edits a typed band or budget becomes.

/** The key of the whole org's budget (`*` in a budgets file). */
export const WHOLE_ORG = '*';

export interface TeamLine {
  team: string;
  runRate: number;
  budget: number | null;
  /** Run-rate above budget (exactly: compared in cents). */
  over: boolean;
  /** Run-rate as a share of the budget, for its bar (capped at 1.5); null without a budget. */
  share: number | null;
  unknown: number;
}

/** Every team with a run-rate or a budget, those with a budget first, then by name. */
export function teamLines(stats: CostStats): TeamLine[] {
  const budgets = stats.budgets ?? {};
  const unknown = stats.unknown_by_team ?? {};
  const teams = new Set([...Object.keys(stats.by_team), ...Object.keys(budgets).filter((t) => t !== WHOLE_ORG)]);
  return [...teams]
    .map((team) => {
      const runRate = stats.by_team[team] ?? 0;
      const budget = budgets[team] ?? null;
      return {
        team,
        runRate,
        budget,
        over: budget !== null && cents(runRate) > cents(budget),
        share: budget === null ? null : budget === 0 ? 1.5 : Math.min(1.5, runRate / budget),
        unknown: unknown[team] ?? 0,
      };
    })
    .sort((a, b) => Number(b.budget !== null) - Number(a.budget !== null) || a.team.localeCompare(b.team));
}

export interface RunRate {
  annual: number;
  unknown: number;
  /** The whole org's budget, when it has one. */
  budget: number | null;
  over: boolean;
}

/** The run-rate tile: the annual run-rate, how many people's cost is unknown, against the whole org's budget. */
export function runRate(stats: CostStats): RunRate {
  const budget = stats.budgets?.[WHOLE_ORG] ?? null;
  return { annual: stats.annual, unknown: stats.unknown, budget, over: budget !== null && cents(stats.annual) > cents(budget) };
}

export type Checked<T> = { edit: T } | { error: string };

/** A band typed for `level`: an amount sets it, empty text removes an existing one. */
export function bandEdit(level: string, typed: string, exists: boolean): Checked<Edit | null> {
  const name = level.trim();
  if (name === '') return { error: 'a band needs a level' };
  if (typed.trim() === '') {
    return { edit: exists ? { op: 'set-cost', change: { field: 'band', value: { level: name, annual_cost: null } } } : null };
  }
  const parsed = parseAmount(typed);
  if ('error' in parsed) return parsed;
  return { edit: { op: 'set-cost', change: { field: 'band', value: { level: name, annual_cost: parsed.amount } } } };
}

/** A budget typed for `team` (`*`: the whole org): an amount sets it, empty text removes an existing one. */
export function budgetEdit(team: string, typed: string, exists: boolean): Checked<Edit | null> {
  if (typed.trim() === '') {
    return { edit: exists ? { op: 'set-cost', change: { field: 'budget', value: { team, annual_budget: null } } } : null };
  }
  const parsed = parseAmount(typed);
  if ('error' in parsed) return parsed;
  return { edit: { op: 'set-cost', change: { field: 'budget', value: { team, annual_budget: parsed.amount } } } };
}
