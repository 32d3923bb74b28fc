import { useEffect, useState } from 'react';
import { isSecureSite, PLAIN_HTTP_NOTE, registerServiceWorker } from '../io/serviceWorker';

/**
 * Registers the offline copy and says so plainly when a new version of the site is ready; over plain http, where
 * there is no offline copy, says that once instead.
 */
export function UpdateNotice() {
  const [activate, setActivate] = useState<(() => void) | null>(null);
  const [plainHttp, setPlainHttp] = useState(false);
  useEffect(() => {
    setPlainHttp(!isSecureSite());
    registerServiceWorker((fn) => setActivate(() => fn));
  }, []);
  if (plainHttp) return <p className="plain-http-note">{PLAIN_HTTP_NOTE}</p>;
  if (!activate) return null;
  return (
    <p className="notice-box notice-info update-notice" role="status">
      网站已更新。刷新后使用新版本（已填写的内容已自动保存，不会丢失）。{' '}
      <button type="button" className="btn" onClick={activate}>立即刷新</button>
    </p>
  );
}
