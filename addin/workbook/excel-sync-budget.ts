// Queues format commands and syncs only when a request would grow large, so a sheet's formats
// cost a few syncs however many ranges they touch, and no request nears the 5 MB payload limit.
export const CELLS_PER_SYNC = 100_000;

export class SyncBudget {
  private queued = 0;
  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly limit = CELLS_PER_SYNC,
  ) {}

  /** Records `cells` just queued; syncs first when they would overflow the current request. */
  async add(cells: number): Promise<void> {
    if (this.queued > 0 && this.queued + cells > this.limit) await this.flush();
    this.queued += cells;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.queued = 0;
  }
}
