import type { CostSettings, Flag, Role, Status, WorkstreamRow } from '../../lib/backend/types';

// The orgs the fake backend holds: people with their allocations, workstreams, and a
// deterministic synthetic org of any size.

export interface FakePerson {
  id: string;
  name: string;
  title?: string;
  manager_id?: string | null;
  role?: Role;
  team?: string | null;
  status?: Status;
  /** Secondary managers (dotted lines), by id. */
  dotted_managers?: string[];
  level?: string | null;
  /** Share of a full-time week; 1 when absent. */
  fte?: number;
  /** Their own annual cost in whole units (the api's `Money`); without it, their level's band × fte. */
  cost?: number | null;
  /** Their allocations (kept on the person so undo and scenarios carry them along). */
  allocations?: FakeAllocation[];
}

export interface FakeAllocation {
  workstream: string;
  percent: number;
  start_date?: string | null;
  end_date?: string | null;
}

export interface FakeWorkstream {
  id: string;
  name: string;
  team?: string | null;
  kind?: WorkstreamRow['kind'];
  required_fte: number;
  start_date?: string | null;
  end_date?: string | null;
  priority?: string | null;
}

export interface FakeOrg {
  name: string;
  as_of: string;
  people: FakePerson[];
  flags?: Flag[];
  workstreams?: FakeWorkstream[];
  /** Where the file lives, as the recent list shows it. */
  location?: string;
  /** Pay settings: currency, bands, budgets, fiscal year (changed by `set-cost` edits). */
  pay?: CostSettings;
  /** "Show compensation" as saved in the file. */
  show_compensation?: boolean;
  /** Opened read-only (the file cannot be written): edits are refused, as the real session does. */
  read_only?: boolean;
}

const FIRST = ['Ada', 'Bela', 'Chen', 'Dana', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas', 'Kiri', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tomás'];
const LAST = ['Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Haddad', 'Novak', 'Silva', 'Kowalski', 'Mensah', 'Rossi', 'Ibarra', 'Fischer', 'Nguyen', 'Costa'];
const TEAMS = ['Platform', 'Payments', 'Search', 'Mobile', 'Data', 'Growth', 'Security', 'Infra'];

/**
 * A deterministic org of `n` people: one root, managers of up to `span` reports, names
 * from fixed lists. Used by tests and by the UI when it runs outside Tauri.
 */
export function syntheticOrg(n: number, span = 6): FakeOrg {
  const people: FakePerson[] = [];
  for (let i = 0; i < n; i++) {
    const manager = i === 0 ? null : `p${Math.floor((i - 1) / span)}`;
    people.push({
      id: `p${i}`,
      name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`,
      title: i === 0 ? 'Chief Technology Officer' : i <= span ? 'Director of Engineering' : 'Software Engineer',
      manager_id: manager,
      team: i === 0 ? null : (TEAMS[i % TEAMS.length] ?? null),
    });
  }
  return { name: `Synthetic org (${n})`, as_of: '2026-11-24', people };
}
