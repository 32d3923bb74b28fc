import type { FieldPathList } from '@rjsf/utils';

/** What the theme needs from the app: which part of the one big form the current section shows. */
export interface FormContext {
  /** True when a field or one of its ancestors/descendants belongs to the current section. */
  isVisible: (path: FieldPathList) => boolean;
  /** True when the object at this path is the section itself or contains it: the section's heading frames it. */
  isSectionFrame: (path: FieldPathList) => boolean;
}

export function pathIsArrayItem(path: FieldPathList): boolean {
  return typeof path[path.length - 1] === 'number';
}

export function parentIsArrayItem(path: FieldPathList): boolean {
  return typeof path[path.length - 2] === 'number';
}
