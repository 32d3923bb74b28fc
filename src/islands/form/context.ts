import type { FieldPathList } from '@rjsf/utils';

/** What happens to the rows of the form's lists, for undo and for keeping a fresh row's errors back. */
export interface RowEvents {
  /** A row was added at this dotted path ("team.members.3"): empty, it shows no errors until it is left. */
  added: (rowPath: string) => void;
  /** Focus left the row. */
  left: (rowPath: string) => void;
  /** The row is about to be deleted; `what` names it for the undo notice ("团队成员第2行"). */
  removing: (rowPath: string, what: string) => void;
}

/** What the theme needs from the app: which part of the one big form the current section shows. */
export interface FormContext {
  /** True when a field or one of its ancestors/descendants belongs to the current section. */
  isVisible: (path: FieldPathList) => boolean;
  /** True when the object at this path is the section itself or contains it: the section's heading frames it. */
  isSectionFrame: (path: FieldPathList) => boolean;
  rows?: RowEvents | undefined;
}

export function pathIsArrayItem(path: FieldPathList): boolean {
  return typeof path[path.length - 1] === 'number';
}

export function parentIsArrayItem(path: FieldPathList): boolean {
  return typeof path[path.length - 2] === 'number';
}

export function dottedPath(path: FieldPathList): string {
  return path.map(String).join('.');
}
