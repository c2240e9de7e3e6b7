// generated from the Rust types by crates/api/tests/typescript.rs; do not edit — run `PENDULUM_BLESS=1 cargo test -p pendulum-api --test typescript`

/**
 * A calendar day, `YYYY-MM-DD` (core's `Date`).
 */
export type IsoDate = string;

/**
 * A person's stable key from the HR system.
 */
export type PersonId = string;

/**
 * A team's id is its name as written in the people and workstreams files.
 */
export type TeamId = string;

/**
 * A workstream's key.
 */
export type WorkstreamId = string;

/**
 * The role a person holds. When a person has none on file it is inferred (see
 * [`crate::Snapshot::role`]).
 */
export type Role = "ic" | "manager" | "director" | "executive";

/**
 * Whether a seat is filled.
 */
export type Status = "active" | "open" | "leaving";

/**
 * Team Topologies' four team types.
 */
export type TeamKind = "stream-aligned" | "platform" | "enabling" | "complicated-subsystem";

export type WorkstreamKind = "feature" | "migration" | "operations" | "other";

/**
 * One person, or one open seat (`docs/model.md`).
 */
export type Person = {
  id: PersonId;
  name: string;
  title?: string;
  manager_id?: PersonId | null;
  /**
   * The role on file; `None` means "infer it from the reporting lines".
   */
  role?: Role | null;
  team?: TeamId | null;
  level?: string | null;
  status?: Status;
  start_date?: IsoDate | null;
  end_date?: IsoDate | null;
  fte?: number;
  location?: string | null;
  email?: string | null;
  role_since?: IsoDate | null;
  assistant?: boolean;
  /**
   * Secondary managers: drawn as dotted lines, no effect on spans.
   */
  dotted_managers?: Array<PersonId>;
  /**
   * The day this person last swung back to IC work (`docs/swings.md`): from it their ramp factor
   * restarts over `ic_reramp_days`. Set by an applied swing; empty in HR exports.
   */
  reramp_from?: IsoDate | null;
  /**
   * Annual, fully loaded cost as paid (already reflecting part-time). Without it, the
   * person costs their level's band × fte (see [`crate::cost`]).
   */
  cost?: Money | null;
};

export type Team = {
  id: TeamId;
  lead?: PersonId | null;
  kind?: TeamKind | null;
};

export type Workstream = {
  id: WorkstreamId;
  name: string;
  team?: TeamId | null;
  required_fte?: number;
  kind?: WorkstreamKind;
  start_date?: IsoDate | null;
  end_date?: IsoDate | null;
  priority?: string | null;
};

export type Allocation = {
  person: PersonId;
  workstream: WorkstreamId;
  /**
   * Percent of a full-time week, in (0, 100].
   */
  percent: number;
  start_date?: IsoDate | null;
  end_date?: IsoDate | null;
};

/**
 * An exact amount, kept in hundredths of the currency's unit; JSON and IPC carry it as a
 * number of whole units with at most two decimals (`95000.5`).
 */
export type Money = number;

/**
 * An ISO 4217 currency code (`EUR`, `USD`, `JPY`), one per document.
 */
export type Currency = string;

/**
 * The annual cost of a full-time role at a level.
 */
export type Band = {
  level: string;
  annual_cost: Money;
};

/**
 * The annual budget of a team, or of the whole org when `team` is [`WHOLE_ORG`].
 */
export type Budget = {
  team: TeamId;
  annual_budget: Money;
};

/**
 * A document's pay settings: its currency, bands, budgets and fiscal year.
 */
export type CostSettings = {
  /**
   * One ISO 4217 currency for every amount of the document.
   */
  currency?: Currency | null;
  /**
   * Level → annual cost of a full-time role, in the order given.
   */
  bands?: Array<Band>;
  /**
   * Annual budgets of teams, and of the whole org under [`WHOLE_ORG`].
   */
  budgets?: Array<Budget>;
  /**
   * The month (1–12) the fiscal year starts in; January when absent.
   */
  fiscal_year_start?: number | null;
};

/**
 * The cost figures of a view on its day, in `stats`.
 */
export type CostStats = {
  currency?: Currency | null;
  /**
   * The run-rate: Σ annual cost of the people present (open roles from their start).
   */
  annual: Money;
  /**
   * Present people and open roles whose cost is unknown (0 in every sum).
   */
  unknown: number;
  /**
   * Run-rate by team, for every team with someone present or a budget.
   */
  by_team: { [key in string]: Money };
  /**
   * Present people of unknown cost, by team (teams with none are left out).
   */
  unknown_by_team?: { [key in string]: number };
  /**
   * Annual budgets by team, `*` for the whole org.
   */
  budgets?: { [key in string]: Money };
};

/**
 * How the run-rate moves from one view to another.
 *
 * `joined` is the cost of the people present in the second view and not in the first,
 * `left` the reverse, `changed` the sum of after − before over everyone present in both
 * (a new level, fte, cost or band). Unknown costs are 0, so the identity
 * `before + joined − left + changed = after` always holds, in exact cents.
 */
export type CostDiff = {
  /**
   * The second view's currency (the first's when the second has none).
   */
  currency?: Currency | null;
  before: Money;
  after: Money;
  joined: Money;
  left: Money;
  changed: Money;
  /**
   * Present people of unknown cost in each view.
   */
  unknown_before: number;
  unknown_after: number;
  /**
   * People present in both views whose cost differs, by id.
   */
  people: Array<PersonCostChange>;
};

/**
 * One person's annual cost before and after (`None`: unknown).
 */
export type PersonCostChange = {
  person: PersonId;
  before?: Money | null;
  after?: Money | null;
};

/**
 * One month of a [`Projection`].
 */
export type MonthCost = {
  /**
   * `YYYY-MM`.
   */
  month: string;
  cost: Money;
  /**
   * People present some day of the month whose cost is unknown.
   */
  unknown: number;
};

/**
 * A fiscal year's cost, month by month.
 */
export type Projection = {
  currency?: Currency | null;
  /**
   * The fiscal year's first day (the first of its start month).
   */
  start: IsoDate;
  /**
   * The first day after it.
   */
  end: IsoDate;
  months: Array<MonthCost>;
  /**
   * Σ of the months.
   */
  total: Money;
};

/**
 * What a workstream costs on the view's day.
 */
export type WorkstreamCost = {
  /**
   * Σ over its active allocations of percent / 100 × the person's annual cost.
   */
  annual: Money;
  /**
   * Active allocations whose person's cost is unknown.
   */
  unknown: number;
};

/**
 * One change to an org or its rule configuration. One edit is one transaction in the
 * document and one step of undo.
 */
export type Edit =
  | { "op": "add-person", person: Person, }
  | { "op": "remove-person", id: PersonId, }
  | { "op": "move-person", id: PersonId, manager: PersonId | null, }
  | { "op": "update-person", id: PersonId, change: PersonChange, }
  | { "op": "add-team", team: Team, }
  | { "op": "update-team", id: TeamId, change: TeamChange, }
  | { "op": "remove-team", id: TeamId, }
  | { "op": "add-workstream", workstream: Workstream, }
  | { "op": "update-workstream", id: WorkstreamId, change: WorkstreamChange, }
  | { "op": "remove-workstream", id: WorkstreamId, }
  | { "op": "allocate", allocation: Allocation, }
  | { "op": "deallocate", person: PersonId, workstream: WorkstreamId, }
  | { "op": "set-rule", change: RuleChange, }
  | { "op": "set-cost", change: CostChange, }
  | { "op": "batch", label: string, edits: Array<Edit>, }
  | { "op": "swing", swing: Swing, };

/**
 * A new value for one field of a person. The manager changes through
 * [`Edit::MovePerson`], the id never.
 */
export type PersonChange =
  | { "field": "name", "value": string }
  | { "field": "title", "value": string }
  | { "field": "role", "value": Role | null }
  | { "field": "team", "value": TeamId | null }
  | { "field": "level", "value": string | null }
  | { "field": "status", "value": Status }
  | { "field": "start_date", "value": IsoDate | null }
  | { "field": "end_date", "value": IsoDate | null }
  | { "field": "fte", "value": number }
  | { "field": "location", "value": string | null }
  | { "field": "email", "value": string | null }
  | { "field": "role_since", "value": IsoDate | null }
  | { "field": "assistant", "value": boolean }
  | { "field": "dotted_managers", "value": Array<PersonId> }
  | { "field": "reramp_from", "value": IsoDate | null }
  | { "field": "cost", "value": Money | null };

/**
 * A new value for one field of a team. `Name` renames the team everywhere it is named.
 */
export type TeamChange =
  | { "field": "name", "value": TeamId }
  | { "field": "lead", "value": PersonId | null }
  | { "field": "kind", "value": TeamKind | null };

/**
 * A new value for one field of a workstream (its id never changes).
 */
export type WorkstreamChange =
  | { "field": "name", "value": string }
  | { "field": "team", "value": TeamId | null }
  | { "field": "required_fte", "value": number }
  | { "field": "kind", "value": WorkstreamKind }
  | { "field": "start_date", "value": IsoDate | null }
  | { "field": "end_date", "value": IsoDate | null }
  | { "field": "priority", "value": string | null };

/**
 * A new value for one threshold of [`RuleConfig`], as an edit carries it:
 * `{"field": "manager_max_span", "value": 7}`. Deserialising checks the range.
 */
export type RuleChange =
  | { "field": "manager_max_span", "value": number }
  | { "field": "director_max_span", "value": number }
  | { "field": "min_span", "value": number }
  | { "field": "max_layers", "value": number }
  | { "field": "overload_ratio", "value": number }
  | { "field": "max_migrations", "value": number }
  | { "field": "pendulum_years", "value": number }
  | { "field": "ramp_days", "value": number }
  | { "field": "manager_ic_fraction", "value": number }
  | { "field": "ic_reramp_days", "value": number }
  | { "field": "horizon_months", "value": number }
  | { "field": "manager_capacity", "value": number }
  | { "field": "hiring_weight", "value": number }
  | { "field": "dotted_weight", "value": number }
  | { "field": "budget_tolerance", "value": number };

/**
 * A change to a document's pay settings ([`crate::CostSettings`]).
 */
export type CostChange =
  | { "field": "currency", "value": Currency | null }
  | { "field": "band", "value": { level: string, annual_cost: Money | null, } }
  | { "field": "budget", "value": { team: TeamId, annual_budget: Money | null, } }
  | { "field": "fiscal_year_start", "value": number };

/**
 * An edit and the day it takes effect: views as of a day D apply it when D ≥ `effective`;
 * an undated edit applies to every view.
 */
export type DatedEdit = {
  edit: Edit;
  effective?: IsoDate | null;
};

/**
 * Every threshold of the rules and of the pendulum simulation, with SPEC's defaults.
 * Deserialising checks each value against its range; missing fields take their
 * default and unknown ones are refused.
 */
export type RuleConfig = {
  /**
   * `span-too-wide` for role manager: a span above this.
   */
  manager_max_span: number;
  /**
   * `span-too-wide` for role director or executive: a span above this.
   */
  director_max_span: number;
  /**
   * `span-too-narrow`: a manager or director with 1 ≤ span below this.
   */
  min_span: number;
  /**
   * `too-many-layers`: a tree deeper than this.
   */
  max_layers: number;
  /**
   * `workstream-overloaded`: required / effective FTE above this.
   */
  overload_ratio: number;
  /**
   * `migrations-in-flight`: a team owning more active migrations than this.
   */
  max_migrations: number;
  /**
   * `pendulum-due`: a manager or director in the role for more than this many years.
   */
  pendulum_years: number;
  /**
   * Days for a new person to reach full productivity.
   */
  ramp_days: number;
  /**
   * A swing to manager keeps this fraction of the person's allocations.
   */
  manager_ic_fraction: number;
  /**
   * A swing back to IC re-ramps over this many days.
   */
  ic_reramp_days: number;
  /**
   * Months in a swing report's timeline, and the months pendulum timeline covers unless told.
   */
  horizon_months: number;
  /**
   * `manager-overloaded`: the load, in report-equivalents, a manager with no hands-on work can carry.
   */
  manager_capacity: number;
  /**
   * Manager load: report-equivalents per open role a manager hires for.
   */
  hiring_weight: number;
  /**
   * Manager load: report-equivalents per dotted-line report.
   */
  dotted_weight: number;
  /**
   * `over-budget`: the percent a team's run-rate may exceed its budget by.
   */
  budget_tolerance: number;
};

export type Severity = "error" | "warning" | "info";

/**
 * The rules, in the order `docs/rules.md` lists them (which is also the order flags are reported in
 * within a severity).
 */
export type Rule =
  | "cycle"
  | "unknown-manager"
  | "span-too-wide"
  | "span-too-narrow"
  | "manager-without-reports"
  | "director-over-ics"
  | "too-many-layers"
  | "person-overallocated"
  | "workstream-unstaffed"
  | "workstream-overloaded"
  | "single-point-of-failure"
  | "migrations-in-flight"
  | "pendulum-due"
  | "manager-overloaded"
  | "over-budget";

export type SubjectKind = "person" | "team" | "workstream";

export type Subject = {
  kind: SubjectKind;
  id: string;
};

/**
 * One finding: `{rule, severity, subject {kind, id}, message}`.
 */
export type Flag = {
  rule: Rule;
  severity: Severity;
  subject: Subject;
  message: string;
};

/**
 * Counts of flags by severity and by rule.
 */
export type FlagSummary = {
  errors: number;
  warnings: number;
  info: number;
  by_rule: { [key in string]: number };
};

/**
 * Org-wide figures as of the snapshot's day.
 *
 * `headcount` counts present people who are not open roles; `managers` are those of them
 * with role manager, director or executive, `ics` the rest; spans, their mean, max and
 * histogram are over managers; `layers` is the greatest depth. Fractional figures are
 * rounded to 4 decimals so equal orgs print equal numbers. `cost` is kept out of
 * [`Stats::metrics`]: pay is shown only where asked for.
 */
export type Stats = {
  headcount: number;
  managers: number;
  ics: number;
  open_roles: number;
  ic_capacity: number;
  mean_span: number;
  max_span: number;
  layers: number;
  span_histogram: { [key in number]: number };
  /**
   * Pay figures, when the org carries any cost, band or budget.
   */
  cost?: CostStats;
};

/**
 * A reporting line that changed: `person` reported to `from` and now reports to `to`
 * (`None`: a root).
 */
export type Move = {
  person: PersonId;
  from: PersonId | null;
  to: PersonId | null;
};

/**
 * A field's value in a [`FieldChange`]: JSON null, a boolean, a number, a string or a list
 * of ids.
 */
export type FieldValue = null | boolean | number | string | Array<string>;

/**
 * A field of a person that has a new value.
 */
export type FieldChange = {
  person: PersonId;
  /**
   * The field's name as in [`Person`] (`title`, `role`, `fte`…).
   */
  field: string;
  old: FieldValue;
  new: FieldValue;
};

/**
 * The difference between two views of an org. JSON: the `diff` shape of `docs/cli.md` plus
 * `flags_added` and `flags_resolved`.
 */
export type Diff = {
  added: Array<PersonId>;
  removed: Array<PersonId>;
  moved: Array<Move>;
  changed: Array<FieldChange>;
  /**
   * Every figure of [`Stats::metrics`], plus `errors`, `warnings` and `info` (flag counts),
   * as `[before, after]`.
   */
  metrics: { [key in string]: [number, number] };
  flags_added: Array<Flag>;
  flags_resolved: Array<Flag>;
  /**
   * The cost waterfall, when either view carries pay data. A person's `cost` is
   * compared here, never in `changed`, so pay stays out of views that leave it out.
   */
  cost?: CostDiff;
};

/**
 * Which way the person swings.
 */
export type SwingTo = "manager" | "ic";

/**
 * A swing to simulate: who, which way, from which day, and its options.
 */
export type Swing = {
  person: PersonId;
  to: SwingTo;
  /**
   * The day the swing takes effect.
   */
  date: IsoDate;
  /**
   * To manager: the people who will report to them.
   */
  reports?: Array<PersonId>;
  /**
   * To IC: who takes the reports (becoming a manager if an IC).
   */
  successor?: PersonId | null;
  /**
   * To IC: workstreams the new IC joins, with the percent of a week on each.
   */
  join?: Array<[WorkstreamId, number]>;
};

/**
 * One month of the timeline: IC capacity and each affected workstream's effective FTE,
 * after the swing and (for comparison) without it.
 */
export type TimelinePoint = {
  /**
   * `YYYY-MM`.
   */
  month: string;
  /**
   * The day the figures are computed for (the swing's day of the month, clamped).
   */
  date: IsoDate;
  ic_capacity: number;
  workstreams: { [key in string]: number };
  ic_capacity_before: number;
  workstreams_before: { [key in string]: number };
};

/**
 * A swing's cost effect. A swing keeps everyone's level, so the run-rate does not move
 * (management is not a promotion); the swinging people's cost moves between workstreams
 * with their allocations.
 */
export type SwingCost = {
  run_rate: CostDiff;
  /**
   * Each affected workstream's annual cost `[before, after]`, by id.
   */
  workstreams: { [key in string]: [Money, Money] };
};

/**
 * One allocation that takes from a manager's capacity.
 */
export type LoadAllocation = {
  workstream: WorkstreamId;
  name: string;
  percent: number;
};

/**
 * One person's manager load on a day, with its parts.
 */
export type ManagerLoad = {
  person: PersonId;
  /**
   * Present direct reports counted: not assistants, not open roles.
   */
  reports: number;
  /**
   * Of them, those still ramping (ramp factor below 1).
   */
  ramping: number;
  /**
   * Σ (1 − ramp) over the reports: what ramping adds above one per report.
   */
  ramping_extra: number;
  /**
   * Open roles whose manager they are, started or not, not ended.
   */
  open_roles: number;
  /**
   * Present dotted-line reports.
   */
  dotted: number;
  /**
   * The person's allocated percent on the day (hands-on work).
   */
  allocated_percent: number;
  /**
   * Their active allocations, largest first: (workstream, its name, percent).
   */
  allocations: Array<LoadAllocation>;
  load: number;
  capacity: number;
};

/**
 * One person's manager load before and after a swing (`None`: they carry none).
 */
export type SwingLoad = {
  person: PersonId;
  before?: ManagerLoad | null;
  after?: ManagerLoad | null;
};

/**
 * Everything a swing does (the `simulate` JSON of `docs/cli.md`).
 */
export type SwingReport = {
  swing: Swing;
  as_of: IsoDate;
  before: Stats;
  after: Stats;
  flags_added: Array<Flag>;
  flags_resolved: Array<Flag>;
  moves: Array<Move>;
  timeline: Array<TimelinePoint>;
  /**
   * The manager load of whoever the swing gives reports to (the person, on a swing to
   * manager; the successor, or each peer or manager who takes reports, on a swing to IC),
   * before and after, as of `as_of`.
   */
  loads: Array<SwingLoad>;
  /**
   * The edit that applies the swing to a scenario ([`Edit::Swing`]).
   */
  edit: Edit;
  /**
   * What the swing does to cost, when the org carries pay data.
   */
  cost?: SwingCost;
};

/**
 * A swing as a suggestion names it: `join` as workstream → percent.
 */
export type SuggestedSwing = {
  person: PersonId;
  to: SwingTo;
  /**
   * The day it takes effect: the day suggestions were asked for.
   */
  date: IsoDate;
  reports: Array<PersonId>;
  successor?: PersonId | null;
  join: { [key in string]: number };
};

/**
 * One suggested swing for one flag, with what simulating it reports.
 */
export type Suggestion = {
  /**
   * The flag it answers.
   */
  for: Flag;
  swing: SuggestedSwing;
  resolves: Array<Flag>;
  adds: Array<Flag>;
  /**
   * Reporting lines it moves.
   */
  moves: number;
  ic_capacity_delta: number;
};

/**
 * How a month's effective FTE meets what the workstream requires.
 */
export type Staffing = "none" | "gap" | "tight" | "fine" | "over";

/**
 * One workstream, month by month.
 */
export type WorkstreamSeries = {
  id: WorkstreamId;
  name: string;
  team: TeamId | null;
  /**
   * Required FTE while the workstream is active that day, else 0.
   */
  required: Array<number>;
  /**
   * Σ percent / 100 × ramp factor over its active allocations.
   */
  effective: Array<number>;
  staffing: Array<Staffing>;
};

/**
 * One team, month by month.
 */
export type TeamSeries = {
  id: TeamId;
  /**
   * Present people in the team who are not open roles.
   */
  headcount: Array<number>;
  /**
   * Σ fte × ramp factor over the team's present people with role `ic`.
   */
  ic_capacity: Array<number>;
  /**
   * Σ required FTE of the team's active workstreams.
   */
  required: Array<number>;
};

/**
 * A flag that starts or ends within the horizon.
 */
export type Ahead = {
  rule: Rule;
  severity: Severity;
  subject: Subject;
  /**
   * The first day the flag shows.
   */
  starts?: IsoDate | null;
  /**
   * The first day the flag no longer shows.
   */
  ends?: IsoDate | null;
  /**
   * What happens and why: "Postgres 16 upgrade becomes unstaffed on 2027-05-01: Deepa
   * Krishnan's allocation ends."
   */
  message: string;
  /**
   * The flag's own message (on the day it starts, or the last day it shows).
   */
  detail: string;
};

/**
 * Everything the timeline shows (`pendulum timeline --format json`).
 */
export type Timeline = {
  /**
   * The viewed day the horizon starts from.
   */
  from: IsoDate;
  /**
   * The first day of each month shown.
   */
  months: Array<IsoDate>;
  /**
   * Every workstream of the org at any point of the horizon, by id.
   */
  workstreams: Array<WorkstreamSeries>;
  /**
   * Every team of the org at any point of the horizon, by id.
   */
  teams: Array<TeamSeries>;
  /**
   * Each flag that starts or ends after `from` and before the horizon's end, by day,
   * then as `check` orders flags.
   */
  ahead: Array<Ahead>;
};

/**
 * The files an import reads.
 */
export type FileKind = "people" | "teams" | "workstreams" | "allocations" | "bands" | "budgets";

/**
 * How one column of a file was read.
 */
export type ColumnMapping = {
  /**
   * 1-based column number.
   */
  column: number;
  /**
   * The header as written in the file.
   */
  header: string;
  /**
   * The field it fills (the canonical header, e.g. `manager_id`), or `None` when ignored.
   */
  field: string | null;
  /**
   * Why a column is ignored or read in a special way, when that is not obvious.
   */
  note: string | null;
};

/**
 * How one file's columns were read: what the import preview shows.
 */
export type FileMapping = {
  /**
   * The file name as the caller gave it.
   */
  file: string;
  kind: FileKind;
  /**
   * How the file was read: "CSV, comma-separated", "Excel workbook (.xlsx)", …
   */
  format: string;
  /**
   * The sheet read, for a workbook.
   */
  sheet: string | null;
  /**
   * Every sheet of the workbook, in order (empty for CSV), to pick another one.
   */
  sheets: Array<string>;
  /**
   * The row holding the header (below any title rows and blank lines); `None` for an
   * empty file.
   */
  header_row: number | null;
  /**
   * Data rows read (blank rows not counted).
   */
  records: number;
  columns: Array<ColumnMapping>;
};

/**
 * One error or warning. Either `row` and `column` are both set (a cell) or both `None`
 * (a problem of the whole file or sheet: its encoding, an empty file, a missing column).
 */
export type ImportProblem = {
  /**
   * The file name as the caller gave it.
   */
  file: string;
  /**
   * The sheet, for a spreadsheet.
   */
  sheet: string | null;
  /**
   * 1-based row; the header is row 1 and blank rows count, as in a spreadsheet.
   */
  row: number | null;
  /**
   * 1-based column.
   */
  column: number | null;
  /**
   * The header of that column as written in the file, when it has one.
   */
  header: string | null;
  message: string;
};

/**
 * What an import would do, for the app's preview: never fails.
 */
export type ImportPreview = {
  mappings: Array<FileMapping>;
  errors: Array<ImportProblem>;
  more_errors: number;
  warnings: Array<ImportProblem>;
  more_warnings: number;
  /**
   * What the org would hold: rows read, less those too broken to keep (no id or name, a
   * repeated id; for allocations a missing or unknown person, workstream or percent).
   */
  people: number;
  teams: number;
  workstreams: number;
  allocations: number;
  bands: number;
  budgets: number;
};

/**
 * What went wrong, as a stable machine-readable code. Front ends branch on this, never on
 * message text.
 */
export type ErrorCode =
  | "usage"
  | "bad-input"
  | "not-found"
  | "exists"
  | "not-pendulum"
  | "newer-schema"
  | "in-use"
  | "io"
  | "refused"
  | "unknown"
  | "internal";

/**
 * `{code, message}`, as it crosses IPC and as the CLI prints it.
 */
export type ApiError = {
  code: ErrorCode;
  message: string;
};

export type ScenarioInfo = {
  id: number;
  name: string;
  parent: string | null;
};

/**
 * How another program changed the open document's file.
 */
export type FileChange = "modified" | "replaced" | "removed";

/**
 * One baseline update in the document's dated history.
 */
export type UpdateInfo = {
  id: number;
  /**
   * The day it was applied.
   */
  day: IsoDate;
  /**
   * The export's file name.
   */
  source: string;
  /**
   * "12 joined, 3 left, 5 moved, 4 fields changed".
   */
  summary: string;
  /**
   * Undone since.
   */
  undone: boolean;
};

/**
 * What is open.
 */
export type DocumentInfo = {
  /**
   * The file's name without its folder or extension.
   */
  name: string;
  /**
   * The current scenario; "baseline" for the imported org with its own edits.
   */
  scenario: string;
  scenarios: Array<ScenarioInfo>;
  /**
   * The day compare, simulate and export work on: the last day viewed (the demo opens
   * on its own day, other documents on today).
   */
  as_of: IsoDate;
  /**
   * The calendar day, for "back to today" and the as-of slider's range.
   */
  today: IsoDate;
  can_undo: boolean;
  can_redo: boolean;
  read_only: boolean;
  /**
   * "Show compensation" is on for this document: views carry pay.
   */
  show_compensation: boolean;
  /**
   * Why it is read-only ("its folder is read-only"…), for the notice.
   */
  read_only_reason: string | null;
  /**
   * Someone else changed the file since it was opened: offer to reload ([`Session::reload`]).
   */
  changed_elsewhere: FileChange | null;
  /**
   * The baseline updates from newer HR exports, oldest first (the newest not undone can
   * be undone).
   */
  updates: Array<UpdateInfo>;
};

/**
 * What a reload did.
 */
export type Reloaded = {
  info: DocumentInfo;
  /**
   * The file name this window's own version was saved under, when another file had
   * replaced the one it was editing.
   */
  kept_copy: string | null;
};

/**
 * One scenario edit that would no longer apply.
 */
export type Conflict = {
  scenario: string;
  /**
   * The edit's number in the document's log.
   */
  edit: number;
  /**
   * The kind of edit (`move-person`, `swing`…).
   */
  op: string;
  reason: string;
};

/**
 * What updating a document from a newer export would change.
 */
export type UpdatePreview = {
  /**
   * In the new export only, in id order.
   */
  joined: Array<PersonId>;
  /**
   * In the document's imported org only, in id order.
   */
  left: Array<PersonId>;
  /**
   * In both, with another manager.
   */
  moved: Array<Move>;
  /**
   * In both, with fields of new value (the manager is in `moved`).
   */
  changed: Array<FieldChange>;
  /**
   * Edits that apply to the current import but not to the new one.
   */
  conflicts: Array<Conflict>;
};

/**
 * One recent document as a front end shows it.
 */
export type RecentDocument = {
  /**
   * The file's name without its extension.
   */
  name: string;
  /**
   * The folder it is in, with the home folder written `~`.
   */
  location: string;
};

/**
 * What the chart should show.
 */
export type ViewRequest = {
  /**
   * `None`: the session's as-of date.
   */
  as_of?: IsoDate | null;
  /**
   * People whose reports are hidden (the layout re-flows without them).
   */
  collapsed?: Array<PersonId>;
  left_right?: boolean;
  /**
   * The scenario the current one is compared with: its comparison comes with the view.
   */
  against?: string | null;
  /**
   * A person whose role history comes with the view (the one the inspector shows).
   */
  history_of?: PersonId | null;
};

/**
 * A person as a card and in the inspector: fields on file plus figures as of the view's day.
 */
export type PersonCard = {
  id: PersonId;
  name: string;
  title: string;
  /**
   * The effective role (on file, or inferred).
   */
  role: Role;
  /**
   * The role on file, `None` when inferred.
   */
  role_on_file: Role | null;
  team: TeamId | null;
  level: string | null;
  status: Status;
  manager_id: PersonId | null;
  /**
   * Secondary managers as on file (drawn as dotted lines; no effect on spans), present or
   * not on the view's day.
   */
  dotted_managers: Array<PersonId>;
  fte: number;
  location: string | null;
  email: string | null;
  start_date: IsoDate | null;
  end_date: IsoDate | null;
  role_since: IsoDate | null;
  assistant: boolean;
  span: number;
  direct: number;
  total: number;
  depth: number;
  ramp: number;
  allocated_percent: number;
  /**
   * Their annual cost (own, else band × fte); `None` when unknown or pay is hidden.
   */
  cost?: Money;
  /**
   * Their own cost on file; `None` when they have none or pay is hidden.
   */
  cost_on_file?: Money;
};

export type LayoutNode = {
  /**
   * A person's id; for a placeholder, the absent manager's id (or e-mail) as written.
   */
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * A placeholder: the card of a manager who is named but not drawn (not in the file, or
   * not here that day), standing over the people who report to them. Not a person: no
   * figure counts it.
   */
  placeholder?: boolean;
  /**
   * A placeholder of a manager who is in the file but not here that day: their name.
   */
  name?: string;
  /**
   * A placeholder: how many present people report to the absent manager.
   */
  reports?: number;
};

export type LayoutEdge = {
  from: string;
  to: string;
  points: Array<[number, number]>;
};

/**
 * The `layout` JSON (`docs/cli.md`): one node per present person (top-left corner, y
 * downwards), one edge per reporting line from manager to report, and one dotted route per
 * dotted line whose two people are drawn, from the secondary manager to the person. People
 * whose manager is named but absent hang under a placeholder: an extra node, after the
 * people's, with `"placeholder": true` and the absent manager's id, and an edge from it to
 * each of them.
 */
export type LayoutReport = {
  as_of: IsoDate;
  width: number;
  height: number;
  nodes: Array<LayoutNode>;
  edges: Array<LayoutEdge>;
  /**
   * Dotted lines, in the order of the person's card; `from` is the secondary manager.
   */
  dotted: Array<LayoutEdge>;
};

export type WorkstreamRow = {
  id: string;
  name: string;
  team: string | null;
  kind: WorkstreamKind;
  priority: string | null;
  start_date: IsoDate | null;
  end_date: IsoDate | null;
  active: boolean;
  required_fte: number;
  effective_fte: number;
  allocated_fte: number;
  /**
   * required / effective; `None` when nothing effective is allocated.
   */
  load: number | null;
  people: number;
  /**
   * What it costs on the view's day; `None` when pay is hidden.
   */
  cost?: WorkstreamCost;
};

/**
 * A team as the flags panel and chart need it: who leads it and how many are in it.
 */
export type TeamRow = {
  id: string;
  /**
   * The lead on file, else the team's highest member on the view's day (the first met
   * breadth-first); `None` for a team with nobody in it.
   */
  lead: string | null;
  kind: TeamKind | null;
  /**
   * Present people in the team on the view's day.
   */
  people: number;
};

export type AllocationRow = {
  person: string;
  workstream: string;
  percent: number;
  start_date: IsoDate | null;
  end_date: IsoDate | null;
  /**
   * Counts on the view's day.
   */
  active: boolean;
};

/**
 * One edit of the scenario's log that does not apply to this view.
 */
export type SkippedRow = {
  /**
   * The edit's number in the document's log.
   */
  seq: number;
  /**
   * Its kind (`move-person`, `swing`…).
   */
  op: string;
  /**
   * Why it does not apply.
   */
  reason: string;
};

/**
 * What the app shows of pay once the user turned it on: the settings to edit (currency,
 * bands, budgets, fiscal year) and the fiscal year month by month. The run-rate is in
 * `stats.cost`, people's and workstreams' costs on their rows.
 */
export type CostView = {
  settings: CostSettings;
  projection: Projection;
};

/**
 * Everything the app's screens show for one scenario and day.
 */
export type OrgView = {
  as_of: IsoDate;
  scenario: string;
  people: Array<PersonCard>;
  layout: LayoutReport;
  flags: Array<Flag>;
  stats: Stats;
  rules: RuleConfig;
  workstreams: Array<WorkstreamRow>;
  allocations: Array<AllocationRow>;
  teams: Array<TeamRow>;
  /**
   * The days on which the org changes (people start or leave, workstreams and allocations
   * begin or end, dated edits take effect), sorted: the as-of slider's ticks.
   */
  key_dates: Array<IsoDate>;
  /**
   * The scenario's applied edits this view could not apply (after a baseline update, or a
   * dated edit that depends on a later one), in log order: the scenario panel marks them
   * for the user to drop or redo by hand.
   */
  skipped: Array<SkippedRow>;
  /**
   * Pay settings and the fiscal year, only while "Show compensation" is on.
   */
  cost?: CostView;
};

/**
 * The open document as a window shows it, answered by every call that changes it (an edit,
 * undo, redo, a swing applied, a scenario switched) so that a front end needs no second
 * round trip to learn what happened.
 */
export type Shown = {
  info: DocumentInfo;
  view: OrgView;
  /**
   * The current scenario against the one the request named in `against`; `None` when it
   * named none, the current one, or one that no longer exists.
   */
  diff: Diff | null;
  /**
   * The role history of the person the request named in `history_of`; `None` when it named
   * none or someone not in the scenario.
   */
  history: HistoryReport | null;
  /**
   * The fiscal year of the scenario compared with, month by month, while pay is shown
   * and a comparison was asked for (`view.cost` holds the current scenario's).
   */
  compare_projection?: Projection;
};

/**
 * What the Timeline view asks for.
 */
export type TimelineRequest = {
  /**
   * The day the horizon starts from; `None`: the session's as-of day.
   */
  from?: IsoDate | null;
  /**
   * How many months (1 to 120); `None`: the scenario's `horizon_months` on `from`.
   */
  months?: number | null;
  /**
   * A scenario whose timeline comes along over the same months, to compare with.
   */
  against?: string | null;
};

/**
 * The current scenario's timeline, and the one it is compared with.
 */
export type TimelineShown = {
  /**
   * The current scenario.
   */
  scenario: string;
  timeline: Timeline;
  /**
   * The scenario compared with; `None` when the request named none, the current one, or
   * one that no longer exists.
   */
  against: string | null;
  /**
   * Its timeline over the same months.
   */
  compared: Timeline | null;
};

/**
 * One flag to suggest swings for: its rule and the id of the person it is on.
 */
export type FlagRef = {
  rule: Rule;
  subject: string;
};

/**
 * What the app asks for: one flag's suggestions or every flag's, and how many per flag.
 */
export type SuggestRequest = {
  /**
   * Only this flag's suggestions; `None`: every flag a swing answers.
   */
  for?: FlagRef | null;
  /**
   * Suggestions per flag, best first (1 to 100); `None`: three.
   */
  limit?: number | null;
};

/**
 * What to export.
 */
export type ExportFormat = "pdf" | "svg" | "png" | "csv" | "xlsx" | "json";

/**
 * The PDF report's options, as a front end gives them.
 */
export type PdfRequest = {
  /**
   * "a4" (default), "letter" or "a3".
   */
  page?: string | null;
  landscape?: boolean;
  /**
   * Print only this person and the people under them.
   */
  root?: PersonId | null;
  break_every_levels?: number | null;
  break_min_people?: number | null;
  one_page?: boolean;
  /**
   * The title; default the file's name (and the scenario's).
   */
  title?: string | null;
  /**
   * Put pay into the export: a "Cost" page in the report, cost columns and the bands and
   * budgets in CSV and JSON. Without it no amount, budget flag or waterfall is written.
   */
  with_cost?: boolean;
  /**
   * Instead of the report, the whole chart on one page: "a2", "a1", "a0" or a custom
   * "WxH" in millimetres ("900x1200"); `page` and `landscape` do not apply.
   */
  poster?: string | null;
};

/**
 * What [`pdf_bytes`] would print: its page count, its page size in points and its first
 * pages as SVG documents.
 */
export type PdfPreview = {
  /**
   * How many pages the PDF has.
   */
  pages: number;
  /**
   * The page width in points, landscape already applied.
   */
  width: number;
  /**
   * The page height in points.
   */
  height: number;
  /**
   * The first pages (at most `max_pages`), each a standalone SVG document of the page.
   */
  svgs: Array<string>;
};

/**
 * `{"as_of", "flags": [...], "summary": {...}}`.
 */
export type CheckReport = {
  as_of: IsoDate;
  flags: Array<Flag>;
  summary: FlagSummary;
};

/**
 * `Stats` with the day it describes.
 */
export type StatsReport = {
  as_of: IsoDate;
  headcount: number;
  managers: number;
  ics: number;
  open_roles: number;
  ic_capacity: number;
  mean_span: number;
  max_span: number;
  layers: number;
  span_histogram: { [key in number]: number };
  /**
   * Pay figures, when the org carries any cost, band or budget.
   */
  cost?: CostStats;
};

/**
 * One stretch of time in a role.
 */
export type RoleSpell = {
  role: Role;
  /**
   * When it began, when known.
   */
  since: IsoDate | null;
  /**
   * When it ended (the next spell's start); `None` for the current role.
   */
  until: IsoDate | null;
  /**
   * "import" for the role on file, "edit" for a change made in Pendulum (a swing, an edit).
   */
  source: string;
};

/**
 * A person's pendulum: every role they held, and how long they have been in the current one.
 */
export type HistoryReport = {
  person: PersonId;
  name: string;
  as_of: IsoDate;
  role: Role;
  since: IsoDate | null;
  days_in_role: number | null;
  years_in_role: number | null;
  /**
   * Oldest first; the last one is the current role.
   */
  spells: Array<RoleSpell>;
  /**
   * Their manager load on the day, when they lead anyone, hire or hold a leader's role
   * (`docs/model.md`, "Manager load").
   */
  load?: ManagerLoad;
};

/**
 * Where an applied swing went.
 */
export type Applied = {
  scenario: string;
  /**
   * Whether the scenario was forked for this swing.
   */
  created: boolean;
};

/**
 * A swing's report, and where it was applied when asked.
 */
export type SimulateReport = {
  applied?: Applied;
  swing: Swing;
  as_of: IsoDate;
  before: Stats;
  after: Stats;
  flags_added: Array<Flag>;
  flags_resolved: Array<Flag>;
  moves: Array<Move>;
  timeline: Array<TimelinePoint>;
  /**
   * The manager load of whoever the swing gives reports to (the person, on a swing to
   * manager; the successor, or each peer or manager who takes reports, on a swing to IC),
   * before and after, as of `as_of`.
   */
  loads: Array<SwingLoad>;
  /**
   * The edit that applies the swing to a scenario ([`Edit::Swing`]).
   */
  edit: Edit;
  /**
   * What the swing does to cost, when the org carries pay data.
   */
  cost?: SwingCost;
};

/**
 * Every rule threshold's default: core's `RuleConfig::default()`.
 */
export const RULE_DEFAULTS: RuleConfig = {
  budget_tolerance: 0.0,
  director_max_span: 5,
  dotted_weight: 0.5,
  hiring_weight: 1.0,
  horizon_months: 12,
  ic_reramp_days: 60,
  manager_capacity: 6.0,
  manager_ic_fraction: 0.2,
  manager_max_span: 5,
  max_layers: 6,
  max_migrations: 1,
  min_span: 2,
  overload_ratio: 1.25,
  pendulum_years: 3,
  ramp_days: 90,
};

/**
 * Every rule threshold with its label and documented range (core's `THRESHOLDS`).
 */
export const THRESHOLDS: readonly {
  field: RuleChange["field"];
  label: string;
  whole: boolean;
  min: number;
  max: number;
}[] = [
  { field: "manager_max_span", label: "Manager span, most", whole: true, min: 1, max: 1000 },
  { field: "director_max_span", label: "Director span, most", whole: true, min: 1, max: 1000 },
  { field: "min_span", label: "Span, fewest", whole: true, min: 1, max: 100 },
  { field: "max_layers", label: "Layers, most", whole: true, min: 1, max: 1000 },
  { field: "overload_ratio", label: "Overload ratio", whole: false, min: 0.1, max: 100 },
  { field: "max_migrations", label: "Migrations per team", whole: true, min: 0, max: 1000 },
  { field: "pendulum_years", label: "Years before a swing", whole: true, min: 0, max: 100 },
  { field: "ramp_days", label: "Ramp-up days", whole: true, min: 0, max: 3650 },
  { field: "manager_ic_fraction", label: "IC work kept by a new manager", whole: false, min: 0, max: 1 },
  { field: "ic_reramp_days", label: "Re-ramp days after a swing to IC", whole: true, min: 0, max: 3650 },
  { field: "horizon_months", label: "Timeline months", whole: true, min: 1, max: 120 },
  { field: "manager_capacity", label: "Manager capacity, reports", whole: false, min: 1, max: 100 },
  { field: "hiring_weight", label: "Load per open role", whole: false, min: 0, max: 10 },
  { field: "dotted_weight", label: "Load per dotted-line report", whole: false, min: 0, max: 10 },
  { field: "budget_tolerance", label: "Budget tolerance, percent", whole: false, min: 0, max: 1000 },
];
