// File names from users and for users: a stored name never carries a path, and names written into an
// archive can be created by every common system when it is unpacked (Windows being the strictest).
/** Control characters, and the bidirectional controls that can disguise an extension ("外景\u202Egpj.exe"). */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Besides control characters, the characters Windows refuses in a file name. */
const WINDOWS_REFUSED = /[<>:"/\\|?*]/g;
/** Device names Windows reserves, with or without an extension. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;

/** The file's own name: the last path segment (old browsers report C:\fakepath\…), nothing invisible. */
export function cleanFileName(name: string, fallback: string): string {
  const base = name.split(/[/\\]/).at(-1) ?? '';
  const cleaned = base.replace(CONTROL_CHARACTERS, '').trim();
  return cleaned === '' ? fallback : cleaned;
}

/** A name Windows accepts: refused characters removed, no trailing dot or space, no device name. */
export function portableFileName(name: string, fallback: string): string {
  const cleaned = name.replace(CONTROL_CHARACTERS, '').replace(WINDOWS_REFUSED, '').trim().replace(/[. ]+$/, '');
  if (cleaned === '') return fallback;
  return WINDOWS_DEVICE.test(cleaned) ? `_${cleaned}` : cleaned;
}
