import { useEffect, useState } from 'react';
import type { Application } from '../core/application/types';
import type { UnprintableCharacter } from '../core/pdf/fonts/coverage';

/** The application's characters that no font prints, found after each change (the font manifest loads lazily). */
export function useUnprintable(app: Application): readonly UnprintableCharacter[] {
  const [found, setFound] = useState<readonly UnprintableCharacter[]>([]);
  useEffect(() => {
    let live = true;
    void import('../io/fonts/unprintable')
      .then(({ findUnprintable }) => findUnprintable(app))
      .then((list) => {
        if (live) setFound(list);
      })
      .catch(() => undefined); // the output view names them again before generating
    return () => {
      live = false;
    };
  }, [app]);
  return found;
}
