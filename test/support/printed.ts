// Documents as a person would see them printed: LibreOffice turns .docx/.xlsx into PDF, poppler
// measures it (pdftohtml -xml for text boxes and font sizes, pdfimages for pictures). It needs
// LibreOffice, poppler and the fonts, which `npm test` installs from Debian's packages.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const has = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const hasFont = (pattern: RegExp): boolean => pattern.test(spawnSync('fc-list', [], { encoding: 'utf8' }).stdout ?? '');

/** LibreOffice (Calc + Writer), poppler, a CJK face and Carlito (Calibri's metrics, so columns
 *  measure as in Excel): `npm test` installs them (scripts/ensure.mjs); here a clear failure if not. */
export function ensurePrintTools(): void {
  const need: string[] = [];
  if (!has('soffice')) need.push('libreoffice-calc', 'libreoffice-writer');
  if (!has('pdftohtml') || !has('pdfimages')) need.push('poppler-utils');
  if (!hasFont(/WenQuanYi|wqy/i)) need.push('fonts-wqy-microhei');
  if (!hasFont(/Carlito/i)) need.push('fonts-crosextra-carlito');
  if (need.length > 0) throw new Error(`Missing ${need.join(' ')}: run \`npm test\` (it installs them as root) or apt-get install them.`);
}

/** Converts every file to PDF in one LibreOffice run; returns the PDFs' paths, in order. */
export function convertToPdf(files: string[], outDir: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      { env: { ...process.env, HOME: profile }, stdio: 'ignore', timeout: 300_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => join(outDir, `${basename(f).replace(/\.[^.]+$/, '')}.pdf`));
}

export interface PrintedText {
  top: number;
  left: number;
  width: number;
  height: number;
  /** Points, as pdftohtml rounds them (10.5 pt prints as 11). */
  size: number;
  text: string;
}

export interface PrintedPage {
  number: number;
  width: number;
  height: number;
  texts: PrintedText[];
}

const unescape = (s: string): string =>
  s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#34;/g, '"').replace(/&amp;/g, '&');

/** Every page's text boxes in points (zoom 1), with the size of their font. */
export function printedPages(pdf: string): PrintedPage[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-zoom', '1', '-stdout', pdf], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const sizes = new Map<string, number>();
  for (const m of xml.matchAll(/<fontspec id="(\d+)" size="(-?[\d.]+)"/g)) sizes.set(m[1], Number(m[2]));
  const pages: PrintedPage[] = [];
  for (const m of xml.matchAll(/<page number="(\d+)"[^>]*height="([\d.]+)" width="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const texts: PrintedText[] = [];
    for (const t of m[4].matchAll(/<text top="(-?\d+)" left="(-?\d+)" width="(\d+)" height="(\d+)" font="(\d+)">([\s\S]*?)<\/text>/g)) {
      texts.push({ top: +t[1], left: +t[2], width: +t[3], height: +t[4], size: sizes.get(t[5]) ?? 0, text: unescape(t[6]) });
    }
    // More fonts may be declared on later pages.
    for (const f of m[4].matchAll(/<fontspec id="(\d+)" size="(-?[\d.]+)"/g)) sizes.set(f[1], Number(f[2]));
    pages.push({ number: +m[1], height: +m[2], width: +m[3], texts });
  }
  return pages;
}

export interface PrintedWord {
  page: number;
  left: number;
  top: number;
  width: number;
  height: number;
  text: string;
}

/** Every page's words with their boxes (pdftotext -bbox: words are never merged across baselines,
 *  as pdftohtml's lines are). */
export function printedWords(pdf: string): PrintedWord[][] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((page, i) =>
    [...page[1].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/word>/g)].map((w) => ({
      page: i + 1,
      left: +w[1],
      top: +w[2],
      width: +w[3] - +w[1],
      height: +w[4] - +w[2],
      text: unescape(w[5]),
    })),
  );
}

/** Pairs of words on one page printed over each other: their boxes overlap across more than
 *  `share` of the lower one's height (line boxes of a paragraph touch by a point or so). */
export function overlappingWords(words: PrintedWord[], share = 0.3): [PrintedWord, PrintedWord][] {
  const out: [PrintedWord, PrintedWord][] = [];
  const texts = words.filter((t) => t.text.trim() !== '');
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i];
      const b = texts[j];
      const x = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
      const y = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
      if (x > 1 && y > Math.max(1, share * Math.min(a.height, b.height))) out.push([a, b]);
    }
  }
  return out;
}

/** A page's text in reading order as pdftohtml gives it, joined (CJK lines come split by font). */
export const pageText = (page: PrintedPage): string => page.texts.map((t) => t.text).join('');

/** The pictures of a PDF: page and object id of each image (a picture cut by a page is listed once a page). */
export function printedImages(pdf: string): { page: number; object: number; width: number; height: number }[] {
  const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
  return list
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[2] === 'image')
    .map((f) => ({ page: +f[0], width: +f[3], height: +f[4], object: +f[10] }));
}
