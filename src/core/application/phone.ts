// Phone numbers as people type them: full-width digits, spaces, hyphens and dashes of any width, the notice's
// own "0791—83868361". Normalised to the form the schema's pattern accepts and the PDF prints:
// mobiles as 11 digits (13807912345), landlines as area code, hyphen, number (0791-83868361).

/** Full-width digits (０-９) to ASCII. */
function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}

/** Spaces (also the ideographic one), hyphens, dashes and dots people put between digit groups. */
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\u2212\uFF0D\u30FC.()（）]/g;

/** 010 and 02x are the three-digit area codes; every other one has four digits. */
function areaCodeLength(digits: string): number {
  return /^0(10|2\d)/.test(digits) ? 3 : 4;
}

/**
 * The normalised number, or undefined when the text is not a mobile or landline number (the check then
 * explains the expected forms). An empty text stays empty.
 */
export function normalizePhone(text: string): string | undefined {
  const trimmed = asciiDigits(text).trim();
  if (trimmed === '') return '';
  const digits = trimmed.replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) return undefined;
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (!digits.startsWith('0')) return undefined;
  const area = areaCodeLength(digits);
  const number = digits.slice(area);
  return /^\d{7,8}$/.test(number) ? `${digits.slice(0, area)}-${number}` : undefined;
}

/** What the field should show once left: the normalised number, or the text as typed when it is not one. */
export function displayPhone(text: string): string {
  return normalizePhone(text) ?? text;
}
