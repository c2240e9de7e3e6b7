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
  /** The role on file; null when inferred. */
  role_on_file?: Role | null;
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
  assistant?: boolean;
  span: number;
  /** Direct reports (present). */
  direct: number;
  /** Everyone under this person. */
  total: number;
  depth: number;
  /** Ramp factor on the view's day, 0..1. */
  ramp?: number;
  allocated_percent?: number;
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
  width?: number;
  height?: number;
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

export interface ScenarioInfo {
  id: number;
  name: string;
  parent: string | null;
}

/** What is open: shown in the title bar. Never a raw path (the UI does not handle paths). */
export interface DocumentInfo {
  name: string;
  /** The current scenario ("baseline" for the imported org with its own edits). */
  scenario: string;
  scenarios: ScenarioInfo[];
  as_of: string;
  can_undo: boolean;
  can_redo: boolean;
  read_only: boolean;
}

export type Orientation = 'top-down' | 'left-right';

export interface ViewRequest {
  /** ISO date; absent = the session's as-of date. */
  as_of?: string;
  /** People whose subtrees are folded away: the layout re-flows without their reports. */
  collapsed?: string[];
  /** Managers to the left of their reports instead of above them. */
  left_right?: boolean;
}

export interface WorkstreamRow {
  id: string;
  name: string;
  team: string | null;
  kind: 'feature' | 'migration' | 'operations' | 'other';
  priority: string | null;
  active: boolean;
  required_fte: number;
  effective_fte: number;
  allocated_fte: number;
  /** required / effective; null when nothing effective is allocated. */
  load: number | null;
  people: number;
}

export interface AllocationRow {
  person: string;
  workstream: string;
  percent: number;
  start_date: string | null;
  end_date: string | null;
  active: boolean;
}

/** The org as of a day, ready to draw. */
export interface OrgView {
  as_of: string;
  scenario: string;
  people: PersonCard[];
  layout: Layout;
  flags: Flag[];
  stats: Stats;
  rules?: Record<string, number>;
  workstreams?: WorkstreamRow[];
  allocations?: AllocationRow[];
  /** Sorted days on which the org changes, for the as-of slider's ticks (absent from older backends). */
  key_dates?: string[];
}

/** A new value for one field of a person (core's `PersonChange`). */
export type PersonChange =
  | { field: 'name' | 'title'; value: string }
  | { field: 'team' | 'level' | 'location' | 'email'; value: string | null }
  | { field: 'role'; value: Role | null }
  | { field: 'status'; value: Status }
  | { field: 'start_date' | 'end_date' | 'role_since'; value: string | null }
  | { field: 'fte'; value: number }
  | { field: 'assistant'; value: boolean };

/** A rule threshold (core's `RuleConfig` field names). */
export type RuleField =
  | 'manager_max_span'
  | 'director_max_span'
  | 'min_span'
  | 'max_layers'
  | 'overload_ratio'
  | 'max_migrations'
  | 'pendulum_years'
  | 'ramp_days'
  | 'manager_ic_fraction'
  | 'ic_reramp_days'
  | 'horizon_months';

/** The edits the UI sends (core's `Edit`, tagged by `op`). */
export type Edit =
  | { op: 'move-person'; id: string; manager: string | null }
  | { op: 'update-person'; id: string; change: PersonChange }
  | { op: 'set-rule'; change: { field: RuleField; value: number } }
  | { op: 'add-person'; person: Person }
  | { op: 'remove-person'; id: string }
  | { op: 'allocate'; allocation: Allocation }
  | { op: 'deallocate'; person: string; workstream: string }
  | { op: 'batch'; label: string; edits: Edit[] };

/** A person as an edit adds them (core's `Person`; absent fields take serde's defaults). */
export interface Person {
  id: string;
  name: string;
  title?: string;
  manager_id?: string | null;
  role?: Role | null;
  team?: string | null;
  level?: string | null;
  status?: Status;
  start_date?: string | null;
  end_date?: string | null;
  fte?: number;
  location?: string | null;
  email?: string | null;
  role_since?: string | null;
  assistant?: boolean;
}

/** One allocation as an edit sets it (core's `Allocation`): percent in (0, 100]. */
export interface Allocation {
  person: string;
  workstream: string;
  percent: number;
  start_date: string | null;
  end_date: string | null;
}

/** An edit and the day it takes effect (absent: every view). */
export interface DatedEdit {
  edit: Edit;
  effective?: string;
}

/** One scenario compared with another (core's `Diff`). */
export interface Diff {
  added: string[];
  removed: string[];
  moved: { person: string; from: string | null; to: string | null }[];
  changed: { person: string; field: string; old: unknown; new: unknown }[];
  /** Every figure as [before, after]. */
  metrics: Record<string, [number, number]>;
  flags_added: Flag[];
  flags_resolved: Flag[];
}

/** A swing to simulate (core's `Swing`). */
export interface Swing {
  person: string;
  to: 'manager' | 'ic';
  /** ISO date the swing takes effect. */
  date: string;
  /** To manager: who will report to them. */
  reports?: string[];
  /** To IC: who takes their reports (otherwise spread over peer managers). */
  successor?: string | null;
  /** To IC: workstreams joined, as [id, percent]. */
  join?: [string, number][];
}

export interface TimelinePoint {
  month: string;
  date: string;
  ic_capacity: number;
  ic_capacity_before: number;
  workstreams: Record<string, number>;
  workstreams_before: Record<string, number>;
}

export interface SwingReport {
  swing: Swing;
  as_of: string;
  before: Stats;
  after: Stats;
  flags_added: Flag[];
  flags_resolved: Flag[];
  moves: { person: string; from: string | null; to: string | null }[];
  timeline: TimelinePoint[];
}

export interface RoleSpell {
  role: Role;
  since: string | null;
  until: string | null;
  source: string;
}

/** A person's pendulum: their role history, oldest first. */
export interface HistoryReport {
  person: string;
  name: string;
  as_of: string;
  role: Role;
  since: string | null;
  days_in_role: number | null;
  years_in_role: number | null;
  spells: RoleSpell[];
}

export interface ColumnMapping {
  column: number;
  header: string;
  /** The field it fills, or null when the column is ignored. */
  field: string | null;
  note: string | null;
}

export interface FileMapping {
  file: string;
  kind: 'people' | 'teams' | 'workstreams' | 'allocations';
  header_row: number | null;
  records: number;
  columns: ColumnMapping[];
}

export interface ImportProblem {
  file: string;
  row: number | null;
  column: number | null;
  header: string | null;
  message: string;
}

/** What an import would do: never an error for bad content, which is listed here instead. */
export interface ImportPreview {
  mappings: FileMapping[];
  errors: ImportProblem[];
  more_errors: number;
  warnings: ImportProblem[];
  more_warnings: number;
  people: number;
  teams: number;
  workstreams: number;
  allocations: number;
}

export type ExportFormat = 'pdf' | 'svg' | 'png' | 'csv' | 'json';

/** The PDF report's options (the api's `PdfRequest`). */
export interface PdfOptions {
  page?: 'a4' | 'letter' | 'a3';
  landscape?: boolean;
  root?: string;
  /** Start a new page every N levels of the chart (N ≥ 1). */
  break_every_levels?: number;
  /** Give each subtree of at least M people its own page (M ≥ 1). */
  break_min_people?: number;
  one_page?: boolean;
  title?: string;
}

/** A recently opened document: display text only; it is opened by its index in the list. */
export interface RecentDocument {
  name: string;
  location: string;
}

/** What a PDF export would print, for the export dialog's preview. */
export interface PdfPreview {
  /** Pages the PDF will have. */
  pages: number;
  /** Page size in points (landscape already applied). */
  width: number;
  height: number;
  /** The first pages (at most 12), each a standalone SVG document of the page. */
  svgs: string[];
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
