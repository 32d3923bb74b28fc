// The page being filled: its content box and the vertical position reached in it.

import { EPS } from './geometry';
import type { PageData, PageItem, PageSpec } from './types';

/** Why a page began: the first page, a page break asked for by the content, or running out of room. */
export type PageStart = 'first' | 'explicit' | 'overflow';

export class PageCursor {
  readonly pages: PageData[] = [];
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  page: PageData;
  y: number;
  startedBy: PageStart = 'first';

  constructor(readonly spec: PageSpec) {
    const { width, height, margins } = spec;
    this.left = margins.left;
    this.right = width - margins.right;
    this.top = margins.top;
    this.bottom = height - margins.bottom;
    if (!(this.right - this.left > 0) || !(this.bottom - this.top > 0)) {
      throw new RangeError(`flow: the margins leave no room on a ${width} × ${height} page`);
    }
    this.page = { width, height, items: [] };
    this.pages.push(this.page);
    this.y = this.top;
  }

  /** Width of the content box. */
  get width(): number {
    return this.right - this.left;
  }

  /** Height of the content box of any page. */
  get bodyHeight(): number {
    return this.bottom - this.top;
  }

  /** Room left on this page below y. */
  get remaining(): number {
    return this.bottom - this.y;
  }

  /** Something was placed on this page (or space was taken on it). */
  get used(): boolean {
    return this.page.items.length > 0 || this.y > this.top + EPS;
  }

  newPage(reason: Exclude<PageStart, 'first'>): void {
    this.page = { width: this.spec.width, height: this.spec.height, items: [] };
    this.pages.push(this.page);
    this.y = this.top;
    this.startedBy = reason;
  }

  add(...items: PageItem[]): void {
    this.page.items.push(...items);
  }

  /** Space before a block: taken if it fits; otherwise the block starts on the next page without it. Space is
   * dropped at the top of a page that began because the previous one was full. */
  spaceBefore(space: number): void {
    if (space <= 0) return;
    if (!this.used && this.startedBy === 'overflow') return;
    if (this.y + space > this.bottom + EPS) this.newPage('overflow');
    else this.y += space;
  }

  /** Space after a block: taken up to the bottom of the page, never carried over. */
  spaceAfter(space: number): void {
    if (space > 0) this.y = Math.min(this.y + space, this.bottom);
  }
}
