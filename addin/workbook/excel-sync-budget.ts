// Queues commands and syncs only when a request would grow large, so a sheet's formats cost a few
// syncs however many ranges they touch, and no request nears Excel on the web's 5 MB payload limit
// ("Resource limits and performance optimization for Office Add-ins"), counted in bytes of JSON.
export const CELLS_PER_SYNC = 100_000;

/** Bytes of values one request may carry: under 5 MB with room for the request's own envelope. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value as JSON on the wire. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/** [start, end) row spans of `rows`, each within `maxRows` rows and `maxBytes` bytes of JSON. */
export function payloadBlocks(rows: unknown[][], maxRows: number, maxBytes = PAYLOAD_BUDGET_BYTES): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const size = jsonBytes(row) + 1;
    if (i > start && (i - start >= maxRows || bytes + size > maxBytes)) {
      blocks.push({ start, end: i });
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (rows.length > start) blocks.push({ start, end: rows.length });
  return blocks;
}

/** Whether Excel refused a request or response for its size. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const text = `${typeof code === 'string' ? code : ''} ${error instanceof Error ? error.message : ''}`;
  return /PayloadSizeLimitExceeded/.test(text);
}

export class SyncBudget {
  private queued = 0;
  private bytes = 0;
  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly limit = CELLS_PER_SYNC,
    private readonly byteLimit = PAYLOAD_BUDGET_BYTES,
  ) {}

  /** Records `cells` (carrying `bytes` of text) just about to be queued; syncs first when they would overflow the request. */
  async add(cells: number, bytes = 0): Promise<void> {
    if (this.queued > 0 && (this.queued + cells > this.limit || this.bytes + bytes > this.byteLimit)) await this.flush();
    this.queued += cells;
    this.bytes += bytes;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.queued = 0;
    this.bytes = 0;
  }
}
