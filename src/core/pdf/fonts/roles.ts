// The faces of the official documents (GB/T 9704 and the notice): 标题 小标宋, 一级标题 黑体, 二级标题 楷体,
// 正文 仿宋. A layout style and its size give the role; the PDF and the Word writer both map styles through it.
import type { FontStyle } from '../layout/types';

/** 'title' is a 宋 line of 二号 (22 pt) or larger: 小标宋. A smaller 宋 line (page numbers) stays 宋体. */
export type FontRole = FontStyle | 'title';

/** Roles with their own bundled face; 'fangsong' and 'song' print with the main serif (or the user's 仿宋). */
export const BUNDLED_ROLES = ['hei', 'kai', 'title'] as const;
export type BundledRole = (typeof BUNDLED_ROLES)[number];

const TITLE_MIN_SIZE = 22;

export function fontRole(style: FontStyle, size: number): FontRole {
  return style === 'song' && size >= TITLE_MIN_SIZE ? 'title' : style;
}

export function isBundledRole(value: unknown): value is BundledRole {
  return typeof value === 'string' && (BUNDLED_ROLES as readonly string[]).includes(value);
}
