// The shapes that cross the IPC boundary come from the Rust types: generated.ts is rendered by
// crates/api/tests/typescript.rs, whose test fails when it is stale, so a change on the Rust
// side shows up here as a type error. Only shapes with no Rust counterpart are written here.

import type { LayoutReport, PdfRequest, RuleChange } from './generated';

export type {
  Ahead,
  Allocation,
  AllocationRow,
  ApiError,
  Applied,
  Band,
  Budget,
  CheckReport,
  ColumnMapping,
  CostChange,
  CostDiff,
  CostSettings,
  CostStats,
  CostView,
  DatedEdit,
  Diff,
  DocumentInfo,
  FileChange,
  Edit,
  ErrorCode,
  ExportFormat,
  FieldChange,
  FieldValue,
  FileKind,
  FileMapping,
  Flag,
  FlagSummary,
  HistoryReport,
  ImportPreview,
  ImportProblem,
  IsoDate,
  LayoutEdge,
  LayoutNode,
  LayoutReport,
  LoadAllocation,
  ManagerLoad,
  MonthCost,
  Move,
  OrgView,
  PdfPreview,
  PdfRequest,
  Person,
  PersonCard,
  PersonChange,
  PersonId,
  PersonCostChange,
  Projection,
  RecentDocument,
  Reloaded,
  SkippedRow,
  UpdateInfo,
  UpdatePreview,
  Conflict,
  Role,
  RoleSpell,
  Rule,
  RuleChange,
  RuleConfig,
  ScenarioInfo,
  Shown,
  Severity,
  Staffing,
  SimulateReport,
  Stats,
  StatsReport,
  Status,
  Subject,
  SubjectKind,
  Suggestion,
  SuggestedSwing,
  SuggestRequest,
  Swing,
  SwingCost,
  SwingReport,
  SwingTo,
  Team,
  TeamChange,
  TeamId,
  TeamKind,
  TeamSeries,
  Timeline,
  TimelinePoint,
  TimelineRequest,
  TimelineShown,
  ViewRequest,
  Workstream,
  WorkstreamChange,
  WorkstreamCost,
  WorkstreamId,
  WorkstreamKind,
  WorkstreamRow,
  WorkstreamSeries,
} from './generated';

/** Which way the chart is drawn (a view request's `left_right`). */
export type Orientation = 'top-down' | 'left-right';

/** A rule threshold's name: a `RuleConfig` field, as a `set-rule` edit names it. */
export type RuleField = RuleChange['field'];

/** The page sizes the api's PDF report knows (`PdfRequest.page` is any text, checked there). */
export type PageSize = 'a4' | 'letter' | 'a3';

/** The PDF report's options as the UI sends them: a `PdfRequest` without nulls, of known page sizes. */
export type PdfOptions = { [K in Exclude<keyof PdfRequest, 'page'>]?: Exclude<PdfRequest[K], null> } & { page?: PageSize };

/** The chart's boxes and lines in a view (the api's `LayoutReport`). */
export type Layout = LayoutReport;
