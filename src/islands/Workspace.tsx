import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { valueAtPath, withRowInserted } from '../core/application/rows';
import { sections } from '../core/application/schema';
import { sectionStatuses } from '../core/application/sectionStatus';
import type { Application, NoticeContext } from '../core/application/types';
import { uiSchemaFor } from '../core/application/uiSchema';
import { validateApplication } from '../core/application/validate';
import { defaultDraftTitle } from '../core/draft/restore';
import type { Draft } from '../core/draft/types';
import validateFns from '../generated/validate-application.js';
import { announce } from '../io/drafts/channel';
import type { DraftRepository } from '../io/drafts/repository';
import type { StoreError } from '../io/drafts/storeError';
import { writeUnsaved } from '../io/drafts/unsavedBackup';
import { DraftBar } from './DraftBar';
import type { Step } from './NextStep';
import { SaveBar, type RemovedRow } from './SaveBar';
import { ReviewPage } from './ReviewPage';
import { SectionNav } from './SectionNav';
import { SectionView } from './SectionView';
import { AttachmentsView } from './attachments/AttachmentsView';
import { useAttachments } from './hooks/useAttachments';
import type { SubmissionFacts } from './output/Handoff';
import type { FormTemplate, OutlineTemplate } from '../core/pdf/documents/template';

// The PDF and package view loads only when opened: its code stays out of the form's first load.
const OutputView = lazy(() => import('./output/OutputView'));
import { useAutosave } from './hooks/useAutosave';
import { useHashRoute } from './hooks/useHashRoute';

const schemaValidate = validateFns['application'];
if (!schemaValidate) throw new Error('src/generated/validate-application.js lacks the "application" validator');
const checkSchema = schemaValidate;

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
  draftsUrl: string;
  onTakeOver: () => void;
  templates: { form: FormTemplate; outline: OutlineTemplate };
  facts: SubmissionFacts;
}

/** One draft being edited: sections of the form, the review page, autosave. */
export function Workspace({ ctx, repository, fallback, draft, readOnly, draftsUrl, onTakeOver, templates, facts }: Props) {
  const [app, setApp] = useState<Application>(draft.data);
  const route = useHashRoute();
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());

  // The title follows the studio's name until the user renames the draft.
  const autoTitle = useRef(draft.title === defaultDraftTitle(draft.data, draft.createdAt));
  const title = autoTitle.current ? defaultDraftTitle(app, draft.createdAt) : draft.title;

  const save = useCallback(
    async (data: Application) => {
      const updatedAt = new Date().toISOString();
      await repository.saveData(draft.id, data, { title: autoTitle.current ? defaultDraftTitle(data, draft.createdAt) : draft.title, updatedAt });
      announce({ type: 'saved', draftId: draft.id, updatedAt });
    },
    [repository, draft.id, draft.createdAt, draft.title],
  );
  const onHide = useCallback((data: Application) => writeUnsaved(draft.id, data, new Date().toISOString()), [draft.id]);
  const { state: saveState, flush } = useAutosave({ value: app, enabled: !readOnly, save, onHide: repository.persistent ? onHide : () => undefined });

  // A deleted table row can be put back for a while (like a draft in the recycle bin).
  const appRef = useRef(app);
  appRef.current = app;
  const [removed, setRemoved] = useState<RemovedRow | null>(null);
  const onRemovingRow = useCallback((rowPath: string, what: string) => {
    const index = Number(rowPath.split('.').at(-1));
    setRemoved({ listPath: rowPath.replace(/\.\d+$/, ''), index, row: structuredClone(valueAtPath(appRef.current, rowPath)), what, at: Date.now() });
  }, []);
  const undoRemove = useCallback(() => {
    if (!removed) return;
    setApp((a) => withRowInserted(a, removed.listPath, removed.index, removed.row));
    setRemoved(null);
  }, [removed]);

  // Checking the whole application on every keystroke would slow typing in long texts: let React check
  // a deferred copy, after the keystroke has painted.
  const checkedApp = useDeferredValue(app);
  const issues = useMemo(() => validateApplication(checkedApp, ctx, checkSchema), [checkedApp, ctx]);
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
      <SectionNav statuses={statuses} current={view} attachmentCount={attachments.list.length} />
      <section className="apply-main" aria-labelledby="section-title">
        {view === 'output' ? (
          <Suspense fallback={<p role="status">正在载入……</p>}>
            <OutputView app={app} ctx={ctx} issues={issues} attachments={attachments.list} form={templates.form} outline={templates.outline} facts={facts} steps={stepsAround('output')} />
          </Suspense>
        ) : view === 'attachments' ? (
          <AttachmentsView state={attachments} readOnly={readOnly} steps={stepsAround('attachments')} />
        ) : view === 'review' || !current ? (
          <ReviewPage app={app} ctx={ctx} statuses={statuses} attachments={attachments.list} issues={issues} steps={stepsAround('review')} />
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
      </section>
    </div>
  );
}
