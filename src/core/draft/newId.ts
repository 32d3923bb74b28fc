// Ids of drafts and attachments. crypto.randomUUID exists only in secure contexts (https, localhost) and from
// Chromium 92; uuid's v4 uses it where it exists and crypto.getRandomValues (there on plain http) elsewhere.
import { v4 } from 'uuid';

export function newId(): string {
  return v4();
}
