/**
 * The panel's connection to one kernel: loads kernel_magics there when needed,
 * opens the `jupyter_hpc` Comm, sends requests and routes what comes back.
 */

import { Kernel, KernelMessage as KM } from '@jupyterlab/services';

import { COMM_TARGET, IReady, IRequestMessage, KernelMessage } from './protocol';

/** A problem the user can act on; its message says what to do. */
export class PanelError extends Error {}

const LOADED = "'kernel_magics' in get_ipython().extension_manager.loaded";

export interface ILinkHandlers {
  /** A message about a request. */
  message: (message: KernelMessage) => void;
  /** Something the kernel printed while serving a request (not through the protocol). */
  stray: (requestId: string, text: string) => void;
  /** The connection is gone (kernel restarted, died, or closed the Comm). */
  lost: (why: string) => void;
}

export class KernelLink {
  constructor(
    readonly kernel: Kernel.IKernelConnection,
    private handlers: ILinkHandlers
  ) {
    kernel.statusChanged.connect(this._onStatus, this);
  }

  /** True when this panel ran `%load_ext kernel_magics` in the kernel. */
  loadedByPanel = false;

  /** What the kernel said about its configuration when the Comm opened. */
  info: IReady | null = null;

  get connected(): boolean {
    return this._comm !== null;
  }

  /** Make sure the extension is loaded and the Comm open; resolves with the kernel's description. */
  connect(): Promise<IReady> {
    if (!this._ready) {
      this._ready = this._connect();
      this._ready.catch(() => {
        this._ready = null;
      });
    }
    return this._ready;
  }

  send(request: IRequestMessage): void {
    if (!this._comm) {
      throw new PanelError('the panel is not connected to the kernel');
    }
    const future = this._comm.send(request as any);
    future.onIOPub = (msg: KM.IIOPubMessage) => {
      if (KM.isStreamMsg(msg)) {
        this.handlers.stray(request.id, msg.content.text);
      }
    };
  }

  interrupt(): Promise<void> {
    return this.kernel.interrupt();
  }

  dispose(): void {
    this.kernel.statusChanged.disconnect(this._onStatus, this);
    this._comm = null;
    this._ready = null;
  }

  private async _connect(): Promise<IReady> {
    const info = await this.kernel.info;
    const language = info.language_info?.name ?? 'unknown';
    if (language !== 'python') {
      throw new PanelError(
        `This notebook's kernel runs ${language}; the HPC assistant needs a Python (IPython) ` +
          'kernel with jupyter-hpc installed. Change the kernel (Kernel → Change Kernel…).'
      );
    }
    if (!(await this._execute(''))) {
      const loaded = await this._execute('%load_ext kernel_magics');
      if (!loaded) {
        throw new PanelError('`%load_ext kernel_magics` did not load the extension in this kernel.');
      }
      this.loadedByPanel = true;
    }
    return this._openComm();
  }

  /** Run code silently; returns whether kernel_magics is loaded afterwards. */
  private async _execute(code: string): Promise<boolean> {
    const future = this.kernel.requestExecute(
      { code, silent: true, store_history: false, user_expressions: { loaded: LOADED } },
      true
    );
    const reply = (await future.done) as KM.IExecuteReplyMsg;
    const content = reply.content;
    if (content.status === 'error') {
      const missing = content.ename === 'ModuleNotFoundError';
      throw new PanelError(
        missing
          ? "jupyter-hpc is not installed in this notebook's kernel environment " +
              `(${content.evalue}). Install it there (pip install jupyter-hpc) or choose a kernel that has it.`
          : `Loading kernel_magics failed: ${content.ename}: ${content.evalue}`
      );
    }
    if (content.status !== 'ok') {
      throw new PanelError('The kernel did not run the panel\'s set-up code (it was interrupted or aborted).');
    }
    const loaded = content.user_expressions?.loaded as any;
    if (!loaded || loaded.status !== 'ok') {
      throw new PanelError("This kernel is not an IPython kernel: the HPC assistant needs ipykernel.");
    }
    return loaded.data?.['text/plain'] === 'True';
  }

  private _openComm(): Promise<IReady> {
    return new Promise<IReady>((resolve, reject) => {
      const comm = this.kernel.createComm(COMM_TARGET);
      // JupyterLab >= 4.4 sends comm messages to a kernel subshell (another thread) by
      // default. Requests must run on the main shell, like a cell: there the kernel's
      // interrupt (the Stop button) reaches them, and they never run beside a cell.
      if ('commsOverSubshells' in comm) {
        (comm as any).commsOverSubshells = 'disabled';
      }
      let ready = false;
      comm.onMsg = (msg: KM.ICommMsgMsg) => {
        const data = msg.content.data as unknown as KernelMessage;
        if (data.type === 'ready' && !ready) {
          ready = true;
          this._comm = comm;
          resolve(data);
          return;
        }
        this.handlers.message(data);
      };
      comm.onClose = () => {
        const wasOpen = this._comm === comm;
        if (wasOpen) {
          this._comm = null;
          this._ready = null;
        }
        if (!ready) {
          reject(new PanelError('The kernel refused the panel\'s connection (is jupyter-hpc up to date in it?).'));
        } else if (wasOpen) {
          this.handlers.lost('the kernel closed the connection');
        }
      };
      comm.open({ type: 'hello' } as any);
    });
  }

  private _onStatus(_: Kernel.IKernelConnection, status: Kernel.Status): void {
    if (status === 'restarting' || status === 'autorestarting' || status === 'dead') {
      const had = this._comm !== null || this._ready !== null;
      this._comm = null;
      this._ready = null;
      if (had) {
        this.handlers.lost(status === 'dead' ? 'the kernel died' : 'the kernel restarted');
      }
    }
  }

  private _comm: Kernel.IComm | null = null;
  private _ready: Promise<IReady> | null = null;
}
