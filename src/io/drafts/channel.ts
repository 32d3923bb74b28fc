// Tells other tabs of this site that a draft changed, so a read-only tab, an editing tab or the drafts list
// shows fresh data. Every message carries the sending tab's id: a tab ignores its own.

export type DraftEvent =
  | { type: 'saved'; draftId: string; updatedAt: string }
  | { type: 'renamed'; draftId: string; title: string }
  | { type: 'list-changed' };

type Message = DraftEvent & { from: string };

const CHANNEL = 'lmcx-drafts';
const TAB_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

export function announce(event: DraftEvent): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ ...event, from: TAB_ID } satisfies Message);
  channel.close();
}

/** Events from other tabs only. */
export function listen(handler: (event: DraftEvent) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<Message>) => {
    if (e.data.from !== TAB_ID) handler(e.data);
  };
  return () => channel.close();
}
