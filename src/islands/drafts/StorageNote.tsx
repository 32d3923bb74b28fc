import { useEffect, useState } from 'react';
import { formatBytes } from '../../core/bytes';
import { isSecureSite, PLAIN_HTTP_NOTE } from '../../io/serviceWorker';
import { requestPersistence, storageInfo, type StorageInfo } from '../../io/storageInfo';

/** What is stored, whether the browser promised to keep it, and what can still erase it. */
export function StorageNote({ persistent, refreshKey }: { persistent: boolean; refreshKey: number }) {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const [plainHttp, setPlainHttp] = useState(false);
  useEffect(() => {
    setPlainHttp(!isSecureSite());
    let live = true;
    void requestPersistence()
      .then(() => storageInfo())
      .then((i) => live && setInfo(i));
    return () => {
      live = false;
    };
  }, [refreshKey]);
  return (
    <section className="storage-note" aria-labelledby="storage-title">
      <h2 id="storage-title">草稿保存在哪里</h2>
      <p>
        草稿只保存在<strong>本电脑的这个浏览器</strong>中，不上传任何服务器。
        {persistent && info?.usage != null && info.quota != null && <>目前占用 {formatBytes(info.usage)}，浏览器允许本网站使用约 {formatBytes(info.quota)}。</>}
        {persistent && info?.persisted === true && '浏览器已同意长期保留这些数据。'}
        {persistent && info?.persisted === false && '浏览器尚未同意长期保留这些数据，存储空间紧张时可能被清理。'}
      </p>
      {plainHttp && <p className="plain-http-note">{PLAIN_HTTP_NOTE}</p>}
      <p>以下情况仍会清除草稿：清除浏览器数据（历史记录、Cookie 和网站数据）；使用无痕/隐私窗口（关闭窗口即清除）；Safari 浏览器 7 天未访问本网站。换电脑或换浏览器也看不到这些草稿。</p>
      <p><strong>最稳妥的备份是“导出草稿文件”</strong>：它包含全部填写内容和附件，可在任何电脑上用“导入草稿文件”继续填写。</p>
    </section>
  );
}
