import type { Flag, Rule, Severity } from './backend/types';

// How flags read wherever they show: a rule's label, and one marker per person on the chart
// with the worst severity among that person's flags.

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

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

/** The flags a suggested swing can answer (core's `SUGGESTED_RULES`, docs/swings.md). */
export const SUGGESTED_RULES: readonly Rule[] = ['pendulum-due', 'span-too-wide', 'span-too-narrow', 'manager-overloaded'];

/** Whether suggested swings can answer this flag (it names a person and a swing answers its rule). */
export function suggestable(flag: Flag): boolean {
  return flag.subject.kind === 'person' && SUGGESTED_RULES.includes(flag.rule);
}
