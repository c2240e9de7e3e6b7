// The shapes that cross the IPC boundary. They mirror pendulum-api's serde output
// (snake_case fields, kebab-case codes), so a change there shows up here as a type error.

export type Role = 'ic' | 'manager' | 'director' | 'executive';
export type Status = 'active' | 'open' | 'leaving';
export type Severity = 'error' | 'warning' | 'info';
export type SubjectKind = 'person' | 'team' | 'workstream';

export interface Subject {
  kind: SubjectKind;
  id: string;
}

export interface Flag {
  rule: string;
  severity: Severity;
  subject: Subject;
  message: string;
}

/** One present person as the chart, search and inspector need them. */
export interface PersonCard {
  id: string;
  name: string;
  title: string;
  /** The effective role: on file, or inferred from the reporting lines. */
  role: Role;
  team: string | null;
  level: string | null;
  status: Status;
  manager_id: string | null;
  fte: number;
  location: string | null;
  email: string | null;
  start_date: string | null;
  end_date: string | null;
  role_since: string | null;
  span: number;
  /** Direct reports (present). */
  direct: number;
  /** Everyone under this person. */
  total: number;
  depth: number;
}

export interface LayoutNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
  points: [number, number][];
}

export interface Layout {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface Stats {
  headcount: number;
  managers: number;
  ics: number;
  open_roles: number;
  ic_capacity: number;
  mean_span: number;
  max_span: number;
  layers: number;
  span_histogram: Record<string, number>;
}

/** What is open: shown in the title bar. Never a raw path (the UI does not handle paths). */
export interface DocumentInfo {
  name: string;
  scenario: string | null;
  as_of: string;
  can_undo: boolean;
  can_redo: boolean;
}

export interface ViewRequest {
  /** ISO date; absent = the session's as-of date. */
  as_of?: string;
  /** People whose subtrees are folded away: the layout re-flows without their reports. */
  collapsed?: string[];
  /** Managers above their reports (default) or to their left. */
  orientation?: Orientation;
}

export type Orientation = 'top-down' | 'left-right';

/** The org as of a day, ready to draw. */
export interface OrgView {
  as_of: string;
  scenario: string | null;
  people: PersonCard[];
  layout: Layout;
  flags: Flag[];
  stats: Stats;
}

export type ErrorCode =
  | 'usage'
  | 'bad-input'
  | 'not-found'
  | 'not-pendulum'
  | 'newer-schema'
  | 'in-use'
  | 'io'
  | 'refused'
  | 'unknown'
  | 'internal';

/** `{code, message}` as it crosses IPC; the UI branches on `code`, never on `message`. */
export interface ApiError {
  code: ErrorCode;
  message: string;
}
