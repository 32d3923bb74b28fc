// Dates shown to applicants are China's, whatever zone the machine is set to: China Standard Time is UTC+8
// all year (no daylight saving since 1991).
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A Date whose UTC fields (getUTCHours …) read as the wall-clock time in China at the instant `iso`. */
export function chinaWallClock(iso: string): Date {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new RangeError(`Not a date-time: ${iso}`);
  return new Date(time + CHINA_OFFSET_MS);
}

/** The date in China at the instant `iso`, as YYYY-MM-DD. */
export function chinaDay(iso: string): string {
  return chinaWallClock(iso).toISOString().slice(0, 10);
}
