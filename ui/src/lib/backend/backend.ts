import type {
  ApiError,
  DatedEdit,
  Diff,
  DocumentInfo,
  ErrorCode,
  ExportFormat,
  HistoryReport,
  ImportPreview,
  PdfOptions,
  PdfPreview,
  RecentDocument,
  Shown,
  Reloaded,
  Suggestion,
  SuggestRequest,
  Swing,
  SwingReport,
  TimelineRequest,
  TimelineShown,
  UpdatePreview,
  ViewRequest,
} from './types';

/** Everything the UI asks of the Rust side. One implementation talks to Tauri, one is in memory. */
export interface Backend {
  /** The document the session has open, if any. */
  current(): Promise<DocumentInfo | null>;
  /** Opens the bundled demo org (first launch). */
  openDemo(): Promise<DocumentInfo>;
  /** Shows the native open dialog; null when the user cancels. */
  openDocument(): Promise<DocumentInfo | null>;
  /** Creates a document holding one person (native save dialog) and opens it; null when cancelled. */
  newDocument(): Promise<DocumentInfo | null>;
  /** Recently opened documents, newest first, at most 10. */
  recentDocuments(): Promise<RecentDocument[]>;
  /** Opens entry `index` of the list `recentDocuments` last returned. */
  openRecent(index: number): Promise<DocumentInfo>;
  /** Re-creates the demo from the app's assets (its edits are lost) and opens it. */
  resetDemo(): Promise<DocumentInfo>;
  /** Picks CSVs in a native dialog and previews their import; null when cancelled. */
  importPreview(): Promise<ImportPreview | null>;
  /** Imports the previewed files into a new document (native save dialog); null when cancelled. */
  importConfirm(): Promise<DocumentInfo | null>;
  /**
   * What is open and what the window shows of it: the org as of a day, with its layout, flags
   * and figures, and its comparison with `request.against` when that names another scenario.
   * Every call below that changes the document answers the same way, drawn as its `request`
   * asks (default: the session's day, nothing folded, top-down), so a change is one round trip.
   */
  view(request: ViewRequest): Promise<Shown>;
  /** Applies and saves one edit; a refused one rejects with code `refused` and changes nothing. */
  applyEdit(edit: DatedEdit, request?: ViewRequest): Promise<Shown>;
  /** Turns "Show compensation" on or off for the open document (saved in it): pay is in views only while on. */
  showCompensation(on: boolean, request?: ViewRequest): Promise<Shown>;
  undo(request?: ViewRequest): Promise<Shown>;
  redo(request?: ViewRequest): Promise<Shown>;
  switchScenario(name: string, request?: ViewRequest): Promise<Shown>;
  /** Forks the current scenario under `name` and makes the fork current. */
  forkScenario(name: string, request?: ViewRequest): Promise<Shown>;
  renameScenario(name: string, newName: string, request?: ViewRequest): Promise<Shown>;
  deleteScenario(name: string, request?: ViewRequest): Promise<Shown>;
  /** The current scenario against `against` (default the baseline). */
  compare(against?: string): Promise<Diff>;
  /** What a swing would do; changes nothing. */
  simulate(swing: Swing): Promise<SwingReport>;
  /** Applies a swing as the scenario `into` and makes it current. */
  applySwing(swing: Swing, into: string, request?: ViewRequest): Promise<Shown>;
  history(person: string): Promise<HistoryReport>;
  /** Exports through a native save dialog; the names of the files written, or null when cancelled. */
  exportTo(format: ExportFormat, pdf?: PdfOptions, replace?: boolean): Promise<string[] | null>;
  /**
   * Reopens the document after another program changed its file (`changed_elsewhere`); this
   * window's version is kept as a copy when theirs replaced it.
   */
  reloadDocument(): Promise<Reloaded>;
  /**
   * Updating the open document from a newer HR export: picks the export's files (a native
   * dialog) and says what would change; null when the user cancels. Nothing is written.
   */
  updatePreview(): Promise<UpdatePreview | null>;
  /** Applies the previewed export: it becomes the baseline; every scenario's edits replay on it. */
  updateApply(request?: ViewRequest): Promise<Shown>;
  /** Undoes the newest baseline update. */
  undoUpdate(request?: ViewRequest): Promise<Shown>;
  /** Drops an edit of the current scenario (one that no longer applies). */
  dropEdit(seq: number, request?: ViewRequest): Promise<Shown>;
  /** How a PDF export with these options would look: its page count and its first pages. */
  pdfPreview(pdf: PdfOptions): Promise<PdfPreview>;
  /**
   * The current scenario's staffing month by month and its problems ahead, from `request.from`
   * (default the viewed day), with `request.against`'s over the same months. Changes nothing.
   */
  timeline(request: TimelineRequest): Promise<TimelineShown>;
  /**
   * The best suggested swings for the flag `request.for` names (or every flag a swing answers),
   * `request.limit` each, on the current scenario as of the viewed day. Changes nothing.
   */
  suggest(request: SuggestRequest): Promise<Suggestion[]>;
}

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'usage',
  'bad-input',
  'not-found',
  'exists',
  'not-pendulum',
  'newer-schema',
  'in-use',
  'io',
  'refused',
  'unknown',
  'internal',
]);

/** Turns whatever a call rejected with into `{code, message}`. */
export function toApiError(reason: unknown): ApiError {
  if (typeof reason === 'object' && reason !== null) {
    const r = reason as Record<string, unknown>;
    if (typeof r.code === 'string' && typeof r.message === 'string' && CODES.has(r.code)) {
      return { code: r.code as ErrorCode, message: r.message };
    }
    if (reason instanceof Error) return { code: 'internal', message: reason.message };
  }
  return { code: 'internal', message: String(reason) };
}
