import { useState } from 'react';
import { FilePicker } from '../FilePicker';

/** A file picker that also takes files dropped on it. */
export function DropZone({ label, accept, multiple, onFiles }: { label: string; accept: string; multiple: boolean; onFiles: (files: File[]) => void }) {
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
        onFiles([...e.dataTransfer.files]);
      }}
    >
      <FilePicker accept={accept} multiple={multiple} onFiles={onFiles}>{label}</FilePicker>
      <span className="drop-hint">或把文件拖到这里</span>
    </div>
  );
}
