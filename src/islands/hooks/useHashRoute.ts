import { useEffect, useState } from 'react';
import { commitPendingTexts } from '../form/localText';

function current(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

/**
 * The view named by the URL's hash (#cover, #review …), so links and the back button move between sections.
 * Starts empty (the server has no hash) and reads the hash once mounted.
 */
export function useHashRoute(): string {
  const [route, setRoute] = useState('');
  useEffect(() => {
    const onChange = () => {
      // Text still held by a long field goes into the form before its section goes (no blur comes first when
      // the hash changes by the back button or a script).
      commitPendingTexts();
      setRoute(current());
    };
    onChange();
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
