/** Moves focus to a field by its DOM id: the control itself, or the first control inside a group. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const target = el.matches('input, select, textarea, button')
    ? el
    : el.querySelector<HTMLElement>('input, select, textarea, button') ?? el;
  if (target === el && !el.matches('input, select, textarea, button')) el.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView({ block: 'center' });
}
