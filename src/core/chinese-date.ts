// Official Chinese documents write dates in Arabic numerals without zero padding (GB/T 9704: 2021年5月17日).
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

export function formatChineseDate(iso: string): string {
  const m = DATE.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export function formatChineseMonth(iso: string): string {
  const m = MONTH.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月`;
}
