import type { Application } from '../core/application/types';

/**
 * Where the application being edited lives. The form only talks to this interface, so the drafts
 * store (IndexedDB) plugs in without touching the form.
 */
export interface ApplicationStore {
  /** The application being edited, or null when there is none yet. */
  load(): Promise<Application | null>;
  save(app: Application): Promise<void>;
}

/** Keeps the application in memory only: gone on reload. */
export function memoryStore(initial: Application | null = null): ApplicationStore {
  let current = initial;
  return {
    load: async () => current,
    save: async (app) => {
      current = app;
    },
  };
}
