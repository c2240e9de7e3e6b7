import { flushSync, mount, tick, unmount } from 'svelte';
import { vi } from 'vitest';
import type { Backend } from '../lib/backend';
import type { FakeOrg } from './fake';
import App from '../app/App.svelte';

// Mounting the whole app on a fake backend in jsdom, for the features' end-to-end tests
// (the same stubs App.test.ts uses: jsdom has no layout, ResizeObserver or canvas).

export function stubBrowser() {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe() {
        const entry = { contentRect: { width: 1000, height: 700 } } as ResizeObserverEntry;
        this.callback([entry], this as unknown as ResizeObserver);
      }
      disconnect() {}
      unobserve() {}
    },
  );
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
}

export function unstubBrowser() {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
}

/** Lets promises, timers of 0 ms and Svelte's updates run out. */
export async function settle() {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await tick();
  }
  flushSync();
}

/** Waits (at most about a second) for something the chart shows after its camera has moved. */
export async function until(condition: () => boolean) {
  for (let i = 0; i < 50 && !condition(); i++) {
    await new Promise((r) => setTimeout(r, 20));
    await settle();
  }
  if (!condition()) throw new Error('timed out waiting for the app');
}

export interface MountedApp {
  target: HTMLElement;
  /** The first button whose trimmed text starts with `text`. */
  button(text: string): HTMLButtonElement;
  close(): void;
}

export async function mountApp(backend: Backend): Promise<MountedApp> {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(App, { target, props: { backend } });
  await settle();
  return {
    target,
    button: (text) => {
      const found = [...target.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim().startsWith(text));
      if (!found) throw new Error(`no button "${text}"`);
      return found;
    },
    close: () => {
      unmount(app);
      target.remove();
    },
  };
}

/** A small org with workstreams: Ada leads Bela and Chen; Dana's allocation starts later. */
export function staffedOrg(): FakeOrg {
  return {
    name: 'Staffed org',
    as_of: '2026-03-01',
    people: [
      { id: 'ada', name: 'Ada Okafor', title: 'Director', team: 'Platform' },
      {
        id: 'bela',
        name: 'Bela Novak',
        title: 'Engineer',
        manager_id: 'ada',
        team: 'Platform',
        allocations: [
          { workstream: 'api', percent: 60, start_date: '2026-01-01', end_date: '2026-12-31' },
          { workstream: 'db', percent: 50 },
        ],
      },
      { id: 'chen', name: 'Chen Silva', title: 'Engineer', manager_id: 'ada', team: 'Payments', allocations: [{ workstream: 'api', percent: 40 }] },
      {
        id: 'dana',
        name: 'Dana Rossi',
        title: 'Engineer',
        manager_id: 'ada',
        team: 'Payments',
        allocations: [{ workstream: 'db', percent: 30, start_date: '2027-01-01' }],
      },
    ],
    workstreams: [
      { id: 'api', name: 'Public API', team: 'Platform', required_fte: 1 },
      { id: 'db', name: 'Database move', team: 'Platform', kind: 'migration', required_fte: 2 },
      { id: 'ops', name: 'On-call', team: 'Payments', kind: 'operations', required_fte: 1 },
    ],
    flags: [
      { rule: 'person-overallocated', severity: 'warning', subject: { kind: 'person', id: 'bela' }, message: 'Bela is at 110%' },
      { rule: 'workstream-unstaffed', severity: 'error', subject: { kind: 'workstream', id: 'ops' }, message: 'On-call has nobody' },
      { rule: 'migrations-in-flight', severity: 'warning', subject: { kind: 'team', id: 'Payments' }, message: 'Payments runs 2 migrations' },
    ],
  };
}

/**
 * Three workstreams over a year from 2026-03-01 (overload ratio 1.25): `a` needs 1 and has
 * Ines (1.0), then Omar's half from June (1.5: over); `b` needs 2 and has 0.8 + 0.9 (tight),
 * 0.8 once Quinn's allocation ends on 2026-09-01 (gap); `c` starts on 2026-07-01 with nobody.
 */
export function plannedOrg(): FakeOrg {
  return {
    name: 'Planned org',
    as_of: '2026-03-01',
    people: [
      { id: 'lead', name: 'Lena Fischer', title: 'Director', team: 'Core' },
      { id: 'ines', name: 'Ines Costa', manager_id: 'lead', team: 'Core', allocations: [{ workstream: 'a', percent: 100 }] },
      { id: 'omar', name: 'Omar Haddad', manager_id: 'lead', team: 'Core', allocations: [{ workstream: 'a', percent: 50, start_date: '2026-06-01' }] },
      { id: 'pia', name: 'Pia Novak', manager_id: 'lead', team: 'Data', allocations: [{ workstream: 'b', percent: 80 }] },
      { id: 'quinn', name: 'Quinn Silva', manager_id: 'lead', team: 'Data', allocations: [{ workstream: 'b', percent: 90, end_date: '2026-09-01' }] },
    ],
    workstreams: [
      { id: 'a', name: 'Accounts', team: 'Core', required_fte: 1 },
      { id: 'b', name: 'Billing rewrite', team: 'Data', required_fte: 2 },
      { id: 'c', name: 'Checkout', team: 'Core', required_fte: 1, start_date: '2026-07-01' },
    ],
  };
}

/**
 * `staffedOrg` with pay, figures worked out by hand in the tests: Ada costs her own €150,000;
 * Bela is L5 (€102,000 × 1), Chen L4 part-time (€84,000 × 0.8 = €67,200); Dana has no level,
 * so her cost is unknown. Platform's budget (€240,000) is exceeded by Ada + Bela (€252,000);
 * Payments' (€100,000) is not.
 */
export function paidOrg(): FakeOrg {
  const org = staffedOrg();
  const pay: Record<string, Partial<FakeOrg['people'][number]>> = {
    ada: { level: 'M2', cost: 150000 },
    bela: { level: 'L5' },
    chen: { level: 'L4', fte: 0.8 },
  };
  return {
    ...org,
    name: 'Paid org',
    people: org.people.map((p) => ({ ...p, ...pay[p.id] })),
    pay: {
      currency: 'EUR',
      bands: [
        { level: 'L4', annual_cost: 84000 },
        { level: 'L5', annual_cost: 102000 },
        { level: 'M2', annual_cost: 136000 },
      ],
      budgets: [
        { team: 'Platform', annual_budget: 240000 },
        { team: 'Payments', annual_budget: 100000 },
      ],
    },
  };
}
