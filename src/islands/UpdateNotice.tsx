import { useEffect, useState } from 'react';
import { registerServiceWorker } from '../io/serviceWorker';

/** Registers the offline copy and says so plainly when a new version of the site is ready. */
export function UpdateNotice() {
  const [activate, setActivate] = useState<(() => void) | null>(null);
  useEffect(() => registerServiceWorker((fn) => setActivate(() => fn)), []);
  if (!activate) return null;
  return (
    <p className="notice-box notice-info update-notice" role="status">
      网站已更新。刷新后使用新版本（已填写的内容已自动保存，不会丢失）。{' '}
      <button type="button" className="btn" onClick={activate}>立即刷新</button>
    </p>
  );
}
