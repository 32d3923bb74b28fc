import { useEffect, useState } from 'react';
import type { DraftAttachment } from '../../core/draft/types';
import { videoDuration } from '../../io/media';

/** The length of each stored video, by attachment id, read from the file's metadata once it is listed. */
export function useVideoSeconds(list: readonly DraftAttachment[]): ReadonlyMap<string, number | null> {
  const [seconds, setSeconds] = useState<ReadonlyMap<string, number | null>>(new Map());
  useEffect(() => {
    let live = true;
    const videos = list.filter((a) => a.meta.category === 'video');
    void Promise.all(videos.map(async (a) => [a.meta.id, await videoDuration(a.data)] as const)).then((pairs) => {
      if (live) setSeconds(new Map(pairs));
    });
    return () => {
      live = false;
    };
  }, [list]);
  return seconds;
}

/** 4分10秒 */
export function formatSeconds(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}分${whole % 60}秒`;
}
