import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { valueAtPath, withRowInserted } from '../core/application/rows';
import { sections } from '../core/application/schema';
import { sectionStatuses } from '../core/application/sectionStatus';
import type { Application, NoticeContext } from '../core/application/types';
import { uiSchemaFor } from '../core/application/uiSchema';
import { validateApplication } from '../core/application/validate';
import { defaultDraftTitle } from '../core/draft/restore';
import { summarizeDraft } from '../core/draft/summary';
import type { Draft } from '../core/draft/types';
import { cleanApplication, describeFix } from '../core/application/cleanText';
import { announce, listen } from '../io/drafts/channel';
import type { DraftRepository } from '../io/drafts/repository';
import { toStoreError, type StoreError } from '../io/drafts/storeError';
import { clearUnsaved, writeUnsaved } from '../io/drafts/unsavedBackup';
import { ViewBoundary } from './ViewBoundary';
import { commitPendingTexts, hasPendingTexts } from './form/localText';
import { DraftBar } from './DraftBar';
import type { Step } from './NextStep';
import { SaveBar, type RemovedRow } from './SaveBar';
import { ReviewPage } from './ReviewPage';
import { SectionNav, VIEW_TITLES } from './SectionNav';
import { useUnprintable } from './useUnprintable';
import { SectionView } from './SectionView';
import { AttachmentsView } from './attachments/AttachmentsView';
import { useAttachments } from './hooks/useAttachments';
import type { SubmissionFacts } from '../core/application/facts';
import type { FormTemplate, OutlineTemplate } from '../core/pdf/documents/template';

// The PDF and package view loads only when opened: its code stays out of the form's first load.
const OutputView = lazy(() => import('./output/OutputView'));
import { useAutosave } from './hooks/useAutosave';
import { useHashRoute } from './hooks/useHashRoute';

/** Views of the workspace beside the form's sections, in the order of the path after them. */
const ATTACHMENTS_STEP: Step = { id: 'attachments', title: '附件材料' };
const EXTRA_STEPS: readonly Step[] = [
  ATTACHMENTS_STEP,
  { id: 'review', title: '检查申报内容' },
  { id: 'output', title: '生成PDF与材料包' },
];
const EXTRA_VIEWS = EXTRA_STEPS.map((s) => s.id);
/** The whole path, one step after the other: every view ends with the next one. */
const PATH: readonly Step[] = [...sections.map((s) => ({ id: s.id, title: s.title })), ...EXTRA_STEPS];

function stepsAround(view: string): { previous: Step | undefined; next: Step | undefined } {
  const i = PATH.findIndex((s) => s.id === view);
  return { previous: i > 0 ? PATH[i - 1] : undefined, next: i >= 0 ? PATH[i + 1] : undefined };
}

interface Props {
  ctx: NoticeContext;
  repository: DraftRepository;
  fallback: StoreError | null;
  draft: Draft;
  readOnly: boolean;
  /** Counts the database's deletions under this page: each one makes the editor store the draft again. */
  resets: number;
  draftsUrl: string;
  onTakeOver: () => void;
  /** Set to whether something typed here is not yet stored: the session then keeps it over another tab's save. */
  editorPending: MutableRefObject<() => boolean>;
  templates: { form: FormTemplate; outline: OutlineTemplate };
  facts: SubmissionFacts;
}

/** One draft being edited: sections of the form, the review page, autosave. */
export function Workspace({ ctx, repository, fallback, draft, readOnly, resets, draftsUrl, onTakeOver, editorPending, templates, facts }: Props) {
  // Text comes in cleaned (lone surrogates, control and bidi characters, over-long text), whatever its source:
  // typed, pasted, imported or restored. Each fix is named to the person.
  const initial = useMemo(() => cleanApplication(draft.data), [draft.data]);
  const [app, setAppRaw] = useState<Application>(initial.app);
  const [fixes, setFixes] = useState<string[]>(() => initial.fixes.map(describeFix));
  const [storeNote, setStoreNote] = useState<string | null>(null);
  const setApp = useCallback((next: Application) => {
    const cleaned = cleanApplication(next);
    if (cleaned.fixes.length === 0) {
      setAppRaw(next);
      return;
    }
    setFixes(cleaned.fixes.map(describeFix));
    // rjsf keeps its own copy of the data and only takes a new one from a prop that changed: hand back what it
    // reported, then the cleaned data on the next turn (before any save, which waits for the debounce).
    setAppRaw(next);
    setTimeout(() => setAppRaw(cleaned.app), 0);
  }, []);
  const route = useHashRoute();
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());

  // The title follows the studio's name until the user renames the draft (here or on the drafts page).
  const [storedTitle, setStoredTitle] = useState(draft.title);
  const autoTitle = useRef(draft.title === defaultDraftTitle(draft.data, draft.createdAt));
  const title = autoTitle.current ? defaultDraftTitle(app, draft.createdAt) : storedTitle;
  const lastTitle = useRef(draft.title);

  const save = useCallback(
    async (data: Application) => {
      const updatedAt = new Date().toISOString();
      const next = autoTitle.current ? defaultDraftTitle(data, draft.createdAt) : undefined;
      try {
        // The drafts list's summary is made here, off the keystroke, so that listing never reads the data.
        const summary = summarizeDraft(data, ctx);
        await repository.saveData(draft.id, data, next === undefined ? { updatedAt, summary } : { updatedAt, title: next, titleWas: lastTitle.current, summary });
      } catch (error) {
        if (toStoreError(error).code !== 'deleted') throw error;
        // The whole database went (another page deleted it, site data was cleared): store what this page holds.
        await repository.add({ ...draft, title: next ?? lastTitle.current, updatedAt, data });
        setStoreNote(`${toStoreError(error).message}已用本页中的内容重新保存这份草稿；附件如已丢失，请重新添加。`);
      }
      if (next !== undefined) lastTitle.current = next;
      announce({ type: 'saved', draftId: draft.id, updatedAt });
    },
    [repository, draft, ctx],
  );
  // A draft deleted for good elsewhere (永久删除) leaves no copy of its personal data behind.
  const purged = useRef(false);
  const onUnsaved = useCallback(
    (data: Application, error?: unknown) => {
      if (error !== undefined && toStoreError(error).code === 'not-found') purged.current = true;
      if (purged.current) clearUnsaved(draft.id);
      else writeUnsaved(draft.id, data, new Date().toISOString(), lastTitle.current);
    },
    [draft.id],
  );
  const onSaved = useCallback(() => clearUnsaved(draft.id), [draft.id]);
  // Text still held by a long field (form/localText.ts) reaches the form before autosave's own hide listeners
  // write the unsaved copy and flush: these listeners are added first (useAutosave's effect runs after this one).
  useEffect(() => {
    const commit = () => commitPendingTexts();
    document.addEventListener('visibilitychange', commit);
    window.addEventListener('pagehide', commit);
    return () => {
      document.removeEventListener('visibilitychange', commit);
      window.removeEventListener('pagehide', commit);
    };
  }, []);
  const autosave = useAutosave({ value: app, enabled: !readOnly, save, onUnsaved: repository.persistent ? onUnsaved : () => undefined, onSaved });
  const { state: saveState, saveNow, pending, flush } = autosave;

  const unprintable = useUnprintable(app);

  // So that a first PDF made offline works: the font chunks of this draft's 申报表 and 申报材料 (every role), fetched
  // when idle (loaded apart from the form's code, without jsPDF).
  const appNow = useRef(app);
  appNow.current = app;
  useEffect(() => {
    void import('../io/fonts/prefetch').then(({ prefetchFontChunks }) =>
      prefetchFontChunks(async () => (await import('../core/pdf/documentTexts')).fontTexts({ kind: 'form', app: appNow.current, ctx, ...templates })),
    );
  }, [ctx, templates]);

  // Fixed on load (an import, a restored copy): store the cleaned text at once.
  useEffect(() => {
    if (initial.app !== draft.data && !readOnly) void saveNow();
  }, [initial, draft.data, readOnly, saveNow]);

  // The database was deleted or cleared under this page: put the draft back from memory.
  useEffect(() => {
    if (resets > 0 && !readOnly) void saveNow();
  }, [resets, readOnly, saveNow]);

  editorPending.current = useCallback(() => hasPendingTexts() || pending(), [pending]);

  // A rename on the drafts page is kept (and shown) by this open editor.
  useEffect(() => {
    if (readOnly) return undefined;
    return listen((event) => {
      if (event.type === 'renamed' && event.draftId === draft.id) {
        autoTitle.current = false;
        lastTitle.current = event.title;
        setStoredTitle(event.title);
      }
    });
  }, [readOnly, draft.id]);

  // A deleted table row can be put back for a while (like a draft in the recycle bin).
  const [removed, setRemoved] = useState<RemovedRow | null>(null);
  const onRemovingRow = useCallback((rowPath: string, what: string) => {
    const index = Number(rowPath.split('.').at(-1));
    setRemoved({ listPath: rowPath.replace(/\.\d+$/, ''), index, row: structuredClone(valueAtPath(appNow.current, rowPath)), what, at: Date.now() });
  }, []);
  const undoRemove = useCallback(() => {
    if (!removed) return;
    setAppRaw((a) => withRowInserted(a, removed.listPath, removed.index, removed.row));
    setRemoved(null);
  }, [removed]);

  // Checking the whole application on every keystroke would slow typing in long texts: let React check
  // a deferred copy, after the keystroke has painted.
  const checkedApp = useDeferredValue(app);
  const issues = useMemo(() => validateApplication(checkedApp, ctx), [checkedApp, ctx]);
  const statuses = useMemo(() => sectionStatuses(checkedApp, issues), [checkedApp, issues]);
  const uiSchema = useMemo(() => uiSchemaFor(app.studio.type, ctx), [app.studio.type, ctx]);

  const attachments = useAttachments(repository, draft.id, readOnly);

  const index = statuses.findIndex((s) => s.section.id === route);
  const view = EXTRA_VIEWS.includes(route) ? route : (statuses[index]?.section.id ?? statuses[0]?.section.id ?? '');

  // A section's problems are shown once it has been left (or checked): not while it is being filled in first.
  const previousView = useRef(view);
  useEffect(() => {
    const left = previousView.current;
    previousView.current = view;
    if (left !== view && !EXTRA_VIEWS.includes(left)) setChecked((prev) => new Set(prev).add(left));
    if (view === 'review' || view === 'output') setChecked(new Set(sections.map((s) => s.id)));
    // Move focus to the new heading so keyboard and screen-reader users land at the top of the section.
    if (left !== view) {
      document.getElementById('section-title')?.focus();
      window.scrollTo({ top: 0 });
    }
  }, [view]);

  const check = useCallback((id: string) => setChecked((prev) => new Set(prev).add(id)), []);
  const current = statuses.find((s) => s.section.id === view);
  return (
    <div className="apply">
      <DraftBar
        title={title}
        draft={draft}
        app={app}
        repository={repository}
        fallback={fallback}
        readOnly={readOnly}
        hasAttachments={attachments.list.length > 0}
        attachments={attachments.list}
        draftsUrl={draftsUrl}
        onTakeOver={onTakeOver}
      />
      <SaveBar
        state={saveState}
        persistent={repository.persistent}
        readOnly={readOnly}
        onSave={flush}
        removed={removed}
        onUndo={undoRemove}
        onDismiss={() => setRemoved(null)}
      />
      <SectionNav statuses={statuses} current={view} attachmentCount={attachments.list.length} unprintable={unprintable.length} />
      <section className="apply-main" aria-labelledby="section-title">
        {storeNote && <p className="notice-box notice-warning" role="alert">{storeNote}</p>}
        {fixes.length > 0 && (
          <div className="notice-box notice-warning" role="alert">
            {fixes.map((f) => <p key={f}>{f}</p>)}
            <p><button type="button" className="btn" onClick={() => setFixes([])}>知道了</button></p>
          </div>
        )}
        <ViewBoundary key={view} name={current?.section.title ?? VIEW_TITLES[view] ?? '本部分'}>
        {view === 'output' ? (
          <Suspense fallback={<p role="status">正在载入……</p>}>
            <OutputView app={app} ctx={ctx} issues={issues} attachments={attachments.list} form={templates.form} outline={templates.outline} facts={facts} steps={stepsAround('output')} />
          </Suspense>
        ) : view === 'attachments' ? (
          <AttachmentsView state={attachments} readOnly={readOnly} steps={stepsAround('attachments')} />
        ) : view === 'review' || !current ? (
          <ReviewPage app={app} ctx={ctx} statuses={statuses} attachments={attachments.list} issues={issues} unprintable={unprintable} steps={stepsAround('review')} />
        ) : (
          <fieldset className="workspace-fields" disabled={readOnly}>
            <SectionView
              key={current.section.id}
              status={current}
              previous={stepsAround(current.section.id).previous}
              next={stepsAround(current.section.id).next ?? ATTACHMENTS_STEP}
              app={app}
              ctx={ctx}
              uiSchema={uiSchema}
              checked={checked.has(current.section.id)}
              onChange={setApp}
              onCheck={() => check(current.section.id)}
              onRemovingRow={onRemovingRow}
            />
          </fieldset>
        )}
        </ViewBoundary>
      </section>
    </div>
  );
}
