// Table Storage keys may not contain / \ # ? or control characters (and we use ~ as our own
// separator), so every id that goes into a key passes through here.
const UNSAFE = /[/\\#?%~\u0000-\u001f\u007f-\u009f]/g;
const MAX_KEY_LENGTH = 1024;

export function keyPart(id: string): string {
  return id.replace(UNSAFE, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function decodeKeyPart(part: string): string {
  return part.replace(/%([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Joins id parts into one key; throws when the key would exceed the service's limit. */
export function tableKey(...ids: string[]): string {
  const key = ids.map(keyPart).join('~');
  if (key.length > MAX_KEY_LENGTH) throw new RangeError(`table key longer than ${MAX_KEY_LENGTH} characters`);
  return key;
}

/** Versions and record indices padded so that string order is numeric order. */
export const padded = (n: number, width = 6): string => String(n).padStart(width, '0');
