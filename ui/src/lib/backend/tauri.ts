import { invoke } from '@tauri-apps/api/core';
import { toApiError, type Backend } from './backend';
import type {
  DatedEdit,
  Diff,
  DocumentInfo,
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

// Each method is one command of src-tauri; argument names are the Rust parameter names.
// Every call is measured on the page's performance timeline (`pendulum:ipc <command>`), so the
// end-to-end tests can count the round trips an action makes and see what each one cost.
async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  const start = performance.now();
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toApiError(reason);
  } finally {
    performance.measure(`pendulum:ipc ${command}`, { start });
  }
}

export class TauriBackend implements Backend {
  current(): Promise<DocumentInfo | null> {
    return call('current');
  }
  openDemo(): Promise<DocumentInfo> {
    return call('open_demo');
  }
  openDocument(): Promise<DocumentInfo | null> {
    return call('open_document');
  }
  newDocument(): Promise<DocumentInfo | null> {
    return call('new_document');
  }
  recentDocuments(): Promise<RecentDocument[]> {
    return call('recent_documents');
  }
  openRecent(index: number): Promise<DocumentInfo> {
    return call('open_recent', { index });
  }
  resetDemo(): Promise<DocumentInfo> {
    return call('reset_demo');
  }
  importPreview(): Promise<ImportPreview | null> {
    return call('import_preview');
  }
  importConfirm(): Promise<DocumentInfo | null> {
    return call('import_confirm');
  }
  view(request: ViewRequest): Promise<Shown> {
    return call('view', { request });
  }
  applyEdit(edit: DatedEdit, request: ViewRequest = {}): Promise<Shown> {
    return call('apply_edit', { edit, request });
  }
  showCompensation(on: boolean, request: ViewRequest = {}): Promise<Shown> {
    return call('show_compensation', { on, request });
  }
  undo(request: ViewRequest = {}): Promise<Shown> {
    return call('undo', { request });
  }
  redo(request: ViewRequest = {}): Promise<Shown> {
    return call('redo', { request });
  }
  switchScenario(name: string, request: ViewRequest = {}): Promise<Shown> {
    return call('switch_scenario', { name, request });
  }
  forkScenario(name: string, request: ViewRequest = {}): Promise<Shown> {
    return call('fork_scenario', { name, request });
  }
  renameScenario(name: string, newName: string, request: ViewRequest = {}): Promise<Shown> {
    return call('rename_scenario', { name, newName, request });
  }
  deleteScenario(name: string, request: ViewRequest = {}): Promise<Shown> {
    return call('delete_scenario', { name, request });
  }
  compare(against?: string): Promise<Diff> {
    return call('compare', against === undefined ? {} : { against });
  }
  simulate(swing: Swing): Promise<SwingReport> {
    return call('simulate', { swing });
  }
  applySwing(swing: Swing, into: string, request: ViewRequest = {}): Promise<Shown> {
    return call('apply_swing', { swing, into, request });
  }
  history(person: string): Promise<HistoryReport> {
    return call('history', { person });
  }
  exportTo(format: ExportFormat, pdf?: PdfOptions, replace?: boolean): Promise<string[] | null> {
    if (replace) return call('export', { replace: true });
    return call('export', pdf === undefined ? { format } : { format, pdf });
  }
  reloadDocument(): Promise<Reloaded> {
    return call('reload_document');
  }
  updatePreview(): Promise<UpdatePreview | null> {
    return call('update_preview');
  }
  updateApply(request: ViewRequest = {}): Promise<Shown> {
    return call('update_apply', { request });
  }
  undoUpdate(request: ViewRequest = {}): Promise<Shown> {
    return call('undo_update', { request });
  }
  dropEdit(seq: number, request: ViewRequest = {}): Promise<Shown> {
    return call('drop_edit', { seq, request });
  }
  pdfPreview(pdf: PdfOptions): Promise<PdfPreview> {
    return call('pdf_preview', { pdf });
  }
  timeline(request: TimelineRequest): Promise<TimelineShown> {
    return call('timeline', { request });
  }

  suggest(request: SuggestRequest): Promise<Suggestion[]> {
    return call('suggest', { request });
  }
}

/** True inside the Tauri webview (its IPC bridge is injected before the bundle runs). */
export function insideTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}
