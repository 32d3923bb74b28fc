import { useMemo, type MutableRefObject } from 'react';
import type { NoticeContext } from '../core/application/types';
import type { FormTemplate, OutlineTemplate } from '../core/pdf/documents/template';
import type { SubmissionFacts } from '../core/application/facts';
import { BackupOffer } from './drafts/BackupOffer';
import { UpdateNotice } from './UpdateNotice';
import { Workspace } from './Workspace';
import { useDraftSession, type DraftSession } from './hooks/useDraftSession';

interface Props {
  noticeYear: number;
  noticeDate: string;
  /** The drafts page, under the site's base path. */
  draftsUrl: string;
  templates: { form: FormTemplate; outline: OutlineTemplate };
  facts: SubmissionFacts;
}

/** The application workspace: opens a draft from the browser's storage and edits it. */
export default function ApplyApp({ noticeYear, noticeDate, draftsUrl, templates, facts }: Props) {
  const ctx: NoticeContext = useMemo(() => ({ noticeYear, noticeDate }), [noticeYear, noticeDate]);
  const { session, takeOver, editorPending } = useDraftSession(draftsUrl);

  return (
    <>
      <UpdateNotice />
      <Session session={session} ctx={ctx} draftsUrl={draftsUrl} takeOver={takeOver} editorPending={editorPending} templates={templates} facts={facts} />
    </>
  );
}

type SessionProps = { session: DraftSession; ctx: NoticeContext; takeOver: () => void; editorPending: MutableRefObject<() => boolean> } & Pick<Props, 'draftsUrl' | 'templates' | 'facts'>;

function Session({ session, ctx, draftsUrl, takeOver, editorPending, templates, facts }: SessionProps) {
  // data-booting: public/compat/boot-watchdog.js waits for this line to go.
  if (session.phase === 'loading') return <p className="apply-loading" role="status" data-booting="">正在打开草稿……</p>;
  if (session.phase === 'backup') return <BackupOffer copy={session.copy} onRestore={session.restore} onDiscard={session.discard} />;
  if (session.phase === 'failed') {
    return (
      <div className="apply-loading notice-box notice-error" role="alert">
        <p>{session.message}</p>
        <p><a href={draftsUrl}>返回“我的申报草稿”</a></p>
      </div>
    );
  }
  return (
    <Workspace
      key={`${session.draft.id}:${session.generation}`}
      ctx={ctx}
      repository={session.repository}
      fallback={session.fallback}
      draft={session.draft}
      readOnly={session.readOnly}
      resets={session.resets}
      editorPending={editorPending}
      draftsUrl={draftsUrl}
      onTakeOver={takeOver}
      templates={templates}
      facts={facts}
    />
  );
}
