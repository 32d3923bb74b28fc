// One editor per draft across tabs (Web Locks). A second tab opening the same draft gets it read-only and can
// take over; the tab that loses the lock is told so and turns read-only itself, so neither overwrites the other.

export interface DraftLock {
  /** True while this tab may write the draft. */
  readonly held: boolean;
  release(): void;
}

const lockName = (draftId: string) => `lmcx-draft:${draftId}`;

/**
 * Tries to take the draft's lock. `steal` takes it from another tab (which then gets `onLost`).
 * Browsers without Web Locks get a lock that is always held: nothing to coordinate with.
 */
export async function acquireDraftLock(draftId: string, onLost: () => void, steal = false): Promise<DraftLock> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return { held: true, release: () => undefined };
  let release: () => void = () => undefined;
  const granted = await new Promise<boolean>((resolveGranted) => {
    const options: LockOptions = steal ? { steal: true } : { ifAvailable: true };
    navigator.locks
      .request(lockName(draftId), options, (lock) => {
        if (!lock) {
          resolveGranted(false);
          return undefined;
        }
        resolveGranted(true);
        // Held until release() resolves this promise.
        return new Promise<void>((resolveHeld) => {
          release = resolveHeld;
        });
      })
      // A stolen lock rejects the holder's request with AbortError: that tab lost the draft.
      .catch(() => onLost());
  });
  return {
    held: granted,
    release: () => release(),
  };
}
