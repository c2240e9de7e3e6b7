import type { Flag, PersonCard, Severity, Subject } from '../../lib/backend/types';

// The flags panel groups by severity, then by rule; a team flag points at the team's members.

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface RuleGroup {
  rule: string;
  flags: Flag[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  rules: RuleGroup[];
}

/** Severity groups in error → warning → info order, empty ones left out; rules in first-seen order. */
export function groupFlags(flags: readonly Flag[]): SeverityGroup[] {
  const out: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const rules = new Map<string, Flag[]>();
    let count = 0;
    for (const f of flags) {
      if (f.severity !== severity) continue;
      count++;
      const list = rules.get(f.rule);
      if (list) list.push(f);
      else rules.set(f.rule, [f]);
    }
    if (count > 0) {
      out.push({ severity, count, rules: [...rules].map(([rule, list]) => ({ rule, flags: list })) });
    }
  }
  return out;
}

/** The people who report to one manager not in the file: their `unknown-manager` flags. */
export interface MissingManagerGroup {
  /** The manager id (or e-mail) as written on the people's rows. */
  manager: string;
  flags: Flag[];
}

/**
 * `unknown-manager` flags grouped by the missing manager they name, the largest group first
 * (then by id, so the order is stable); a flag whose person's manager is unknown to the view
 * forms a group of its own under "?".
 */
export function groupByMissingManager(flags: readonly Flag[], managerOf: (id: string) => string | null | undefined): MissingManagerGroup[] {
  const groups = new Map<string, Flag[]>();
  for (const f of flags) {
    const manager = (f.subject.kind === 'person' ? managerOf(f.subject.id) : undefined) ?? '?';
    const list = groups.get(manager);
    if (list) list.push(f);
    else groups.set(manager, [f]);
  }
  return [...groups]
    .map(([manager, list]) => ({ manager, flags: list }))
    .sort((a, b) => b.flags.length - a.flags.length || (a.manager < b.manager ? -1 : a.manager > b.manager ? 1 : 0));
}

/** The present members of a team, in the order given (the view's: top of the org first). */
export function teamMembers(people: readonly PersonCard[], team: string): PersonCard[] {
  return people.filter((p) => p.team === team);
}

/**
 * The card a team flag points at: the given lead when they are in the view, else the member
 * highest in the org (fewest layers above them; the first in the view's order on a tie).
 */
export function teamAnchor(people: readonly PersonCard[], team: string, lead?: string | null): string | undefined {
  if (lead && people.some((p) => p.id === lead)) return lead;
  let best: PersonCard | undefined;
  for (const p of people) if (p.team === team && (best === undefined || p.depth < best.depth)) best = p;
  return best?.id;
}

/** How a flag names its subject: a person or a workstream by name, a team by its id (its name). */
export function subjectLabel(
  subject: Subject,
  personName: (id: string) => string | undefined,
  workstreamName: (id: string) => string | undefined,
): string {
  if (subject.kind === 'person') return personName(subject.id) ?? subject.id;
  if (subject.kind === 'workstream') return workstreamName(subject.id) ?? subject.id;
  return subject.id;
}
