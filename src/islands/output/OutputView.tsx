import { useEffect, useMemo, useState } from 'react';
import { preSendCheck, type UnprintableChar } from '../../core/attachments/preSend';
import type { Application, Issue, NoticeContext } from '../../core/application/types';
import type { FormTemplate, OutlineTemplate } from '../../core/pdf/documents/template';
import type { DraftAttachment } from '../../core/draft/types';
import { planFonts, prepareUserFont } from '../../core/pdf/fonts';
import { documentTexts } from '../../core/pdf/makePdf';
import { bundledFontBase, loadManifest } from '../../io/fonts';
import type { ChosenFont } from './chosenFont';
import { FontChoice } from './FontChoice';
import { NextStep, type Step } from '../NextStep';
import type { SubmissionFacts } from '../../core/application/facts';
import { Handoff } from './Handoff';
import { PackagePanel } from './PackagePanel';
import { PdfPanel } from './PdfPanel';
import { VolumePanel } from './VolumePanel';
import { WordPanel } from './WordPanel';

interface Props {
  app: Application;
  ctx: NoticeContext;
  issues: Issue[];
  attachments: DraftAttachment[];
  form: FormTemplate;
  outline: OutlineTemplate;
  facts: SubmissionFacts;
  steps: { previous: Step | undefined; next: Step | undefined };
}

/** 生成PDF与材料包: the pre-send check, the PDFs, the package and the hand-off to e-mail and paper. */
export default function OutputView({ app, ctx, issues, attachments, form, outline, facts, steps }: Props) {
  const [font, setFont] = useState<ChosenFont | null>(null);
  const [pdfs, setPdfs] = useState<Partial<Record<'form' | 'formA3' | 'materials', Blob>>>({});
  const [volume, setVolume] = useState<Blob | undefined>(undefined);
  const incomplete = issues.some((i) => i.severity === 'error');
  const job = useMemo(() => ({ app, ctx, form, outline, incomplete }), [app, ctx, form, outline, incomplete]);
  // A volume bound from other data or files is not offered to the package.
  useEffect(() => setVolume(undefined), [job, attachments]);
  const [unprintable, setUnprintable] = useState<UnprintableChar[]>([]);
  // Before anything is generated: the characters the chosen fonts cannot print, with their fields.
  useEffect(() => {
    let live = true;
    void loadManifest(bundledFontBase())
      .then((manifest) => {
        const user = font ? prepareUserFont(font.bytes) : null;
        const plan = planFonts(documentTexts({ ...job, kind: 'form' }), manifest, user?.ok ? [user.font] : []);
        if (live) setUnprintable(plan.unprintable.map((u) => ({ char: u.char, fields: u.fields.map((f) => ({ label: f.label })) })));
      })
      .catch(() => undefined); // offline without a cached manifest: the worker reports it when generating
    return () => {
      live = false;
    };
  }, [job, font]);
  const checks = useMemo(() => preSendCheck(app, issues, attachments.map((a) => a.meta), unprintable), [app, issues, attachments, unprintable]);
  return (
    <>
      <h2 id="section-title" tabIndex={-1}>生成PDF与材料包</h2>
      <section className="output-block" aria-labelledby="check-title">
        <h3 id="check-title">提交前检查</h3>
        {checks.length === 0 ? (
          <p className="notice-box notice-success" role="status">申报表已填写完整，视频、照片和证明材料齐全。</p>
        ) : (
          <ul className="checks">
            {checks.map((c) => (
              <li key={c.text} className={c.severity === 'error' ? 'check--error' : 'check--warning'}>
                <span className="check-state">{c.severity === 'error' ? '须修改' : '请留意'}</span> {c.text} <a href={`#${c.view}`}>去处理</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <FontChoice chosen={font} onChange={setFont} job={job} fontBase={bundledFontBase()} />
      <PdfPanel job={job} font={font} fontBase={bundledFontBase()} onMade={(kind, blob) => setPdfs((p) => ({ ...p, [kind]: blob }))} />
      <VolumePanel job={job} font={font} fontBase={bundledFontBase()} attachments={attachments} onMade={setVolume} />
      <WordPanel job={job} />
      <PackagePanel job={job} font={font} fontBase={bundledFontBase()} pdfs={pdfs} onPdf={(kind, blob) => setPdfs((p) => ({ ...p, [kind]: blob }))} volume={volume} onVolume={setVolume} attachments={attachments} />
      <Handoff app={app} ctx={ctx} facts={facts} />
      <NextStep previous={steps.previous} next={steps.next} />
    </>
  );
}
