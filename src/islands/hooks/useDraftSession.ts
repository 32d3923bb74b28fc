import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { restoreApplication } from '../../core/application/importJson';
import { emptyApplication } from '../../core/application/schema';
import { isBlankApplication } from '../../core/draft/blank';
import { defaultDraftTitle, newDraft } from '../../core/draft/restore';
import type { Draft } from '../../core/draft/types';
import { listen } from '../../io/drafts/channel';
import { acquireDraftLock, type DraftLock } from '../../io/drafts/draftLock';
import { openRepository } from '../../io/drafts/openRepository';
import type { DraftRepository } from '../../io/drafts/repository';
import type { StoreError } from '../../io/drafts/storeError';
import { toStoreError } from '../../io/drafts/storeError';
import { clearUnsaved, listUnsaved, readUnsaved, type UnsavedCopy } from '../../io/drafts/unsavedBackup';
import { newId } from '../../core/draft/newId';

export type DraftSession =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  /** The draft is gone from storage but its synchronous copy is here: offered, never applied unasked. */
  | { phase: 'backup'; copy: UnsavedCopy; restore: () => void; discard: () => void }
  | {
      phase: 'ready';
      repository: DraftRepository;
      /** Set when drafts live only in memory (no IndexedDB), with the reason. */
      fallback: StoreError | null;
      draft: Draft;
      /** Another tab edits this draft; this one only shows it. */
      readOnly: boolean;
      /** Changes whenever the draft is reloaded from storage, so the editor starts afresh. */
      generation: number;
      /** Counts the times the database was deleted or cleared under this page: the editor then saves again. */
      resets: number;
    };

/** A newer copy written synchronously when the page was closed mid-save wins over the stored one. */
async function applyUnsavedCopy(repository: DraftRepository, draft: Draft): Promise<Draft> {
  const copy = readUnsaved(draft.id);
  if (!copy) return draft;
  if (copy.at <= draft.updatedAt) {
    clearUnsaved(draft.id);
    return draft;
  }
  const restored = restoreApplication(copy.data);
  if (!restored.ok) {
    clearUnsaved(draft.id);
    return draft;
  }
  await repository.saveData(draft.id, restored.data, { updatedAt: copy.at });
  clearUnsaved(draft.id);
  return { ...draft, data: restored.data, updatedAt: copy.at };
}

/** A draft again from its synchronous copy, under its own id, stored at once. */
async function draftFromCopy(repository: DraftRepository, copy: UnsavedCopy): Promise<Draft> {
  const restored = restoreApplication(copy.data);
  if (!restored.ok) throw new Error(`这份未保存的草稿无法读取：${restored.message}`);
  const draft = { ...newDraft(restored.data, copy.at, copy.draftId), title: copy.title ?? defaultDraftTitle(restored.data, copy.at) };
  await repository.add(draft);
  clearUnsaved(copy.draftId);
  return draft;
}

function errorText(error: unknown): string {
  return error instanceof Error && !(error instanceof DOMException) && /[\u4e00-\u9fff]/.test(error.message) ? error.message : toStoreError(error).message;
}

function isGone(error: unknown): boolean {
  const code = toStoreError(error).code;
  return code === 'not-found' || code === 'deleted';
}

function draftIdInUrl(): string | null {
  return new URLSearchParams(window.location.search).get('d');
}

/**
 * Opens the draft named in the URL (?d=…). Without one: the only real draft (blank ones aside), or a new one
 * when there is none; with several the user picks on the drafts page.
 */
export function useDraftSession(draftsUrl: string): { session: DraftSession; takeOver: () => void; editorPending: MutableRefObject<() => boolean> } {
  const [session, setSession] = useState<DraftSession>({ phase: 'loading' });
  const lock = useRef<DraftLock | null>(null);

  const lost = useCallback(() => {
    setSession((s) => (s.phase === 'ready' ? { ...s, readOnly: true } : s));
  }, []);

  useEffect(() => {
    let live = true;
    const onReset = () => setSession((s) => (s.phase === 'ready' ? { ...s, resets: s.resets + 1 } : s));
    const start = async (repository: DraftRepository, fallback: StoreError | null, found: Draft) => {
      let draft = found;
      const acquired = await acquireDraftLock(draft.id, lost);
      if (!live) {
        acquired.release();
        return;
      }
      lock.current = acquired;
      if (acquired.held) draft = await applyUnsavedCopy(repository, draft);
      if (live) setSession({ phase: 'ready', repository, fallback, draft, readOnly: !acquired.held, generation: 0, resets: 0 });
    };
    const fail = (error: unknown) => {
      if (live) setSession({ phase: 'failed', message: errorText(error) });
    };
    const offer = (repository: DraftRepository, fallback: StoreError | null, copy: UnsavedCopy, otherwise: () => void) =>
      setSession({
        phase: 'backup',
        copy,
        restore: () => {
          setSession({ phase: 'loading' });
          draftFromCopy(repository, copy)
            .then((draft) => {
              window.history.replaceState(null, '', `?d=${encodeURIComponent(draft.id)}${window.location.hash}`);
              return start(repository, fallback, draft);
            })
            .catch(fail);
        },
        discard: () => {
          clearUnsaved(copy.draftId);
          otherwise();
        },
      });
    (async () => {
      const { repository, fallback } = await openRepository({ onReset });
      let draft: Draft;
      const requested = draftIdInUrl();
      if (requested) {
        try {
          draft = await repository.get(requested);
        } catch (error) {
          const copy = isGone(error) ? readUnsaved(requested) : null;
          if (!copy) throw error;
          offer(repository, fallback, copy, () => fail(error));
          return;
        }
      } else {
        const { drafts } = await repository.list();
        const active = drafts.filter((d) => d.deletedAt === undefined);
        // Blank drafts (opened once, never written in) do not count: with one real draft, that one opens.
        const real: Draft[] = [];
        for (const d of active) if (!isBlankApplication(d.data) || (await repository.attachments(d.id)).length > 0) real.push(d);
        if (real.length > 1) {
          window.location.replace(draftsUrl);
          return;
        }
        const existing = real[0] ?? active[0];
        const orphan = existing ? undefined : listUnsaved().find((c) => !drafts.some((d) => d.id === c.draftId));
        if (orphan) {
          offer(repository, fallback, orphan, () => window.location.reload());
          return;
        }
        if (existing) {
          draft = existing;
        } else {
          draft = newDraft(emptyApplication(), new Date().toISOString(), newId());
          await repository.add(draft);
        }
        window.history.replaceState(null, '', `?d=${encodeURIComponent(draft.id)}${window.location.hash}`);
      }
      await start(repository, fallback, draft);
    })().catch(fail);
    return () => {
      live = false;
      lock.current?.release();
    };
  }, [draftsUrl, lost]);

  const current = useRef(session);
  current.current = session;
  // Reads can overlap (a takeover's and another tab's save): only the newest read is shown, never an older one
  // that resolves late.
  const reads = useRef({ started: 0, shown: 0 });
  const reload = useCallback(() => {
    const s = current.current;
    if (s.phase !== 'ready') return;
    const seq = ++reads.current.started;
    s.repository
      .get(s.draft.id)
      .then((draft) => {
        if (seq < reads.current.shown) return;
        reads.current.shown = seq;
        setSession((now) => (now.phase === 'ready' ? { ...now, draft, generation: now.generation + 1 } : now));
      })
      .catch((error: unknown) => setSession({ phase: 'failed', message: errorText(error) }));
  }, []);

  // Another tab's save is shown here: always in a read-only tab, and in the editing tab when nothing typed here is
  // pending (the tab that lost the draft writes its last edit after a takeover; a pending edit here is newer and
  // wins). One listener for both, so no save falls between the two roles.
  const readOnly = session.phase === 'ready' && session.readOnly;
  const draftId = session.phase === 'ready' ? session.draft.id : null;
  const readOnlyNow = useRef(readOnly);
  readOnlyNow.current = readOnly;
  const editorPending = useRef<() => boolean>(() => false);
  useEffect(() => {
    if (draftId === null) return undefined;
    return listen((event) => {
      if (event.type === 'saved' && event.draftId === draftId && (readOnlyNow.current || !editorPending.current())) reload();
    });
  }, [draftId, reload]);

  const takeOver = useCallback(() => {
    if (draftId === null) return;
    void acquireDraftLock(draftId, lost, true).then((acquired) => {
      lock.current?.release();
      lock.current = acquired;
      setSession((s) => (s.phase === 'ready' ? { ...s, readOnly: !acquired.held } : s));
      reload();
    });
  }, [draftId, lost, reload]);

  return { session, takeOver, editorPending };
}
