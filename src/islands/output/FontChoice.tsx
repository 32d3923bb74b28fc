import { useState } from 'react';
import { isLocalFontAccessSupported, pickLocalFangSong, readFontFile } from '../../io/fonts';
import { FilePicker } from '../FilePicker';

export interface ChosenFont {
  name: string;
  bytes: ArrayBuffer;
}

/** 填表说明9 asks for 仿宋: the bundled font is the default; the user's own 仿宋 can be used instead. */
export function FontChoice({ chosen, onChange }: { chosen: ChosenFont | null; onChange: (font: ChosenFont | null) => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const supported = isLocalFontAccessSupported();
  return (
    <section className="output-block" aria-labelledby="font-title">
      <h3 id="font-title">字体</h3>
      <p>
        当前使用：<strong>{chosen ? `本机字体 ${chosen.name}` : '网站内置的思源宋体（Noto Serif SC，开源字体）'}</strong>。
        填表说明9要求使用仿宋小四号字；Windows 电脑自带仿宋，可改用本机仿宋生成。
      </p>
      <p className="output-actions">
        {supported && (
          <button
            type="button"
            className="btn"
            onClick={() =>
              void pickLocalFangSong().then((result) => {
                if (result.ok) {
                  onChange({ name: result.font.fullName, bytes: result.font.bytes });
                  setMessage(null);
                } else setMessage(result.message);
              })
            }
          >
            使用本机仿宋
          </button>
        )}
        <FilePicker
          accept=".ttf,.ttc,font/ttf"
          onFiles={([file]) => {
            if (!file) return;
            void readFontFile(file).then((result) => {
              if (result.ok) {
                onChange({ name: result.font.fullName, bytes: result.font.bytes });
                setMessage(null);
              } else setMessage(`“${file.name}”不能使用：${result.message}`);
            });
          }}
        >
          选择字体文件（.ttf）
        </FilePicker>
        {chosen && <button type="button" className="btn" onClick={() => onChange(null)}>改回内置字体</button>}
      </p>
      {message && <p className="notice-box notice-error" role="alert">{message}</p>}
    </section>
  );
}
