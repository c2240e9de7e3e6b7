// Keeps Tab inside a modal dialog: from its last control back to its first, and back again.

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function trapTab(e: KeyboardEvent, container: HTMLElement) {
  if (e.key !== 'Tab') return;
  // Tab reaches only the checked radio of a group.
  const all = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
  );
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && (document.activeElement === first || document.activeElement === container)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
