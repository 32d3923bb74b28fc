// How much this site stores, and whether the browser promised to keep it (navigator.storage).

export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/**
 * Asks the browser to keep this site's data under storage pressure; harmless where it is not supported, and null
 * over plain http, where navigator.storage does not exist (src/io/serviceWorker.ts PLAIN_HTTP_NOTE says so).
 */
export async function requestPersistence(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

export async function storageInfo(): Promise<StorageInfo> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return { usage: null, quota: null, persisted: null };
  try {
    const [estimate, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted()]);
    return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
  } catch {
    return { usage: null, quota: null, persisted: null };
  }
}
