/** Gives up on a file the browser cannot read at all rather than waiting for ever. */
const TIMEOUT_MS = 15_000;

/**
 * The duration of a video file in seconds, read from its metadata by the browser (no whole-file read).
 * A WebM written by a recorder (a phone, MediaRecorder) carries no duration: the browser reports Infinity
 * until asked to seek past the end, after which it knows the real length.
 */
export function videoDuration(file: Blob): Promise<number | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const video = document.createElement('video');
    let settled = false;
    const done = (value: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      URL.revokeObjectURL(url);
      video.removeAttribute('src');
      video.load();
      resolve(value);
    };
    const timer = setTimeout(() => done(null), TIMEOUT_MS);
    const finite = () => Number.isFinite(video.duration) && video.duration > 0;
    video.preload = 'metadata';
    video.muted = true;
    video.onloadedmetadata = () => {
      if (finite()) return done(video.duration);
      video.ondurationchange = () => {
        if (finite()) done(video.duration);
      };
      video.currentTime = Number.MAX_SAFE_INTEGER;
    };
    video.onerror = () => done(null);
    video.src = url;
  });
}
