import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sections } from '../core/application/schema';
import { sectionHasInput, sectionStatuses } from '../core/application/sectionStatus';
import type { Application, NoticeContext } from '../core/application/types';
import { uiSchemaFor } from '../core/application/uiSchema';
import { validateApplication } from '../core/application/validate';
import validateFns from '../generated/validate-application.js';
import { memoryStore, type ApplicationStore } from '../io/application-store';
import { ImportExport } from './ImportExport';
import { ReviewPage } from './ReviewPage';
import { SectionNav } from './SectionNav';
import { SectionView } from './SectionView';
import { useApplication } from './hooks/useApplication';
import { useHashRoute } from './hooks/useHashRoute';

const schemaValidate = validateFns['application'];
if (!schemaValidate) throw new Error('src/generated/validate-application.js lacks the "application" validator');
const checkSchema = schemaValidate;

interface Props {
  noticeYear: number;
  noticeDate: string;
  store?: ApplicationStore;
}

/** The application workspace: sections of the form, the review page, import and export. */
export default function ApplyApp({ noticeYear, noticeDate, store }: Props) {
  const ctx: NoticeContext = useMemo(() => ({ noticeYear, noticeDate }), [noticeYear, noticeDate]);
  const storeRef = useRef(store ?? memoryStore());
  const { app, loaded, setApp } = useApplication(storeRef.current);
  const route = useHashRoute();
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());

  const issues = useMemo(() => validateApplication(app, ctx, checkSchema), [app, ctx]);
  const statuses = useMemo(() => sectionStatuses(app, issues), [app, issues]);
  const uiSchema = useMemo(() => uiSchemaFor(app.studio.type, ctx), [app.studio.type, ctx]);
  const hasInput = useMemo(() => sections.some((s) => sectionHasInput(app, s)), [app]);

  const index = statuses.findIndex((s) => s.section.id === route);
  const view = route === 'review' ? 'review' : (statuses[index]?.section.id ?? statuses[0]?.section.id ?? '');

  // A section's problems are shown once it has been left (or checked): not while it is being filled in first.
  const previousView = useRef(view);
  useEffect(() => {
    const left = previousView.current;
    previousView.current = view;
    if (left !== view && left !== 'review') setChecked((prev) => new Set(prev).add(left));
    if (view === 'review') setChecked(new Set(sections.map((s) => s.id)));
    // Move focus to the new heading so keyboard and screen-reader users land at the top of the section.
    if (left !== view) {
      document.getElementById('section-title')?.focus();
      window.scrollTo({ top: 0 });
    }
  }, [view]);

  const check = useCallback((id: string) => setChecked((prev) => new Set(prev).add(id)), []);
  const importApp = useCallback((next: Application) => {
    setApp(next);
    setChecked(new Set(sections.map((s) => s.id)));
  }, [setApp]);

  if (!loaded) return <p className="apply-loading" role="status">正在载入……</p>;

  const current = statuses.find((s) => s.section.id === view);
  const position = current ? statuses.indexOf(current) : -1;
  return (
    <div className="apply">
      <div className="apply-bar">
        <h1>在线填写申报</h1>
        <ImportExport app={app} hasInput={hasInput} onImport={importApp} />
      </div>
      <p className="notice-box notice-warning memory-warning" role="note">
        当前版本尚不能自动保存：刷新或关闭页面后，填写的内容会丢失。请随时点击“导出申报数据”保存到电脑，下次用“导入申报数据”继续填写。
      </p>
      <SectionNav statuses={statuses} current={view} />
      <section className="apply-main" aria-labelledby="section-title">
        {view === 'review' || !current ? (
          <ReviewPage app={app} ctx={ctx} statuses={statuses} />
        ) : (
          <SectionView
            key={current.section.id}
            status={current}
            previous={statuses[position - 1]}
            next={statuses[position + 1]}
            app={app}
            ctx={ctx}
            uiSchema={uiSchema}
            checked={checked.has(current.section.id)}
            onChange={setApp}
            onCheck={() => check(current.section.id)}
          />
        )}
      </section>
    </div>
  );
}
