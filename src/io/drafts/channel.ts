// Tells other tabs of this site that a draft changed, so a read-only tab or the drafts list shows fresh data.

export type DraftEvent = { type: 'saved'; draftId: string; updatedAt: string } | { type: 'list-changed' };

const CHANNEL = 'lmcx-drafts';

export function announce(event: DraftEvent): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(event);
  channel.close();
}

export function listen(handler: (event: DraftEvent) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<DraftEvent>) => handler(e.data);
  return () => channel.close();
}
