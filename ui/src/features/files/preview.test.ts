import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DebouncedPreview } from './preview';

/** A request whose answer the test releases when it likes. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('debounced preview', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in requests and sends only the last one', async () => {
    const ask = vi.fn(async (n: number) => n * 10);
    const answers: number[] = [];
    const preview = new DebouncedPreview(ask, { onanswer: (a) => answers.push(a), onfailure: () => {} }, 250);
    preview.request(1);
    await vi.advanceTimersByTimeAsync(200);
    preview.request(2);
    await vi.advanceTimersByTimeAsync(200);
    preview.request(3);
    expect(ask).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(250);
    expect(ask.mock.calls).toEqual([[3]]);
    expect(answers).toEqual([30]);
  });

  it('never lets a slow answer to an older request overwrite a newer one', async () => {
    const pending = new Map<number, ReturnType<typeof deferred<string>>>();
    const ask = (n: number) => {
      const d = deferred<string>();
      pending.set(n, d);
      return d.promise;
    };
    const answers: string[] = [];
    const failures: unknown[] = [];
    const preview = new DebouncedPreview(ask, { onanswer: (a) => answers.push(a), onfailure: (e) => failures.push(e) }, 250);
    preview.request(1);
    await vi.advanceTimersByTimeAsync(250);
    preview.request(2);
    await vi.advanceTimersByTimeAsync(250);
    expect([...pending.keys()]).toEqual([1, 2]);

    pending.get(2)!.resolve('second');
    await vi.advanceTimersByTimeAsync(0);
    pending.get(1)!.resolve('first');
    await vi.advanceTimersByTimeAsync(0);
    expect(answers).toEqual(['second']);

    // A stale failure is dropped too; the newest one is reported.
    preview.request(3);
    await vi.advanceTimersByTimeAsync(250);
    preview.request(4);
    await vi.advanceTimersByTimeAsync(250);
    pending.get(3)!.reject('old failure');
    pending.get(4)!.reject('new failure');
    await vi.advanceTimersByTimeAsync(0);
    expect(failures).toEqual(['new failure']);
    expect(answers).toEqual(['second']);
  });

  it('drops a pending request and an answer on its way when cancelled', async () => {
    const d = deferred<number>();
    const ask = vi.fn((n: number) => (n === 1 ? d.promise : Promise.resolve(n)));
    const answers: number[] = [];
    const preview = new DebouncedPreview(ask, { onanswer: (a) => answers.push(a), onfailure: () => {} }, 250);
    preview.request(1);
    await vi.advanceTimersByTimeAsync(250);
    preview.cancel();
    d.resolve(1);
    preview.request(2);
    preview.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(ask.mock.calls).toEqual([[1]]);
    expect(answers).toEqual([]);
  });
});
