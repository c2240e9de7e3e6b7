import type { LayoutNode } from '../../lib/backend';
import { dateInWords } from '../../lib/format';

/** What a placeholder card says: a small kicker, the absent manager, and who reports to them. */
export interface PlaceholderText {
  kicker: string;
  main: string;
  count: string;
  /** The whole card in one line, for assistive technology. */
  label: string;
}

/**
 * The words on the card of a manager who is named but not drawn, as the PDF and SVG say
 * them: "Not in this file" over the id or e-mail, or "Not here on <day>" over the name of a
 * manager in the file who is not here that day (left, or not started yet).
 */
export function placeholderText(node: LayoutNode, asOf: string): PlaceholderText {
  const reports = node.reports ?? 0;
  const counted = reports === 1 ? '1 report' : `${reports} reports`;
  const here = node.name !== undefined && node.name !== null;
  const kicker = here ? `Not here on ${dateInWords(asOf)}` : 'Not in this file';
  const main = here ? (node.name as string) : node.id;
  const count = here ? `${node.id} · ${counted}` : counted;
  return { kicker, main, count, label: `${kicker}: ${main}, ${counted}` };
}

/** Whether a layout node is a placeholder rather than a person's card. */
export function isPlaceholder(node: LayoutNode): boolean {
  return node.placeholder === true;
}
