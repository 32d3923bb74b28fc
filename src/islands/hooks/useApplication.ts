import { useCallback, useEffect, useRef, useState } from 'react';
import { emptyApplication } from '../../core/application/schema';
import type { Application } from '../../core/application/types';
import type { ApplicationStore } from '../../io/application-store';

export interface ApplicationState {
  app: Application;
  loaded: boolean;
  setApp: (app: Application) => void;
}

/** The application being edited, loaded from and written back to a store. */
export function useApplication(store: ApplicationStore): ApplicationState {
  const [app, setState] = useState<Application>(emptyApplication);
  const [loaded, setLoaded] = useState(false);
  const storeRef = useRef(store);

  useEffect(() => {
    let live = true;
    storeRef.current
      .load()
      .then((saved) => {
        if (live && saved) setState(saved);
      })
      .catch(() => undefined) // an unreadable store leaves the empty form; the drafts store reports its own errors
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, []);

  const setApp = useCallback((next: Application) => {
    setState(next);
    void storeRef.current.save(next).catch(() => undefined);
  }, []);

  return { app, loaded, setApp };
}
