import { useCallback, useEffect, useRef, useState } from 'react';
import { restoreApplication } from '../../core/application/importJson';
import { emptyApplication } from '../../core/application/schema';
import { isBlankApplication } from '../../core/draft/blank';
import { newDraft } from '../../core/draft/restore';
import type { Draft } from '../../core/draft/types';
import { listen } from '../../io/drafts/channel';
import { acquireDraftLock, type DraftLock } from '../../io/drafts/draftLock';
import { openRepository } from '../../io/drafts/openRepository';
import type { DraftRepository } from '../../io/drafts/repository';
import type { StoreError } from '../../io/drafts/storeError';
import { toStoreError } from '../../io/drafts/storeError';
import { clearUnsaved, readUnsaved } from '../../io/drafts/unsavedBackup';

export type DraftSession =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
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
  await repository.saveData(draft.id, restored.data, { title: draft.title, updatedAt: copy.at });
  clearUnsaved(draft.id);
  return { ...draft, data: restored.data, updatedAt: copy.at };
}

function draftIdInUrl(): string | null {
  return new URLSearchParams(window.location.search).get('d');
}

/**
 * Opens the draft named in the URL (?d=…). Without one: the only real draft (blank ones aside), or a new one
 * when there is none; with several the user picks on the drafts page.
 */
export function useDraftSession(draftsUrl: string): { session: DraftSession; takeOver: () => void; reload: () => void } {
  const [session, setSession] = useState<DraftSession>({ phase: 'loading' });
  const lock = useRef<DraftLock | null>(null);

  const lost = useCallback(() => {
    setSession((s) => (s.phase === 'ready' ? { ...s, readOnly: true } : s));
  }, []);

  useEffect(() => {
    let live = true;
    (async () => {
      const { repository, fallback } = await openRepository();
      let draft: Draft;
      const requested = draftIdInUrl();
      if (requested) {
        draft = await repository.get(requested);
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
        if (existing) {
          draft = existing;
        } else {
          draft = newDraft(emptyApplication(), new Date().toISOString(), crypto.randomUUID());
          await repository.add(draft);
        }
        window.history.replaceState(null, '', `?d=${encodeURIComponent(draft.id)}${window.location.hash}`);
      }
      const acquired = await acquireDraftLock(draft.id, lost);
      if (!live) {
        acquired.release();
        return;
      }
      lock.current = acquired;
      if (acquired.held) draft = await applyUnsavedCopy(repository, draft);
      if (live) setSession({ phase: 'ready', repository, fallback, draft, readOnly: !acquired.held, generation: 0 });
    })().catch((error: unknown) => {
      if (live) setSession({ phase: 'failed', message: toStoreError(error).message });
    });
    return () => {
      live = false;
      lock.current?.release();
    };
  }, [draftsUrl, lost]);

  const current = useRef(session);
  current.current = session;
  const reload = useCallback(() => {
    const s = current.current;
    if (s.phase !== 'ready') return;
    s.repository
      .get(s.draft.id)
      .then((draft) => setSession((now) => (now.phase === 'ready' ? { ...now, draft, generation: now.generation + 1 } : now)))
      .catch((error: unknown) => setSession({ phase: 'failed', message: toStoreError(error).message }));
  }, []);

  // A read-only tab follows the editing tab's saves.
  const readOnly = session.phase === 'ready' && session.readOnly;
  const draftId = session.phase === 'ready' ? session.draft.id : null;
  useEffect(() => {
    if (!readOnly || draftId === null) return undefined;
    return listen((event) => {
      if (event.type === 'saved' && event.draftId === draftId) reload();
    });
  }, [readOnly, draftId, reload]);

  const takeOver = useCallback(() => {
    if (draftId === null) return;
    void acquireDraftLock(draftId, lost, true).then((acquired) => {
      lock.current?.release();
      lock.current = acquired;
      setSession((s) => (s.phase === 'ready' ? { ...s, readOnly: !acquired.held } : s));
      reload();
    });
  }, [draftId, lost, reload]);

  return { session, takeOver, reload };
}
