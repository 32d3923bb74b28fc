// Names of the package's files and folders: built from what users typed (captions, file names, the studio's
// name), so each is made safe to unpack anywhere (draft/names.ts does the Windows rules) and kept short:
//   - a name at most 80 characters (Windows Explorer shows long names badly, and paths are limited to 260),
//   - a whole path in the zip at most 200 bytes of UTF-8 (Linux and macOS refuse a name over 255 bytes,
//     and the folder the package is unpacked into adds to it),
// keeping the extension, and unique within its folder the way Windows compares names (ignoring case).
import { cleanFileName, portableFileName } from '../draft/names';

export const MAX_NAME_CHARACTERS = 80;
export const MAX_PATH_BYTES = 200;

/** An extension worth keeping: a dot and 1–10 letters or digits ("外景.jpg" → ".jpg"). */
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

export function splitExtension(name: string): { stem: string; extension: string } {
  const match = EXTENSION.exec(name);
  if (match === null || match.index === 0) return { stem: name, extension: '' };
  return { stem: name.slice(0, match.index), extension: match[0] };
}

export interface NameLimits {
  /** Characters (code points) of the name; 80 by default. */
  maxCharacters?: number;
  /** UTF-8 bytes of the name; MAX_PATH_BYTES by default, less the folder's own bytes when there is one. */
  maxBytes?: number;
}

/** `stem` cut, whole code points at a time, so that stem + extension fits the limits. */
function fitStem(stem: string, extension: string, { maxCharacters = MAX_NAME_CHARACTERS, maxBytes = MAX_PATH_BYTES }: NameLimits): string {
  const characters = [...stem];
  const extensionCharacters = [...extension].length;
  const extensionBytes = utf8Length(extension);
  let kept = Math.max(0, Math.min(characters.length, maxCharacters - extensionCharacters));
  let bytes = utf8Length(characters.slice(0, kept).join(''));
  while (kept > 0 && bytes + extensionBytes > maxBytes) {
    kept -= 1;
    bytes -= utf8Length(characters[kept] ?? '');
  }
  return characters.slice(0, kept).join('');
}

/**
 * One path segment that every common system can create: the last segment of `name` (so no "..", "/" or
 * "\"), in NFC, without characters Windows refuses or control characters, without trailing dots or spaces,
 * not a device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or without extension: prefixed with "_"),
 * and within the limits, keeping the extension. `fallback` when nothing is left.
 */
export function safeEntryName(name: string, fallback: string, limits: NameLimits = {}): string {
  const portable = portableFileName(cleanFileName(name.normalize('NFC'), ''), '');
  const candidate = portable === '' ? fallback : portable;
  const { stem, extension } = splitExtension(candidate);
  const fitted = portableFileName(fitStem(stem, extension, limits), '');
  if (fitted !== '') return `${fitted}${extension}`;
  // Nothing of the stem fits (or it was only dots): the fallback's, with the same extension.
  const fallbackStem = portableFileName(fitStem(splitExtension(fallback).stem, extension, limits), '_');
  return `${fallbackStem}${extension}`;
}

/**
 * The names with a duplicate (compared ignoring case, as Windows does) numbered before the extension:
 * 外景.jpg, 外景（2）.jpg, 外景（3）.jpg. A number never repeats a name already in the list.
 */
export function uniqueNames(names: readonly string[], limits: NameLimits = {}): string[] {
  const key = (name: string) => name.toLowerCase();
  const taken = new Set(names.map(key));
  const used = new Set<string>();
  return names.map((name) => {
    if (!used.has(key(name))) {
      used.add(key(name));
      return name;
    }
    const { stem, extension } = splitExtension(name);
    for (let n = 2; ; n += 1) {
      const suffix = `（${n}）`;
      const candidate = `${fitStem(stem, `${suffix}${extension}`, limits)}${suffix}${extension}`;
      if (!taken.has(key(candidate)) && !used.has(key(candidate))) {
        used.add(key(candidate));
        return candidate;
      }
    }
  });
}
