import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaveScheduler, DEBOUNCE_MS, MAX_WAIT_MS, RETRY_MS, type SaveState } from '../../src/core/draft/autosave';

function setUp(save: (value: string) => Promise<void> = () => Promise.resolve()) {
  const saved: string[] = [];
  const states: SaveState['kind'][] = [];
  const messages: string[] = [];
  const scheduler = createAutosaveScheduler<string>({
    save: async (value) => {
      await save(value);
      saved.push(value);
    },
    onState: (state) => {
      states.push(state.kind);
      if (state.kind === 'failed') messages.push(`${state.message} ${state.retryInMs}`);
    },
    describeFailure: () => '保存失败',
  });
  return { scheduler, saved, states, messages };
}

describe('the autosave scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the last value once typing pauses for the debounce time', async () => {
    const { scheduler, saved, states } = setUp();
    scheduler.change('a');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    scheduler.change('ab');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['ab']);
    expect(states).toEqual(['saving', 'saved']);
    expect(scheduler.dirty()).toBe(false);
  });

  it('saves at most MAX_WAIT_MS after the first change, however fast one types', async () => {
    const { scheduler, saved } = setUp();
    for (let t = 0; t < MAX_WAIT_MS; t += 100) {
      scheduler.change(`v${t}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saved).toEqual(['v900']);
  });

  it('writes at once on flush and does nothing when nothing is pending', async () => {
    const { scheduler, saved } = setUp();
    await scheduler.flush();
    expect(saved).toEqual([]);
    scheduler.change('x');
    expect(scheduler.dirty()).toBe(true);
    expect(scheduler.latest()).toBe('x');
    await scheduler.flush();
    expect(saved).toEqual(['x']);
  });

  it('keeps a failed change pending and retries with growing pauses until it is written', async () => {
    let failing = 2;
    const { scheduler, saved, states, messages } = setUp(() => (failing-- > 0 ? Promise.reject(new Error('QuotaExceededError')) : Promise.resolve()));
    scheduler.change('typed');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(scheduler.dirty()).toBe(true);
    expect(messages).toEqual([`保存失败 ${RETRY_MS[0]}`]);
    await vi.advanceTimersByTimeAsync(RETRY_MS[0]);
    expect(messages).toEqual([`保存失败 ${RETRY_MS[0]}`, `保存失败 ${RETRY_MS[1]}`]);
    await vi.advanceTimersByTimeAsync(RETRY_MS[1]);
    expect(saved).toEqual(['typed']);
    expect(states).toEqual(['saving', 'failed', 'saving', 'failed', 'saving', 'saved']);
  });

  it('never runs two writes at once: a change during a write is saved after it', async () => {
    let release = () => undefined as void;
    let calls = 0;
    const { scheduler, saved } = setUp(() => {
      calls += 1;
      return calls === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    });
    scheduler.change('first');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    scheduler.change('second');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(calls).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['first', 'second']);
  });

  it('stops its timers when disposed', async () => {
    const { scheduler, saved } = setUp();
    scheduler.change('late');
    scheduler.dispose();
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS * 2);
    expect(saved).toEqual([]);
  });
});
