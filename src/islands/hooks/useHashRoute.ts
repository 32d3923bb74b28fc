import { useEffect, useState } from 'react';

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
    const onChange = () => setRoute(current());
    onChange();
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
