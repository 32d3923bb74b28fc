import { useState } from 'react';

/** An unexpected error's own text, behind 详情: for whoever helps the user, never the message itself. */
export function ErrorDetails({ details }: { details: string | undefined }) {
  const [open, setOpen] = useState(false);
  if (details === undefined) return null;
  return (
    <span className="error-details">
      {' '}
      <button type="button" className="btn-link" aria-expanded={open} onClick={() => setOpen(!open)}>详情</button>
      {open && <code>{details}</code>}
    </span>
  );
}
