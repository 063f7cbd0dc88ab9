/** One part of `npm run bench`; `print` writes a line of its report. */
export interface BenchSection {
  name: string;
  run(print: (line: string) => void): Promise<void>;
}
