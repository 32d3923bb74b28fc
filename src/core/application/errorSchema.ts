// Issues → rjsf's ErrorSchema ({ cover: { studioName: { __errors: [...] } } }), so the form shows each
// message under its field. Pure; the form decides which issues to pass.
import type { ErrorSchema } from '@rjsf/utils';
import { splitPath } from './schema';
import type { Issue } from './types';

type Node = { __errors?: string[]; [key: string]: unknown };

export function issuesToErrorSchema(issues: readonly Issue[]): ErrorSchema {
  const root: Node = {};
  for (const issue of issues) {
    let node = root;
    for (const segment of splitPath(issue.path)) {
      // Paths come from our own schema walk, but a guard keeps a hostile key from touching prototypes.
      if (segment === '__proto__' || segment === 'constructor' || segment === 'prototype') break;
      const next = Object.hasOwn(node, segment) ? node[segment] : undefined;
      const child: Node = next !== null && typeof next === 'object' ? (next as Node) : {};
      node[segment] = child;
      node = child;
    }
    node.__errors = [...(node.__errors ?? []), issue.message];
  }
  return root as ErrorSchema;
}

/** The DOM id rjsf gives the control at a path (idPrefix "root", separator "_"). */
export function fieldIdOf(path: string): string {
  return ['root', ...splitPath(path)].join('_');
}
