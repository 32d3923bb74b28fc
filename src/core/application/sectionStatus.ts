// Where each section of the form stands: untouched, with problems left, or complete.
import { emptyApplication, sections, splitPath, type Section } from './schema';
import type { Application, Issue } from './types';

export type SectionState = 'empty' | 'incomplete' | 'complete';

export interface SectionStatus {
  section: Section;
  state: SectionState;
  errors: Issue[];
  warnings: Issue[];
}

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const segment of splitPath(path)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Stable text of a value for comparison with the defaults; empty strings count as nothing typed. */
function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === '' ? undefined : v)) ?? '';
}

const pristine = emptyApplication();

export function issuesInSection(issues: readonly Issue[], section: Section): Issue[] {
  return issues.filter((issue) => section.paths.some((p) => issue.path === p || issue.path.startsWith(`${p}.`)));
}

export function sectionHasInput(app: Application, section: Section): boolean {
  return section.paths.some((p) => fingerprint(valueAt(app, p)) !== fingerprint(valueAt(pristine, p)));
}

export function sectionStatuses(app: Application, issues: readonly Issue[]): SectionStatus[] {
  return sections.map((section) => {
    const own = issuesInSection(issues, section);
    const errors = own.filter((i) => i.severity === 'error');
    const warnings = own.filter((i) => i.severity === 'warning');
    // Untouched stays "empty" even when nothing in it is required (签署意见), so nothing looks done that was never seen.
    const touched = sectionHasInput(app, section);
    const state: SectionState = !touched ? 'empty' : errors.length === 0 ? 'complete' : 'incomplete';
    return { section, state, errors, warnings };
  });
}
