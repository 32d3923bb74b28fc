import { useState, type ReactNode } from 'react';
import { FilePicker } from '../FilePicker';

interface Props {
  label: string;
  accept: string;
  multiple: boolean;
  onFiles: (files: File[]) => void;
  hint?: string;
  /** The picker's class (a plain button unless given). */
  buttonClassName?: string;
  /** What was dropped, read otherwise than as the plain file list (the desk walks dropped folders). */
  readDropped?: (transfer: DataTransfer) => Promise<File[]>;
  /** More controls beside the picker. */
  children?: ReactNode;
}

/** A file picker that also takes files dropped on it (the attachments and the review desk). */
export function DropZone({ label, accept, multiple, onFiles, hint = '或把文件拖到这里', buttonClassName, readDropped, children }: Props) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`drop-zone${over ? ' drop-zone--over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (readDropped === undefined) onFiles([...e.dataTransfer.files]);
        else void readDropped(e.dataTransfer).then(onFiles);
      }}
    >
      <FilePicker accept={accept} multiple={multiple} onFiles={onFiles} {...(buttonClassName === undefined ? {} : { className: buttonClassName })}>{label}</FilePicker>
      {children}
      <span className="drop-hint">{hint}</span>
    </div>
  );
}
