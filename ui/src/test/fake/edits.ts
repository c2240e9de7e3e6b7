import type { ApiError, Edit, PersonChange, Swing } from '../../lib/backend/types';
import type { FakeAllocation, FakePerson, FakeWorkstream } from './org';

// Edits on the fake's people and workstreams, checked as core checks them: a refused edit
// throws `{code: 'refused'}` and changes nothing.

/** The fake's swing: reports move under the new manager, or to the successor (else the manager's manager). */
export function swung(people: FakePerson[], swing: Swing): FakePerson[] {
  const me = people.find((p) => p.id === swing.person);
  if (!me) throw refused(`no person has id "${swing.person}"`);
  if (swing.to === 'manager') {
    const reports = new Set(swing.reports ?? []);
    return people.map((p) =>
      p.id === me.id ? { ...p, role: 'manager' } : reports.has(p.id) ? { ...p, manager_id: me.id } : p,
    );
  }
  const heir = swing.successor ?? me.manager_id ?? null;
  return people.map((p) =>
    p.id === me.id ? { ...p, role: 'ic' } : p.manager_id === me.id && p.id !== heir ? { ...p, manager_id: heir } : p,
  );
}

/** One edit on the fake's people and workstreams: workstream edits here, the rest by `applied`. */
export function appliedWithWorkstreams(
  state: { people: FakePerson[]; workstreams: FakeWorkstream[] },
  edit: Edit,
): { people: FakePerson[]; workstreams: FakeWorkstream[] } {
  const { people, workstreams } = state;
  const index = (id: string) => {
    const i = workstreams.findIndex((w) => w.id === id);
    if (i < 0) throw refused(`no workstream has id "${id}"`);
    return i;
  };
  const checkFte = (v: number) => {
    if (!(v >= 0 && Number.isFinite(v))) throw refused(`required_fte: must be a number ≥ 0, found ${v}`);
  };
  const checkDates = (field: string, start: string | null | undefined, end: string | null | undefined) => {
    if (start && end && end < start) throw refused(`${field}: end date ${end} is before start date ${start}`);
  };
  switch (edit.op) {
    case 'batch': {
      let next = state;
      for (const e of edit.edits) next = appliedWithWorkstreams(next, e);
      return next;
    }
    case 'add-workstream': {
      const w = edit.workstream;
      if (w.id.trim() === '') throw refused('workstream.id: a workstream needs a non-empty id');
      if (workstreams.some((x) => x.id === w.id)) throw refused(`a workstream with id "${w.id}" already exists`);
      if (w.name.trim() === '') throw refused('workstream.name: must not be empty');
      checkFte(w.required_fte ?? 0);
      checkDates('workstream.end_date', w.start_date, w.end_date);
      const added: FakeWorkstream = {
        id: w.id,
        name: w.name,
        team: w.team ?? null,
        kind: w.kind ?? 'feature',
        required_fte: w.required_fte ?? 0,
        start_date: w.start_date ?? null,
        end_date: w.end_date ?? null,
        priority: w.priority ?? null,
      };
      return { people, workstreams: [...workstreams, added] };
    }
    case 'update-workstream': {
      const i = index(edit.id);
      const w = workstreams[i] as FakeWorkstream;
      const c = edit.change;
      if (c.field === 'name' && c.value.trim() === '') throw refused('workstream.name: must not be empty');
      if (c.field === 'required_fte') checkFte(c.value);
      if (c.field === 'start_date') checkDates('workstream.start_date', c.value, w.end_date);
      if (c.field === 'end_date') checkDates('workstream.end_date', w.start_date, c.value);
      return { people, workstreams: workstreams.map((x, k) => (k === i ? { ...x, [c.field]: c.value } : x)) };
    }
    case 'remove-workstream': {
      index(edit.id);
      return {
        people: people.map((p) =>
          (p.allocations ?? []).some((a) => a.workstream === edit.id)
            ? { ...p, allocations: (p.allocations ?? []).filter((a) => a.workstream !== edit.id) }
            : p,
        ),
        workstreams: workstreams.filter((w) => w.id !== edit.id),
      };
    }
    default:
      return { people: applied(people, edit, workstreams), workstreams };
  }
}

/** One edit on the fake's people: the new state, or a thrown `refused` as the Rust side would. */
function applied(people: FakePerson[], edit: Edit, workstreams: readonly FakeWorkstream[]): FakePerson[] {
  const known = (id: string) => {
    if (!people.some((p) => p.id === id)) throw refused(`no person has id "${id}"`);
  };
  switch (edit.op) {
    case 'set-rule':
      throw { code: 'usage', message: 'the fake backend has no rules' } satisfies ApiError;
    case 'batch': {
      let next = people;
      for (const e of edit.edits) next = applied(next, e, workstreams);
      return next;
    }
    case 'add-person': {
      const p = edit.person;
      if (p.id.trim() === '') throw refused('id: a person needs a non-empty id');
      if (people.some((q) => q.id === p.id)) throw refused(`a person with id "${p.id}" already exists`);
      if (p.name.trim() === '') throw refused('name: must not be empty');
      if (p.manager_id) known(p.manager_id);
      const added: FakePerson = { id: p.id, name: p.name, title: p.title ?? '', manager_id: p.manager_id ?? null, team: p.team ?? null };
      if (p.role) added.role = p.role;
      if (p.status) added.status = p.status;
      if (p.level) added.level = p.level;
      if (p.fte !== undefined) added.fte = p.fte;
      if (p.cost != null) added.cost = p.cost;
      return [...people, added];
    }
    case 'remove-person': {
      const gone = people.find((p) => p.id === edit.id);
      if (!gone) throw refused(`no person has id "${edit.id}"`);
      const up = gone.manager_id ?? null;
      // As in core: the removed person's reports go up a level, and dotted lines to them go.
      return people
        .filter((p) => p.id !== edit.id)
        .map((p) => (p.manager_id === edit.id ? { ...p, manager_id: up } : p))
        .map((p) => (p.dotted_managers?.includes(edit.id) ? { ...p, dotted_managers: p.dotted_managers.filter((d) => d !== edit.id) } : p));
    }
    case 'allocate': {
      const a = edit.allocation;
      known(a.person);
      if (!workstreams.some((w) => w.id === a.workstream)) throw refused(`no workstream has id "${a.workstream}"`);
      if (!(a.percent > 0 && a.percent <= 100)) throw refused(`allocation.percent: must be in (0, 100], found ${a.percent}`);
      if (a.start_date && a.end_date && a.end_date < a.start_date)
        throw refused(`allocation.end_date: end date ${a.end_date} is before start date ${a.start_date}`);
      const next: FakeAllocation = { workstream: a.workstream, percent: a.percent, start_date: a.start_date, end_date: a.end_date };
      const same = (x: FakeAllocation) =>
        x.workstream === a.workstream && (x.start_date ?? null) === a.start_date && (x.end_date ?? null) === a.end_date;
      return people.map((p) => {
        if (p.id !== a.person) return p;
        const list = p.allocations ?? [];
        return { ...p, allocations: list.some(same) ? list.map((x) => (same(x) ? next : x)) : [...list, next] };
      });
    }
    case 'deallocate': {
      known(edit.person);
      const holder = people.find((p) => p.id === edit.person);
      if (!(holder?.allocations ?? []).some((x) => x.workstream === edit.workstream))
        throw refused(`"${edit.person}" has no allocation to workstream "${edit.workstream}"`);
      return people.map((p) =>
        p.id === edit.person ? { ...p, allocations: (p.allocations ?? []).filter((x) => x.workstream !== edit.workstream) } : p,
      );
    }
    case 'update-person':
      known(edit.id);
      if (edit.change.field === 'dotted_managers') checkDotted(people, edit.id, edit.change.value);
      return people.map((p) => (p.id === edit.id ? updated(p, edit.change) : p));
    case 'move-person': {
      const { id, manager } = edit;
      known(id);
      if (manager !== null) {
        known(manager);
        // Walk up from the new manager: meeting the moved person means a cycle.
        const managerOf = new Map(people.map((p) => [p.id, p.manager_id ?? null]));
        const seen = new Set<string>();
        for (let at: string | null = manager; at !== null && !seen.has(at); at = managerOf.get(at) ?? null) {
          if (at === id) throw refused(`moving "${id}" under "${manager}" would create a reporting cycle`);
          seen.add(at);
        }
      }
      return people.map((p) => (p.id === id ? { ...p, manager_id: manager } : p));
    }
    default:
      throw { code: 'usage', message: `the fake backend does not model ${edit.op} edits` } satisfies ApiError;
  }
}

/** Core's `check_dotted`: no dotted line to oneself, none listed twice, every one a known person. */
function checkDotted(people: readonly FakePerson[], id: string, dotted: readonly string[]) {
  dotted.forEach((d, i) => {
    if (d === id) throw refused(`dotted_managers: "${id}" cannot have a dotted line to themselves`);
    if (dotted.slice(0, i).includes(d)) throw refused(`dotted_managers: "${d}" is listed twice`);
    if (!people.some((p) => p.id === d)) throw refused(`no person has id "${d}"`);
  });
}

/** The fake models the fields the chart shows; others are refused rather than dropped. */
function updated(p: FakePerson, change: PersonChange): FakePerson {
  switch (change.field) {
    case 'name':
    case 'title':
      return { ...p, [change.field]: change.value };
    case 'team':
      return { ...p, team: change.value };
    case 'role':
      return change.value === null ? { ...p, role: undefined } : { ...p, role: change.value };
    case 'status':
      return { ...p, status: change.value };
    case 'dotted_managers':
      return { ...p, dotted_managers: [...change.value] };
    case 'level':
      return { ...p, level: change.value };
    case 'fte':
      if (!(change.value > 0 && change.value <= 1)) throw refused(`fte: must be in (0, 1], found ${change.value}`);
      return { ...p, fte: change.value };
    case 'cost':
      if (change.value !== null && !(change.value >= 0)) throw refused(`cost: must be 0 or more, found ${change.value}`);
      return { ...p, cost: change.value };
    default:
      throw { code: 'usage', message: `the fake backend does not model ${change.field}` } satisfies ApiError;
  }
}

export function refused(message: string): ApiError {
  return { code: 'refused', message };
}
