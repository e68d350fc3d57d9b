/**
 * The messages exchanged with the kernel over the `jupyter_hpc` Comm.
 * The kernel side is kernel_magics/panel.py; its docstring is the reference.
 */

export const COMM_TARGET = 'jupyter_hpc';

/** The panel's settings, sent with every request (typed options override them). */
export interface IPanelOptions {
  model: string;
  threads: number[];
  ranks: number[];
  timeout: number;
  explain: string;
  level: string;
  maxRepairs: number;
}

export interface IRequestMessage {
  type: 'request';
  id: string;
  command: string;
  text: string;
  code: string | null;
  options: IPanelOptions;
}

export interface IReady {
  type: 'ready';
  version: string;
  model: string;
  explain: string;
  timeout: number;
  cores: number;
  max_threads: number;
  max_ranks: number;
  commands: string[];
}

export interface IRunRow {
  label: string;
  threads: number;
  ranks: number;
  time_s: number | null;
  min_s: number | null;
  max_s: number | null;
  repeats: number;
  speedup: number | null;
  efficiency: number | null;
  status: string;
}

export interface IPlot {
  title: string;
  png: string;
}

export interface IFinding {
  kind: string;
  message: string;
  suggestion: string;
  severity: string;
}

export interface IExplanation {
  text: string;
  writer: string;
  level: string;
  model: string | null;
  note: string;
}

export interface IAnalysis {
  plots: IPlot[];
  notes?: string[];
  findings?: IFinding[];
  explanation?: IExplanation | null;
}

export interface IResult extends IAnalysis {
  ok: boolean;
  api: string;
  lang: string;
  mpi: boolean;
  build: { ok: boolean; command: string; log: string; cache_hit: boolean };
  lines: string[];
  runs: IRunRow[];
  interrupted: boolean;
}

export interface ICodeMessage {
  code: string;
  lang: string;
  api: string;
  ok: boolean;
  lines: string[];
  cell: string | null;
  diff: string | null;
}

export interface IHit {
  id: string;
  title: string;
  score: number;
  api: string;
  lang: string;
  source: string;
  code: string;
  cell: string;
}

/** Every message the kernel sends about a request (all carry its id). */
export type KernelMessage =
  | IReady
  | { type: 'started'; id: string; command: string }
  | { type: 'stage'; id: string; text: string }
  | { type: 'token'; id: string; text: string }
  | { type: 'reply_end'; id: string }
  | { type: 'output'; id: string; stream: string; text: string }
  | { type: 'warning'; id: string; text: string }
  | { type: 'text'; id: string; text: string }
  | ({ type: 'code'; id: string } & ICodeMessage)
  | ({ type: 'result'; id: string } & IResult)
  | ({ type: 'analysis'; id: string } & IAnalysis)
  | { type: 'hits'; id: string; query: string; hits: IHit[] }
  | { type: 'insert'; id: string; cell: string }
  | { type: 'error'; id: string; message: string; details?: string }
  | { type: 'done'; id: string; ok: boolean; cancelled: boolean; seconds: number };
