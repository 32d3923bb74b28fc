/** A size as people read it in messages: 0 KB, 3 KB, 30 MB, 1.5 GB (binary units, one decimal at most). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Number((bytes / 1024 ** 3).toFixed(1))} GB`;
  if (bytes >= 1024 ** 2) return `${Number((bytes / 1024 ** 2).toFixed(1))} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
