// The few zip facts a workbook reader needs, browser-safe (DataView, no node:*; the inflate is handed in): the
// central directory's names and declared sizes, and one entry inflated to at most its declared
// size. Only the parts a reader asks for are ever inflated.
import { damaged, tooLarge } from './refusals';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  flags: number;
}

/** Raw-deflate `data` into at most `size` bytes; must throw (or return more) when the data holds more. */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class Zip {
  readonly entries = new Map<string, ZipEntry>();
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    private readonly inflate: InflateRaw,
    /** Bytes all inflated parts together may take: guards memory against a zip bomb. */
    private budget = 512 * 1024 * 1024,
    maxEntries = 10_000,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const view = this.view;
    let eocd = -1;
    for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
      if (view.getUint32(i, true) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw damaged('no zip directory');
    const count = view.getUint16(eocd + 10, true);
    const dirOffset = view.getUint32(eocd + 16, true);
    // Zip64 marks: a workbook we can check never needs them.
    if (count === 0xffff || dirOffset === 0xffffffff) throw damaged('zip64');
    if (count > maxEntries) throw damaged(`${count} parts`);
    const decoder = new TextDecoder();
    let at = dirOffset;
    for (let n = 0; n < count; n++) {
      if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL) throw damaged('broken zip directory');
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/\\/g, '/');
      this.entries.set(name, {
        name,
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        offset: view.getUint32(at + 42, true),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  /** The entry by name; zip names are case-sensitive but some writers vary the case of parts. */
  find(name: string): ZipEntry | undefined {
    const exact = this.entries.get(name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    for (const [key, entry] of this.entries) if (key.toLowerCase() === lower) return entry;
    return undefined;
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** The entry's bytes, at most its declared size: a zip that lies about sizes is refused. */
  read(name: string): Uint8Array | undefined {
    const entry = this.find(name);
    if (!entry) return undefined;
    const { bytes, view } = this;
    if (entry.offset + 30 > bytes.byteLength || view.getUint32(entry.offset, true) !== LOCAL) throw damaged(`broken entry ${entry.name}`);
    if (entry.flags & 1) throw damaged('encrypted entry');
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.byteLength) throw damaged(`truncated entry ${entry.name}`);
    const data = bytes.subarray(start, end);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw damaged(`size mismatch in ${entry.name}`);
      return data;
    }
    if (entry.method !== 8) throw damaged(`compression method ${entry.method}`);
    if (entry.size > this.budget) throw tooLarge(`${entry.name} 解压后超过上限`, `${entry.name} unzips past the limit`, { part: entry.name });
    this.budget -= entry.size;
    let out: Uint8Array;
    try {
      out = this.inflate(data, entry.size);
    } catch {
      throw damaged(`entry ${entry.name} does not inflate`);
    }
    if (out.byteLength !== entry.size) throw damaged(`size mismatch in ${entry.name}`);
    return out;
  }

  /** The entry as UTF-8 text (a byte-order mark dropped). */
  text(name: string): string | undefined {
    const data = this.read(name);
    return data === undefined ? undefined : new TextDecoder('utf-8', { ignoreBOM: false }).decode(data);
  }
}
