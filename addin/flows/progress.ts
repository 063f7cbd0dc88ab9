// Progress of a flow, by phase, for the pane's ProgressBar.
export type FlowPhase = 'read' | 'check' | 'annotate' | 'write';

export interface FlowProgress {
  phase: FlowPhase;
  sheet?: string;
  done: number;
  total: number;
}
export type FlowProgressFn = (progress: FlowProgress) => void;

/** Optional controls every long flow takes. */
export interface FlowOptions {
  onProgress?: FlowProgressFn;
  signal?: AbortSignal;
}
