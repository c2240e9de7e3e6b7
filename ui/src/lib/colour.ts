// Team colours: a fixed, restrained palette picked by a stable hash of the team name, so
// a team keeps its colour across sessions, files and machines.

export const TEAM_PALETTE = [
  '#4f7cac',
  '#c0873f',
  '#5a9a78',
  '#a65e7b',
  '#7a6fb0',
  '#3f9aa6',
  '#b5654a',
  '#8a9a3f',
  '#6b7f99',
  '#b0813f',
] as const;

export const NO_TEAM = '#9aa3ad';

/** FNV-1a over UTF-16 code units: tiny, stable and well spread for short names. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function teamColour(team: string | null): string {
  if (team === null || team === '') return NO_TEAM;
  return TEAM_PALETTE[hashText(team) % TEAM_PALETTE.length] ?? NO_TEAM;
}
