// Node's zlib for the zip parts (native, and it stops at the cap instead of inflating a bomb to the
// end): what the CLI and the API hand the reading layer. Never imported by browser code.
import { inflateRawSync } from 'node:zlib';
import type { InflateRaw } from './zip';

export const nodeInflate: InflateRaw = (data, size) => inflateRawSync(data, { maxOutputLength: Math.max(1, size) + 1 });
