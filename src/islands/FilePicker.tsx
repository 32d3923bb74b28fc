import { useId, type ReactNode } from 'react';

interface Props {
  /** The button's text, also the file control's accessible name. */
  children: ReactNode;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  className?: string;
  onFiles: (files: File[]) => void;
}

/**
 * A file control shown as a button: the label is what one sees and clicks, the input stays in the page
 * (visually hidden) for the keyboard and screen readers. The input is cleared after each pick so that
 * choosing the same file again still counts.
 */
export function FilePicker({ children, accept, multiple = false, disabled = false, className = 'btn', onFiles }: Props) {
  const id = useId();
  return (
    <span className="file-picker">
      <label className={className} htmlFor={id}>{children}</label>
      <input
        id={id}
        type="file"
        className="visually-hidden"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </span>
  );
}
