// Every button handler of the pane runs through here: busy state, progress, cancellation, and errors
// shown in the pane in the user's language (never swallowed into the console).
import { useCallback, useRef, useState } from 'react';
import type { FlowProgress } from '../../flows';
import { describeError } from '../services/describe-error';
import { useLang } from '../i18n';

export interface ActionState {
  busy: boolean;
  error: string | null;
  /** 0..1 while a flow reports progress; undefined = indeterminate. */
  progress: number | undefined;
}

export interface ActionControls {
  signal: AbortSignal;
  onProgress: (progress: FlowProgress) => void;
  setProgress: (value: number | undefined) => void;
}

// A check reads, checks, annotates then writes: give each phase its share of the bar.
const PHASES: Record<FlowProgress['phase'], [number, number]> = {
  read: [0, 0.55],
  check: [0.55, 0.65],
  annotate: [0.65, 0.8],
  write: [0.8, 1],
};

function progressValue(progress: FlowProgress): number {
  const [from, to] = PHASES[progress.phase];
  const part = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 1;
  return from + (to - from) * part;
}

export function useAction(): {
  state: ActionState;
  run: <T>(handler: (controls: ActionControls) => Promise<T>) => Promise<T | undefined>;
  cancel: () => void;
  clearError: () => void;
} {
  const lang = useLang();
  const [state, setState] = useState<ActionState>({ busy: false, error: null, progress: undefined });
  const controller = useRef<AbortController | null>(null);
  // Only the latest run speaks: an earlier one finishing late must not wipe a newer error or result.
  const latest = useRef(0);

  const run = useCallback(
    async <T,>(handler: (controls: ActionControls) => Promise<T>): Promise<T | undefined> => {
      const id = ++latest.current;
      const abort = new AbortController();
      controller.current = abort;
      const update = (next: ActionState | ((s: ActionState) => ActionState)) => {
        if (id === latest.current) setState(next);
      };
      update({ busy: true, error: null, progress: undefined });
      const setProgress = (value: number | undefined) => update((s) => ({ ...s, progress: value }));
      try {
        const result = await handler({
          signal: abort.signal,
          onProgress: (p) => setProgress(progressValue(p)),
          setProgress,
        });
        update({ busy: false, error: null, progress: undefined });
        return result;
      } catch (error) {
        update({ busy: false, error: describeError(error, lang), progress: undefined });
        return undefined;
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [lang],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const clearError = useCallback(() => setState((s) => ({ ...s, error: null })), []);
  return { state, run, cancel, clearError };
}
