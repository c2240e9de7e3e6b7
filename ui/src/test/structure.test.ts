import { describe, expect, it } from 'vitest';
import { RULE_DEFAULTS } from '../lib/backend';

// How the UI's code is arranged, checked so that it stays so: features import shared code
// from lib/ and never each other; only tests (and, in development, main.ts) reach test/; the
// rule thresholds' defaults come from the generated RULE_DEFAULTS, never typed again.

/** Every source file under src/, by its path there. */
const SOURCES: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob('../**/*.{ts,svelte}', { query: '?raw', import: 'default', eager: true })).map(
    // Vite names this folder's files from here (./x) and the others from src (../y/x).
    ([path, text]) => [path.startsWith('./') ? `test/${path.slice(2)}` : path.replace(/^\.\.\//, ''), text as string],
  ),
);

/** Where a relative import from `file` leads, as a path under src/. */
function target(file: string, spec: string): string {
  const parts = file.split('/').slice(0, -1);
  for (const step of spec.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.') parts.push(step);
  }
  return parts.join('/');
}

/** The modules a file imports statically, as paths under src/. */
function imports(file: string): string[] {
  const text = SOURCES[file] ?? '';
  return [...text.matchAll(/^\s*import\s[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) => target(file, m[1] ?? ''));
}

const isTest = (at: string) => at.startsWith('test/') || at.endsWith('.test.ts');

describe('the UI code', () => {
  it('is all read', () => {
    expect(Object.keys(SOURCES)).toContain('app/App.svelte');
    expect(Object.keys(SOURCES)).toContain('test/fake/backend.ts');
  });

  it('has no feature importing another feature', () => {
    const sideways = Object.keys(SOURCES).flatMap((at) => {
      const feature = /^features\/([^/]+)\//.exec(at)?.[1];
      if (feature === undefined) return [];
      return imports(at)
        .filter((to) => to.startsWith('features/') && !to.startsWith(`features/${feature}/`))
        .map((to) => `${at} → ${to}`);
    });
    expect(sideways).toEqual([]);
  });

  it('keeps the fake backend and the test harness to tests', () => {
    const leaks = Object.keys(SOURCES)
      .filter((at) => !isTest(at))
      .flatMap((at) => imports(at).filter((to) => to.startsWith('test/')).map((to) => `${at} → ${to}`));
    expect(leaks).toEqual([]);
  });

  it('takes the rule defaults from RULE_DEFAULTS instead of typing them again', () => {
    const camel = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const retyped = Object.entries(SOURCES)
      // The fake backend too: it once typed its own copy.
      .filter(([at]) => !at.endsWith('.test.ts') && at !== 'lib/backend/generated.ts')
      .flatMap(([at, text]) =>
        Object.entries(RULE_DEFAULTS).flatMap(([field, value]) => {
          const number = String(value).replace('.', '\\.');
          // `overload_ratio ?? 1.25`, `overloadRatio = 1.25`, `overload_ratio: 1.25`, and the like.
          const typed = new RegExp(`\\b(${field}|${camel(field)})\\b[^;\\n]{0,40}?(\\?\\?|=|:)\\s*${number}(?![\\d.])`);
          return typed.test(text) ? [`${at}: ${field} = ${value}`] : [];
        }),
      );
    expect(retyped).toEqual([]);
  });

  it('has no hand-written file over 800 lines', () => {
    const long = Object.entries(SOURCES)
      .filter(([at]) => at !== 'lib/backend/generated.ts')
      .map(([at, text]) => ({ at, lines: text.split('\n').length }))
      .filter(({ lines }) => lines > 800)
      .map(({ at, lines }) => `${at}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
