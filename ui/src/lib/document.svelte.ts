import {
  toApiError,
  type ApiError,
  type Backend,
  type Diff,
  type DocumentInfo,
  type Edit,
  type HistoryReport,
  type ImportPreview,
  type Orientation,
  type OrgView,
  type PersonCard,
  type Projection,
  type Shown,
  type Swing,
  type TimelineShown,
  type UpdatePreview,
  type ViewRequest,
} from './backend';

/**
 * The open document as the window shows it, and every way to change it: each view refresh,
 * edit, undo, redo, swing and scenario change goes through here as one backend call, answered
 * with the new document state and view (and the comparison, when one is shown). Components
 * read its state and call its methods; only this and the file commands talk to the backend.
 */
export class DocumentStore {
  /** What is open; null until the first document opens. */
  doc = $state<DocumentInfo | null>(null);
  /** Raw: a 10k-person view must not be deep-proxied; it is replaced whole, never mutated. */
  view = $state.raw<OrgView | null>(null);
  /** The scenario the current one is compared with, and the comparison; null when not comparing. */
  against = $state<string | null>(null);
  diff = $state.raw<Diff | null>(null);
  /** The compared scenario's fiscal year month by month, while compensation is shown. */
  compareProjection = $state.raw<Projection | null>(null);
  /** People whose reports are folded away. */
  collapsed = $state.raw<ReadonlySet<string>>(new Set());
  orientation = $state<Orientation>('top-down');
  /** The day the org is viewed as of; null: the document's own day. */
  asOf = $state<string | null>(null);
  /** The day the document opened on (the demo's own day, else today): the slider's "Today". */
  homeDay = $state<string | null>(null);
  /** The last failure, shown until dismissed or until a call succeeds. */
  error = $state<ApiError | null>(null);
  /** A document is being opened. */
  busy = $state(true);
  /** An import being previewed, waiting for the user to confirm it. */
  importing = $state.raw<ImportPreview | null>(null);
  /** A newer HR export being previewed against the document, waiting for the user to apply it. */
  updating = $state.raw<UpdatePreview | null>(null);
  /** The copy of this window's version kept beside the file by the last reload, until dismissed. */
  keptCopy = $state<string | null>(null);
  /** The person the inspector shows, and their role history (which every answer brings along). */
  selected = $state<string | null>(null);
  history = $state.raw<HistoryReport | null>(null);

  /** The view's people by id. */
  readonly people = $derived(new Map<string, PersonCard>((this.view?.people ?? []).map((p) => [p.id, p])));
  readonly workstreamNames = $derived(new Map((this.view?.workstreams ?? []).map((w) => [w.id, w.name])));
  readonly readOnly = $derived(this.doc?.read_only ?? true);
  /** "Show compensation" is on for the open document: only then do views carry pay. */
  readonly showPay = $derived(this.doc?.show_compensation ?? false);

  /** Calls issued, and the newest whose answer is shown: an older answer never replaces a newer one. */
  #issued = 0;
  #shown = 0;

  constructor(readonly backend: Backend) {}

  /** What the window shows, as the backend draws every answer. */
  request(): ViewRequest {
    return {
      collapsed: [...this.collapsed].sort(),
      left_right: this.orientation === 'left-right',
      ...(this.asOf === null ? {} : { as_of: this.asOf }),
      ...(this.against === null ? {} : { against: this.against }),
      ...(this.selected === null ? {} : { history_of: this.selected }),
    };
  }

  /** One call, its answer shown unless a newer one already is; false when superseded. Rejects as the call does. */
  async #answer(call: (request: ViewRequest) => Promise<Shown>): Promise<boolean> {
    const mine = ++this.#issued;
    const next = await call(this.request());
    if (mine < this.#shown) return false;
    this.#shown = mine;
    this.doc = next.info;
    this.view = next.view;
    this.diff = next.diff;
    // No comparison came back: the scenario compared with is the current one now, or gone.
    if (next.diff === null) this.against = null;
    this.compareProjection = next.compare_projection ?? null;
    this.history = next.history;
    this.error = null;
    return true;
  }

  /** `#answer`, showing a failure instead of rejecting; false when it failed or was superseded. */
  async #ask(call: (request: ViewRequest) => Promise<Shown>): Promise<boolean> {
    try {
      return await this.#answer(call);
    } catch (reason) {
      this.error = toApiError(reason);
      return false;
    }
  }

  /** Shows `reason` (whatever a call rejected with) as the window's error. */
  fail(reason: unknown) {
    this.error = toApiError(reason);
  }

  /** Inspects `id` (null: nobody); their history is read once, then comes with every answer. */
  select(id: string | null) {
    this.selected = id;
    if (id === null || this.history?.person === id || !this.view) return;
    this.backend.history(id).then(
      (h) => {
        // An answer that came meanwhile brought a newer one.
        if (h.person === this.selected && this.history?.person !== h.person) this.history = h;
      },
      () => {},
    );
  }

  /** Fetches the view as the window shows it now (day, folds, orientation, comparison). */
  refresh(): Promise<boolean> {
    return this.#ask((request) => this.backend.view(request));
  }

  /** Applies and saves one edit; rejects when it is refused, for the caller to say why where it was made. */
  async edit(edit: Edit): Promise<void> {
    await this.#answer((request) => this.backend.applyEdit({ edit }, request));
  }

  /** Applies and saves one edit, showing a refusal as the window's error; true when it was applied. */
  apply(edit: Edit): Promise<boolean> {
    return this.#ask((request) => this.backend.applyEdit({ edit }, request));
  }

  /** Turns "Show compensation" on or off for the document (saved in it); one round trip. */
  showCompensation(on: boolean): Promise<boolean> {
    return this.#ask((request) => this.backend.showCompensation(on, request));
  }

  undo(): Promise<boolean> {
    if (!this.doc?.can_undo) return Promise.resolve(false);
    return this.#ask((request) => this.backend.undo(request));
  }

  redo(): Promise<boolean> {
    if (!this.doc?.can_redo) return Promise.resolve(false);
    return this.#ask((request) => this.backend.redo(request));
  }

  switchScenario(name: string): Promise<boolean> {
    return this.#ask((request) => this.backend.switchScenario(name, request));
  }

  forkScenario(name: string): Promise<boolean> {
    return this.#ask((request) => this.backend.forkScenario(name, request));
  }

  renameScenario(name: string, newName: string): Promise<boolean> {
    return this.#ask((request) => this.backend.renameScenario(name, newName, request));
  }

  deleteScenario(name: string): Promise<boolean> {
    return this.#ask((request) => this.backend.deleteScenario(name, request));
  }

  /** Applies a swing as the scenario `into`, which becomes current. */
  applySwing(swing: Swing, into: string): Promise<boolean> {
    return this.#ask((request) => this.backend.applySwing(swing, into, request));
  }

  /** Compares the current scenario with `name` from now on (null: stops comparing). */
  async compareWith(name: string | null) {
    this.against = name === null || name === this.doc?.scenario ? null : name;
    this.diff = null;
    this.compareProjection = null;
    if (this.against === null) return;
    // With pay shown, the comparison brings the other scenario's fiscal year: one view call.
    if (this.showPay) {
      await this.refresh();
      return;
    }
    try {
      this.diff = await this.backend.compare(this.against);
    } catch (reason) {
      this.error = toApiError(reason);
    }
  }

  /** The current scenario's plan over time from `from`, with the compared scenario's alongside. */
  timeline(from: string): Promise<TimelineShown> {
    return this.backend.timeline({ from, ...(this.against === null ? {} : { against: this.against }) });
  }

  /** Folds or unfolds the reports of `id`. */
  toggle(id: string): Promise<boolean> {
    const next = new Set(this.collapsed);
    if (!next.delete(id)) next.add(id);
    return this.fold(next);
  }

  /** Shows the chart with exactly these people folded. */
  fold(collapsed: ReadonlySet<string>): Promise<boolean> {
    this.collapsed = collapsed;
    return this.refresh();
  }

  /** Turns the chart between top-down and left-right. */
  turn(): Promise<boolean> {
    this.orientation = this.orientation === 'top-down' ? 'left-right' : 'top-down';
    return this.refresh();
  }

  /** Views the org as of `date` (null: the document's own day); resolves once the view is in. */
  viewAsOf(date: string | null): Promise<boolean> {
    this.asOf = date;
    return this.refresh();
  }

  /**
   * Runs an action that may open a document (null: the user cancelled) and shows it afresh:
   * nothing folded or compared, on its own day. True when a document was opened and shown.
   */
  async open(action: () => Promise<DocumentInfo | null>): Promise<boolean> {
    this.busy = true;
    try {
      const next = await action();
      if (!next) return false;
      this.doc = next;
      this.against = null;
      this.diff = null;
      this.compareProjection = null;
      this.collapsed = new Set();
      this.selected = null;
      this.history = null;
      this.asOf = null;
      this.homeDay = next.as_of;
      return await this.refresh();
    } catch (reason) {
      this.error = toApiError(reason);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Picks a newer HR export and previews what it would change (`updating`); nothing when cancelled. */
  async previewUpdate() {
    this.busy = true;
    try {
      this.updating = await this.backend.updatePreview();
    } catch (reason) {
      this.error = toApiError(reason);
    } finally {
      this.busy = false;
    }
  }

  /** Applies the previewed export: the baseline becomes it; every scenario's edits replay on it. */
  async confirmUpdate(): Promise<boolean> {
    this.busy = true;
    try {
      const done = await this.#ask((request) => this.backend.updateApply(request));
      if (done) this.updating = null;
      return done;
    } finally {
      this.busy = false;
    }
  }

  /** Undoes the newest baseline update. */
  undoUpdate(): Promise<boolean> {
    return this.#ask((request) => this.backend.undoUpdate(request));
  }

  /** Drops an edit of the current scenario that no longer applies. */
  dropEdit(seq: number): Promise<boolean> {
    return this.#ask((request) => this.backend.dropEdit(seq, request));
  }

  /** Asks whether another program changed the open file; a failed check is left to the next one. */
  async checkFile() {
    if (!this.doc) return;
    try {
      const now = await this.backend.current();
      if (now && this.doc && now.changed_elsewhere !== this.doc.changed_elsewhere) this.doc = now;
    } catch {
      // Not worth an error: the window asks again on focus and every few seconds.
    }
  }

  /** Reopens the file another program changed; this window's version is kept as a copy when theirs replaced it. */
  async reload(): Promise<boolean> {
    try {
      const r = await this.backend.reloadDocument();
      this.doc = r.info;
      this.keptCopy = r.kept_copy;
      this.error = null;
      return await this.refresh();
    } catch (reason) {
      this.error = toApiError(reason);
      return false;
    }
  }

  /** First launch: the document the session has open, else the demo. */
  start(): Promise<boolean> {
    return this.open(async () => (await this.backend.current()) ?? (await this.backend.openDemo()));
  }

  /** Picks CSVs and previews their import (`importing`); nothing when the user cancels. */
  async previewImport() {
    this.busy = true;
    try {
      this.importing = await this.backend.importPreview();
    } catch (reason) {
      this.error = toApiError(reason);
    } finally {
      this.busy = false;
    }
  }

  /** Imports the previewed files into a new document and opens it. */
  confirmImport(): Promise<boolean> {
    return this.open(async () => {
      const info = await this.backend.importConfirm();
      if (info) this.importing = null;
      return info;
    });
  }
}
