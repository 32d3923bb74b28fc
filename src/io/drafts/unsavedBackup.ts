// A synchronous last-chance copy for the moment the page is hidden or closed: an IndexedDB write started in
// `pagehide` may never finish, a localStorage write always does. The next load applies it and clears it.

const key = (draftId: string) => `lmcx-unsaved:${draftId}`;

export interface UnsavedCopy {
  data: unknown;
  at: string;
}

export function writeUnsaved(draftId: string, data: unknown, at: string): void {
  try {
    localStorage.setItem(key(draftId), JSON.stringify({ data, at }));
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
    return { data: parsed.data, at: parsed.at };
  } catch {
    return null;
  }
}

export function clearUnsaved(draftId: string): void {
  try {
    localStorage.removeItem(key(draftId));
  } catch {
    // Nothing to clear where storage is disabled.
  }
}
