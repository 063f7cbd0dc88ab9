// The stream names of an OLE compound file (the container of a legacy .xls, of a Word .doc, and of
// an .xlsx encrypted with a password), read from its directory alone, so the reader can tell them
// apart before any parser opens the file. Every offset is bounds-checked: a truncated or looping
// file ends in `damaged`, never a hang.
import { damaged } from './refusals';

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

export function oleStreamNames(bytes: Uint8Array): string[] {
  if (bytes.byteLength < 512) throw damaged('truncated OLE header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw damaged('OLE sector size');
  const sectorSize = 1 << shift;
  const sectors = Math.floor((bytes.byteLength - sectorSize) / sectorSize) + 1;
  const offsetOf = (sector: number): number => {
    const at = (sector + 1) * sectorSize;
    if (sector >= sectors || at + sectorSize > bytes.byteLength) throw damaged('OLE sector out of file');
    return at;
  };
  const perSector = sectorSize / 4;
  // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatCount = view.getUint32(0x2c, true);
  if (fatCount > sectors) throw damaged('OLE FAT size');
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatCount, 109); i++) fatSectors.push(view.getUint32(0x4c + i * 4, true));
  let difat = view.getUint32(0x44, true);
  for (let hops = 0; fatSectors.length < fatCount && difat !== END_OF_CHAIN && difat !== FREE; hops++) {
    if (hops > sectors) throw damaged('OLE DIFAT loop');
    const at = offsetOf(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(view.getUint32(at + i * 4, true));
    difat = view.getUint32(at + (perSector - 1) * 4, true);
  }
  const next = (sector: number): number => {
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined) throw damaged('OLE chain out of FAT');
    return view.getUint32(offsetOf(fatSector) + (sector % perSector) * 4, true);
  };
  const names: string[] = [];
  let sector = view.getUint32(0x30, true);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    if (hops > sectors) throw damaged('OLE directory loop');
    const at = offsetOf(sector);
    for (let entry = at; entry < at + sectorSize; entry += 128) {
      const length = view.getUint16(entry + 0x40, true);
      const type = bytes[entry + 0x42];
      if (type !== 1 && type !== 2) continue;
      if (length < 2 || length > 64) continue;
      let name = '';
      for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(view.getUint16(entry + i, true));
      names.push(name);
    }
    sector = next(sector);
  }
  return names;
}
