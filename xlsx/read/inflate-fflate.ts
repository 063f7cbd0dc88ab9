// fflate's raw inflate, the reading layer's default (browsers have no zlib). fflate writes nothing
// past a preallocated buffer: one byte of headroom shows whether an entry held more than it
// declared (a lying zip), without ever allocating more.
import { inflateSync } from 'fflate';
import type { InflateRaw } from './zip';

export const fflateInflate: InflateRaw = (data, size) => inflateSync(data, { out: new Uint8Array(size + 1) });
