// Text of XML as the .xlsx and .ods parts write it: entities, and OOXML's `_xHHHH_` escapes of
// characters XML cannot hold (a carriage return is `_x000D_`).

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function codePoint(n: number): string {
  return n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
}

export function unescapeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex !== undefined ? codePoint(parseInt(hex, 16)) : dec !== undefined ? codePoint(Number(dec)) : NAMED[name as string],
  );
}

/** Text of an OOXML string element (`<t>`): entities and `_xHHHH_` escapes resolved. */
export function ooxmlText(raw: string): string {
  const text = unescapeXml(raw);
  return text.indexOf('_x') < 0 ? text : text.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one opening tag's text, by name (prefix included, e.g. `r:id`). */
export function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) found.set(m[1], unescapeXml(m[2] ?? m[3]));
  return found;
}

/** The first attribute whose local name (after any prefix) is `local`. */
export function localAttribute(attrs: Map<string, string>, local: string): string | undefined {
  for (const [name, value] of attrs) if (name === local || name.endsWith(`:${local}`)) return value;
  return undefined;
}

/** Every opening tag `<name …>` (any namespace prefix) in `xml`, as its attribute text. */
export function* tags(xml: string, name: string): Generator<string> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) yield m[1];
}
