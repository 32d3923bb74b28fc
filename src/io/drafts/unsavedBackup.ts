// A synchronous copy in localStorage of what is not yet safely in IndexedDB: written when the page is hidden or
// closed with changes pending (an IndexedDB write started in `pagehide` may never finish, a localStorage write
// always does) and after every failed save; cleared as soon as the draft is safely saved or deleted for good.
// The next load applies it, or offers it when the draft itself is gone.

const PREFIX = 'lmcx-unsaved:';
const key = (draftId: string) => `${PREFIX}${draftId}`;

export interface UnsavedCopy {
  draftId: string;
  data: unknown;
  /** When it was typed (ISO 8601). */
  at: string;
  /** The draft's title then, to name it when it is offered. */
  title?: string;
}

export function writeUnsaved(draftId: string, data: unknown, at: string, title?: string): void {
  try {
    localStorage.setItem(key(draftId), JSON.stringify(title === undefined ? { data, at } : { data, at, title }));
  } catch {
    // Storage full or disabled: the IndexedDB save that is already under way is all we have.
  }
}

export function readUnsaved(draftId: string): UnsavedCopy | null {
  try {
    const text = localStorage.getItem(key(draftId));
    if (text === null) return null;
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || !('at' in parsed) || typeof parsed.at !== 'string' || !('data' in parsed)) return null;
    const title = 'title' in parsed && typeof parsed.title === 'string' ? parsed.title : undefined;
    return { draftId, data: parsed.data, at: parsed.at, ...(title === undefined ? {} : { title }) };
  } catch {
    return null;
  }
}

/** Every copy this browser holds, newest first. */
export function listUnsaved(): UnsavedCopy[] {
  const copies: UnsavedCopy[] = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const name = localStorage.key(i);
      if (name === null || !name.startsWith(PREFIX)) continue;
      const copy = readUnsaved(name.slice(PREFIX.length));
      if (copy) copies.push(copy);
    }
  } catch {
    return [];
  }
  return copies.sort((a, b) => b.at.localeCompare(a.at));
}

export function clearUnsaved(draftId: string): void {
  try {
    localStorage.removeItem(key(draftId));
  } catch {
    // Nothing to clear where storage is disabled.
  }
}
