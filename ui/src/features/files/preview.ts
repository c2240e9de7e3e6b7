// Debounced requests of which only the newest answer counts: the PDF preview asks again on
// every option change, and a slow answer for old options must not replace a newer one.

export interface PreviewHandlers<O> {
  /** Called when a request is sent (after the pause). */
  onstart?: () => void;
  onanswer: (answer: O) => void;
  onfailure: (reason: unknown) => void;
}

export class DebouncedPreview<I, O> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The number of the newest request; answers to older ones are dropped. */
  private newest = 0;

  constructor(
    private readonly ask: (input: I) => Promise<O>,
    private readonly handlers: PreviewHandlers<O>,
    private readonly delay = 250,
  ) {}

  /** Asks for `input` once no newer request has come for `delay` ms. */
  request(input: I) {
    clearTimeout(this.timer);
    const mine = ++this.newest;
    this.timer = setTimeout(() => void this.send(input, mine), this.delay);
  }

  /** Drops the pending request and any answer still on its way. */
  cancel() {
    clearTimeout(this.timer);
    this.newest++;
  }

  private async send(input: I, mine: number) {
    this.handlers.onstart?.();
    try {
      const answer = await this.ask(input);
      if (mine === this.newest) this.handlers.onanswer(answer);
    } catch (reason) {
      if (mine === this.newest) this.handlers.onfailure(reason);
    }
  }
}
