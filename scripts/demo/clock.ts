// The demo re-enacts May 2017: each province's upload has to arrive on its 2017 day, or every one
// would count as late. The API stamps submissions with the process clock, so the demo (and only the
// demo) shifts that clock while an upload is in flight. Nothing else runs in that window.
export async function atInstant<T>(instant: string, run: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  const offset = RealDate.parse(instant) - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
  try {
    return await run();
  } finally {
    globalThis.Date = RealDate;
  }
}
