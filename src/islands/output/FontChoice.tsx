import { useState } from 'react';
import { isLocalFontAccessSupported, pickLocalFangSong, readFontFile } from '../../io/fonts';
import type { PdfJob } from '../../core/pdf/makePdf';
import { FilePicker } from '../FilePicker';
import { OwnFontCopies } from './OwnFontCopies';
import type { ChosenFont } from './chosenFont';

interface Props {
  chosen: ChosenFont | null;
  onChange: (font: ChosenFont | null) => void;
  /** For the blank form and the notice made with the chosen font. */
  job: Omit<PdfJob, 'kind'>;
  fontBase: string;
}

/**
 * 填表说明9 asks for 仿宋: the bundled serif is the default body face; the user's own 仿宋 replaces it (and only
 * it: headings keep their 黑体, 楷体 and 小标宋 faces), also for the blank form and the notice.
 */
export function FontChoice({ chosen, onChange, job, fontBase }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const supported = isLocalFontAccessSupported();
  return (
    <section className="output-block" aria-labelledby="font-title">
      <h3 id="font-title">字体</h3>
      <p>
        正文当前使用：<strong>{chosen ? `本机字体 ${chosen.name}` : '网站内置的思源宋体（Noto Serif SC，开源字体）'}</strong>；标题使用内置的思源黑体、霞鹜文楷和思源宋体粗体（均为开源字体）。
      </p>
      <p>填表说明9要求使用仿宋小四号字：Windows 电脑自带仿宋，点“使用本机仿宋”或选择仿宋字体文件（.ttf）即可改用，它只替换正文，标题字体不变。</p>
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
      {chosen && <OwnFontCopies job={job} font={chosen} fontBase={fontBase} />}
    </section>
  );
}
