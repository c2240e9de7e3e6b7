import type { Flag, Severity } from '../../lib/backend/types';

// The flags panel groups by severity, then by rule; chart cards show one marker per
// person with the worst severity among that person's flags.

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

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

export interface PersonMarker {
  worst: Severity;
  count: number;
  messages: string[];
}

/** Per person id: the worst severity and every message about them. */
export function markersByPerson(flags: readonly Flag[]): Map<string, PersonMarker> {
  const out = new Map<string, PersonMarker>();
  for (const f of flags) {
    if (f.subject.kind !== 'person') continue;
    const m = out.get(f.subject.id);
    if (!m) {
      out.set(f.subject.id, { worst: f.severity, count: 1, messages: [f.message] });
      continue;
    }
    m.count++;
    m.messages.push(f.message);
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[m.worst]) m.worst = f.severity;
  }
  return out;
}

/** "span-too-wide" → "Span too wide". */
export function ruleLabel(rule: string): string {
  const words = rule.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
