import type {
  AllocationRow,
  HistoryReport,
  Layout,
  LayoutEdge,
  LayoutNode,
  Orientation,
  OrgView,
  PersonCard,
  Role,
  Stats,
  ViewRequest,
  WorkstreamRow,
} from '../../lib/backend/types';
import { RULE_DEFAULTS } from '../../lib/backend';
import type { FakeOrg, FakePerson } from './org';
import { costOf, costStats, hasCost, overBudget, projection, workstreamCost } from './pay';

// What the fake backend shows of an org: the Rust side's view, derived just well enough to
// exercise the UI (headcount under, depth, a simple tree layout, workload figures with every
// ramp factor 1); the real rules and the real layout live in Rust.

export const CARD_WIDTH = 240;
export const CARD_HEIGHT = 96;
const GAP_X = 24;
const GAP_Y = 56;

/**
 * The view the Rust side would send for `org`: cards, a layout that skips collapsed subtrees,
 * stats; with `showPay`, what people and workstreams cost, the run-rate, the pay settings, the
 * fiscal year and the over-budget flags (without it, none of them).
 */
export function viewOf(org: FakeOrg, request: ViewRequest = {}, showPay = false): OrgView {
  const settings = org.pay ?? {};
  const paid = showPay && hasCost(org.people, settings);
  const cost = costOf(settings);
  const n = org.people.length;
  const index = new Map<string, number>();
  org.people.forEach((p, i) => index.set(p.id, i));
  const parent = org.people.map((p) => {
    const m = p.manager_id ? index.get(p.manager_id) : undefined;
    return m === undefined ? -1 : m;
  });
  const children: number[][] = org.people.map(() => []);
  const roots: number[] = [];
  parent.forEach((m, i) => (m >= 0 ? children[m]?.push(i) : roots.push(i)));

  // Breadth-first order gives depths; its reverse gives subtree totals, without recursion.
  const order: number[] = [...roots];
  const depth = new Array<number>(n).fill(1);
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    for (const c of children[i] ?? []) {
      depth[c] = (depth[i] ?? 1) + 1;
      order.push(c);
    }
  }
  const total = new Array<number>(n).fill(0);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k] as number;
    const m = parent[i] ?? -1;
    if (m >= 0) total[m] = (total[m] ?? 0) + (total[i] ?? 0) + 1;
  }

  const people: PersonCard[] = org.people.map((p, i) => {
    const direct = children[i]?.length ?? 0;
    const role: Role = p.role ?? (direct === 0 ? 'ic' : (children[i] ?? []).some((c) => (children[c]?.length ?? 0) > 0) ? 'director' : 'manager');
    const card: PersonCard = {
      id: p.id,
      name: p.name,
      title: p.title ?? '',
      role,
      team: p.team ?? null,
      level: p.level ?? null,
      status: p.status ?? 'active',
      manager_id: p.manager_id ?? null,
      dotted_managers: [...(p.dotted_managers ?? [])],
      fte: p.fte ?? 1,
      location: null,
      email: null,
      start_date: null,
      end_date: null,
      role_since: null,
      role_on_file: p.role ?? null,
      assistant: false,
      ramp: 1,
      allocated_percent: 0,
      span: direct,
      direct,
      total: total[i] ?? 0,
      depth: depth[i] ?? 1,
    };
    if (showPay) {
      const c = cost(p);
      if (c !== null) card.cost = c / 100;
      if (p.cost != null) card.cost_on_file = p.cost;
    }
    return card;
  });

  const collapsed = new Set(request.collapsed ?? []);
  const asOf = request.as_of ?? org.as_of;
  const laidOut = layoutOf(order, roots, children, org.people.map((p) => p.id), collapsed, depth, request.left_right ? 'left-right' : 'top-down');
  const drawn = request.left_right ? laidOut : withPlaceholders(laidOut, org.people, index);
  const dotted = dottedOf(org.people, drawn.nodes);
  const stats = statsOf(people);
  const flags = [...(org.flags ?? [])];
  if (paid) {
    stats.cost = costStats(org.people, settings);
    flags.push(...overBudget(stats.cost));
  }
  const workload = workloadOf(org, people, asOf);
  if (showPay) {
    const active = (person: string, ws: string) => workload.allocations.filter((a) => a.active && a.person === person && a.workstream === ws).map((a) => a.percent);
    const of = workstreamCost(org.people, settings, active);
    for (const w of workload.workstreams) w.cost = of(w.id);
  }
  return {
    as_of: asOf,
    scenario: 'baseline',
    skipped: [],
    people,
    layout: {
      as_of: asOf,
      width: drawn.nodes.reduce((w, b) => Math.max(w, b.x + b.width), 0),
      height: drawn.nodes.reduce((h, b) => Math.max(h, b.y + b.height), 0),
      ...drawn,
      dotted,
    },
    flags,
    stats,
    rules: RULE_DEFAULTS,
    teams: teamsOf(order, people),
    ...workload,
    ...(showPay ? { cost: { settings, projection: projection(org.people, settings, asOf) } } : {}),
  };
}

/** Teams as the real view gives them: no leads on file here, so the highest member met breadth-first leads. */
function teamsOf(order: readonly number[], people: readonly PersonCard[]): OrgView['teams'] {
  const teams = new Map<string, { lead: string; people: number }>();
  for (const i of order) {
    const p = people[i];
    if (!p?.team) continue;
    const t = teams.get(p.team);
    if (t) t.people += 1;
    else teams.set(p.team, { lead: p.id, people: 1 });
  }
  return [...teams].map(([id, t]) => ({ id, lead: t.lead, kind: null, people: t.people }));
}

/** Workstream rows, allocation rows and the org's key dates, with every ramp factor 1. */
function workloadOf(org: FakeOrg, people: PersonCard[], asOf: string): Pick<OrgView, 'workstreams' | 'allocations' | 'key_dates'> {
  const streams = org.workstreams ?? [];
  const open = new Map(streams.map((w) => [w.id, within(w.start_date, w.end_date, asOf)]));
  const allocations: AllocationRow[] = [];
  const dates = new Set<string>();
  for (const w of streams) for (const d of [w.start_date, w.end_date]) if (d) dates.add(d);
  for (const p of org.people) {
    for (const a of p.allocations ?? []) {
      for (const d of [a.start_date, a.end_date]) if (d) dates.add(d);
      const active = (open.get(a.workstream) ?? false) && within(a.start_date, a.end_date, asOf);
      allocations.push({ person: p.id, workstream: a.workstream, percent: a.percent, start_date: a.start_date ?? null, end_date: a.end_date ?? null, active });
    }
  }
  const percent = new Map<string, number>();
  for (const a of allocations) if (a.active) percent.set(a.person, (percent.get(a.person) ?? 0) + a.percent);
  for (const p of people) p.allocated_percent = percent.get(p.id) ?? 0;
  // The rows carry their dates, which the api's rows do not yet: the workload screen reads them when present.
  const workstreams: (WorkstreamRow & { start_date: string | null; end_date: string | null })[] = streams.map((w) => {
    const mine = allocations.filter((a) => a.active && a.workstream === w.id);
    const fte = Math.round(mine.reduce((sum, a) => sum + a.percent / 100, 0) * 10000) / 10000;
    return {
      id: w.id,
      name: w.name,
      team: w.team ?? null,
      kind: w.kind ?? 'feature',
      priority: w.priority ?? null,
      active: open.get(w.id) ?? false,
      start_date: w.start_date ?? null,
      end_date: w.end_date ?? null,
      required_fte: w.required_fte,
      effective_fte: fte,
      allocated_fte: fte,
      load: fte > 0 ? Math.round((w.required_fte / fte) * 10000) / 10000 : null,
      people: new Set(mine.map((a) => a.person)).size,
    };
  });
  return { workstreams, allocations, key_dates: [...dates].sort() };
}

/**
 * Dotted lines between drawn people, in the order of the person's card, each from the bottom
 * of the manager's card down (or up) to the middle of the person's card and into its side;
 * the real routes come from Rust.
 */
function dottedOf(people: readonly FakePerson[], nodes: readonly LayoutNode[]): LayoutEdge[] {
  const box = new Map(nodes.map((n) => [n.id, n]));
  const dottedOfPerson = new Map(people.map((p) => [p.id, p.dotted_managers ?? []]));
  const lines: LayoutEdge[] = [];
  for (const n of nodes) {
    const listed = dottedOfPerson.get(n.id) ?? [];
    listed.forEach((d, i) => {
      const m = box.get(d);
      if (!m || d === n.id || listed.slice(0, i).includes(d)) return;
      const x = m.x + (m.x < n.x ? (m.width * 3) / 4 : m.width / 4);
      const side = m.x < n.x ? n.x : n.x + n.width;
      const y = n.y + n.height / 2;
      lines.push({ from: d, to: n.id, points: [[x, m.y + m.height], [x, y], [side, y]] });
    });
  }
  return lines;
}

/**
 * Hangs the people whose manager is not in the file under one placeholder per missing id, a
 * row above the trees, as the real layout does (top-down only: enough for the UI's tests).
 */
function withPlaceholders(drawn: Pick<Layout, 'nodes' | 'edges'>, people: readonly FakePerson[], index: ReadonlyMap<string, number>): Pick<Layout, 'nodes' | 'edges'> {
  const missing = new Map<string, string[]>();
  for (const p of people) {
    if (p.manager_id && !index.has(p.manager_id)) missing.set(p.manager_id, [...(missing.get(p.manager_id) ?? []), p.id]);
  }
  if (missing.size === 0) return drawn;
  const down = CARD_HEIGHT + GAP_Y;
  const nodes: LayoutNode[] = drawn.nodes.map((n) => ({ ...n, y: n.y + down }));
  const edges: LayoutEdge[] = drawn.edges.map((e) => ({ ...e, points: e.points.map(([x, y]): [number, number] => [x, y + down]) }));
  const at = new Map(nodes.map((n) => [n.id, n]));
  for (const [id, reports] of missing) {
    const under = reports.map((r) => at.get(r)).filter((n): n is LayoutNode => n !== undefined);
    if (under.length === 0) continue;
    const left = Math.min(...under.map((n) => n.x));
    const right = Math.max(...under.map((n) => n.x + n.width));
    const x = (left + right - CARD_WIDTH) / 2;
    nodes.push({ id, x, y: 0, width: CARD_WIDTH, height: CARD_HEIGHT, placeholder: true, reports: reports.length });
    for (const n of under) {
      const cx = n.x + n.width / 2;
      edges.push({ from: id, to: n.id, points: [[x + CARD_WIDTH / 2, CARD_HEIGHT], [x + CARD_WIDTH / 2, CARD_HEIGHT + GAP_Y / 2], [cx, CARD_HEIGHT + GAP_Y / 2], [cx, down]] });
    }
  }
  return { nodes, edges };
}

function layoutOf(
  order: number[],
  roots: number[],
  children: number[][],
  ids: string[],
  collapsed: Set<string>,
  depth: number[],
  orientation: Orientation = 'top-down',
): Pick<Layout, 'nodes' | 'edges'> {
  if (orientation === 'top-down') return treeLayout(order, roots, children, ids, collapsed, depth, CARD_WIDTH, CARD_HEIGHT);
  // Left to right: lay out top-down with the card's extents swapped, then transpose.
  const t = treeLayout(order, roots, children, ids, collapsed, depth, CARD_HEIGHT, CARD_WIDTH);
  return {
    nodes: t.nodes.map((n) => ({ id: n.id, x: n.y, y: n.x, width: CARD_WIDTH, height: CARD_HEIGHT })),
    edges: t.edges.map((e) => ({ ...e, points: e.points.map(([x, y]): [number, number] => [y, x]) })),
  };
}

function treeLayout(
  order: number[],
  roots: number[],
  children: number[][],
  ids: string[],
  collapsed: Set<string>,
  depth: number[],
  CARD_WIDTH: number,
  CARD_HEIGHT: number,
): Pick<Layout, 'nodes' | 'edges'> {
  const shown = (i: number) => (collapsed.has(ids[i] ?? '') ? [] : (children[i] ?? []));
  const width = new Array<number>(ids.length).fill(CARD_WIDTH);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k] as number;
    const kids = shown(i);
    if (kids.length === 0) continue;
    const sum = kids.reduce((s, c) => s + (width[c] ?? CARD_WIDTH), 0) + GAP_X * (kids.length - 1);
    width[i] = Math.max(CARD_WIDTH, sum);
  }
  const left = new Array<number>(ids.length).fill(0);
  let x = 0;
  for (const r of roots) {
    left[r] = x;
    x += (width[r] ?? CARD_WIDTH) + GAP_X * 2;
  }
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const nx = (left[i] ?? 0) + ((width[i] ?? CARD_WIDTH) - CARD_WIDTH) / 2;
    const ny = ((depth[i] ?? 1) - 1) * (CARD_HEIGHT + GAP_Y);
    nodes.push({ id: ids[i] ?? '', x: nx, y: ny, width: CARD_WIDTH, height: CARD_HEIGHT });
    const kids = shown(i);
    let cx = (left[i] ?? 0) + ((width[i] ?? CARD_WIDTH) - (kids.reduce((s, c) => s + (width[c] ?? 0), 0) + GAP_X * (kids.length - 1))) / 2;
    const midY = ny + CARD_HEIGHT + GAP_Y / 2;
    for (const c of kids) {
      left[c] = cx;
      const childX = cx + ((width[c] ?? CARD_WIDTH) - CARD_WIDTH) / 2 + CARD_WIDTH / 2;
      edges.push({
        from: ids[i] ?? '',
        to: ids[c] ?? '',
        points: [
          [nx + CARD_WIDTH / 2, ny + CARD_HEIGHT],
          [nx + CARD_WIDTH / 2, midY],
          [childX, midY],
          [childX, ny + CARD_HEIGHT + GAP_Y],
        ],
      });
      cx += (width[c] ?? CARD_WIDTH) + GAP_X;
    }
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as number);
  }
  return { nodes, edges };
}

function statsOf(people: PersonCard[]): Stats {
  const histogram: Record<string, number> = {};
  let headcount = 0;
  let managers = 0;
  let open = 0;
  let spanSum = 0;
  let maxSpan = 0;
  let layers = 0;
  for (const p of people) {
    layers = Math.max(layers, p.depth);
    if (p.status === 'open') {
      open++;
      continue;
    }
    headcount++;
    if (p.role !== 'ic') {
      managers++;
      spanSum += p.span;
      maxSpan = Math.max(maxSpan, p.span);
      histogram[String(p.span)] = (histogram[String(p.span)] ?? 0) + 1;
    }
  }
  return {
    headcount,
    managers,
    ics: headcount - managers,
    open_roles: open,
    ic_capacity: headcount - managers,
    mean_span: managers === 0 ? 0 : Math.round((spanSum / managers) * 10000) / 10000,
    max_span: maxSpan,
    layers,
    span_histogram: histogram,
  };
}

/** The fake's role history: the role shown, since records began. */
export function historyOf(p: PersonCard, asOf: string): HistoryReport {
  return {
    person: p.id,
    name: p.name,
    as_of: asOf,
    role: p.role,
    since: null,
    days_in_role: null,
    years_in_role: null,
    spells: [{ role: p.role, since: null, until: null, source: 'import' }],
  };
}

/** Whether a day falls in [start, end): the Rust side's `within`. */
function within(start: string | null | undefined, end: string | null | undefined, day: string): boolean {
  return (!start || start <= day) && (!end || day < end);
}
