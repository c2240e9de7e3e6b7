import type { OrgView } from '../../lib/backend';

/**
 * What the workload screen's parts share while it is open: the people and workstreams added to
 * the grid here, the workstream just added, the notice about it, and one queue of saves, so
 * that each save computes its edit against the view the one before it left (a click on the
 * next cell can come before the last save is in).
 */
export class WorkloadScreen {
  /** People added to the grid by hand, to give them a first allocation. */
  extra = $state<string[]>([]);
  /** Workstreams added here: columns of the grid even before anyone is allocated to them. */
  pinned = $state<string[]>([]);
  /** The workstream last added here, marked in the table until the notice about it goes. */
  justAdded = $state<string | null>(null);
  /** What happened to the last workstream added or removed, said once under the heading. */
  notice = $state<string | null>(null);
  /** Whether the workstreams not active on the view's day are listed. */
  showInactive = $state(false);
  /** The grid cell whose editor is open: a row's save leaves the keyboard alone while one is. */
  editingCell = $state<{ person: string; workstream: string } | null>(null);
  /** The view the notice was said about: any later view (undo, another edit, another day) makes it stale. */
  #noticeView: OrgView | null = null;
  #saves: Promise<void> = Promise.resolve();

  /** Runs `save` after every save queued before it; resolves when it has run. */
  queue(save: () => Promise<void>): Promise<void> {
    this.#saves = this.#saves.then(save);
    return this.#saves;
  }

  /** Says `text` about `view`. */
  say(text: string, view: OrgView) {
    this.notice = text;
    this.#noticeView = view;
  }

  /** Another view is shown: the notice, and the mark of what it was about, go. */
  showing(view: OrgView) {
    if (this.notice !== null && view !== this.#noticeView) {
      this.notice = null;
      this.justAdded = null;
    }
  }

  /** A workstream added here: a column of the grid, marked in the table. */
  added(id: string) {
    this.pinned = [...this.pinned.filter((x) => x !== id), id];
    this.justAdded = id;
  }

  /** A workstream removed here. */
  removed(id: string) {
    this.pinned = this.pinned.filter((x) => x !== id);
    if (this.justAdded === id) this.justAdded = null;
  }
}
