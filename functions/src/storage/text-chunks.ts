// A string property holds at most 64 KiB (32K UTF-16 characters) and an entity at most 1 MiB, so
// long JSON is spread over numbered properties and bounded as a whole.
const CHUNK_CHARS = 30_000;
/** Keeps an entity, chunks plus keys and bookkeeping, under 1 MiB of UTF-16. */
export const MAX_TEXT_CHARS = 480_000;

export function toChunks(prefix: string, text: string): Record<string, string> {
  if (text.length > MAX_TEXT_CHARS) throw new RangeError(`text longer than ${MAX_TEXT_CHARS} characters`);
  const out: Record<string, string> = {};
  for (let i = 0, n = 0; i < text.length || n === 0; i += CHUNK_CHARS, n++) {
    out[n === 0 ? prefix : `${prefix}${n}`] = text.slice(i, i + CHUNK_CHARS);
  }
  return out;
}

export function fromChunks(prefix: string, entity: Record<string, unknown>): string {
  let text = typeof entity[prefix] === 'string' ? (entity[prefix] as string) : '';
  for (let n = 1; typeof entity[`${prefix}${n}`] === 'string'; n++) text += entity[`${prefix}${n}`] as string;
  return text;
}
