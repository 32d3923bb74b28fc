import { useCallback, useEffect, useRef } from 'react';

/**
 * Object URLs for the files a view has made: each new one releases the URL it replaces, and all are released
 * when the view goes, so a file made ten times holds its memory once.
 */
export function useObjectUrls(): (blob: Blob, replacing?: string) => string {
  const urls = useRef(new Set<string>());
  useEffect(() => {
    const all = urls.current;
    return () => {
      all.forEach((u) => URL.revokeObjectURL(u));
      all.clear();
    };
  }, []);
  return useCallback((blob: Blob, replacing?: string) => {
    if (replacing !== undefined) {
      URL.revokeObjectURL(replacing);
      urls.current.delete(replacing);
    }
    const url = URL.createObjectURL(blob);
    urls.current.add(url);
    return url;
  }, []);
}
