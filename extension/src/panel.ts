/**
 * The side panel: a chat whose requests run in the active notebook's kernel.
 */

import { Clipboard } from '@jupyterlab/apputils';
import { NotebookActions, INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { Kernel } from '@jupyterlab/services';
import { IStateDB } from '@jupyterlab/statedb';
import { UUID } from '@lumino/coreutils';
import { Widget } from '@lumino/widgets';

import { completions, helpMarkdown, ISlashCommand, parseInput } from './commands';
import { hpcIcon } from './icon';
import { KernelLink, PanelError } from './kernel';
import { IPanelOptions, KernelMessage } from './protocol';
import { el, MarkdownView, renderAnalysis, renderCode, renderHits, renderResult } from './render';

const STATE_KEY = 'jupyter-hpc:panel';
const HISTORY_LIMIT = 100;

export const DEFAULT_OPTIONS: IPanelOptions = {
  model: '',
  threads: [],
  ranks: [],
  timeout: 0,
  explain: 'llm',
  level: 'student',
  maxRepairs: 2
};

const EXAMPLES = [
  'Write a C program that adds 1.0 to a double sum ten million times in a loop parallelized ' +
    'with an OpenMP parallel for reduction, then prints the sum',
  '/search exchange ghost cells between MPI ranks',
  '/run -t 1,2 --repeat 3'
];

export interface IPanelOptionsSource {
  (): IPanelOptions;
}

/** One request and its answer in the conversation. */
class Turn {
  constructor(
    readonly id: string,
    readonly command: ISlashCommand,
    readonly notebook: NotebookPanel,
    private panel: HPCPanel,
    input: string,
    context: string
  ) {
    this.node = el('div', 'jp-hpc-turn');
    this.node.dataset.command = command.name;
    const user = el('div', 'jp-hpc-user');
    user.append(el('div', 'jp-hpc-user-text', input));
    if (context) {
      user.append(el('div', 'jp-hpc-user-context', context));
    }
    this.answer = el('div', 'jp-hpc-answer');
    this.status = el('div', 'jp-hpc-status-line');
    this.statusText = el('span', 'jp-hpc-status-text', 'sending…');
    this.clock = el('span', 'jp-hpc-clock');
    this.status.append(el('span', 'jp-hpc-spinner'), this.statusText, this.clock);
    this.steps = el('details', 'jp-hpc-steps');
    this.steps.append(el('summary', '', 'Steps'));
    this.stepList = el('ol', 'jp-hpc-step-list');
    this.steps.append(this.stepList);
    this.answer.append(this.status, this.steps);
    this.node.append(user, this.answer);
    this.started = Date.now();
    this.timer = window.setInterval(() => this._tick(), 1000);
  }

  readonly node: HTMLElement;
  link: KernelLink | null = null;
  /** The kernel is serving this request (so Stop interrupts it). */
  running = false;
  /** Stop was pressed. */
  stopping = false;
  finished = false;

  stage(text: string, kind = ''): void {
    this._closeStep();
    this._step = el('li', `jp-hpc-stage ${kind}`);
    this._step.append(el('span', 'jp-hpc-stage-text', text));
    this._stepStarted = Date.now();
    this.stepList.append(this._step);
    this._output = null;
    this.steps.querySelector('summary')!.textContent = `Steps (${this.stepList.childElementCount})`;
    if (!kind) {
      this.statusText.textContent = text;
    }
    this._reply = null;
    this.panel.scrollDown();
  }

  output(text: string, stream: string): void {
    if (!this._output) {
      if (!this._step) {
        this.stage('output');
      }
      this._output = el('pre', 'jp-hpc-output');
      this._step!.append(this._output);
      this.steps.open = true;
    }
    const span = el('span', stream === 'stderr' ? 'jp-hpc-stderr' : '', text);
    this._output.append(span);
    this._output.scrollTop = this._output.scrollHeight;
    this.panel.scrollDown();
  }

  token(text: string): void {
    if (!this._reply) {
      const title = this.statusText.textContent ?? 'model';
      const details = el('details', 'jp-hpc-reply');
      details.open = true;
      details.append(el('summary', '', `Model reply — ${title}`));
      this._reply = { text: '', view: new MarkdownView(this.panel.rendermime, el('div', 'jp-hpc-reply-body')), details };
      details.append(this._reply.view.node);
      this.answer.append(details);
      this.replies.push(details);
    }
    this._reply.text += text;
    this._reply.view.update(this._reply.text);
    this.panel.scrollDown();
  }

  /** The model's raw replies fold away once what came of them is shown. */
  foldReplies(): void {
    for (const reply of this.replies) {
      (reply as HTMLDetailsElement).open = false;
    }
  }

  replyEnd(): void {
    if (this._reply) {
      void this._reply.view.render(this._reply.text);
    }
    this._reply = null;
  }

  append(node: HTMLElement): void {
    this.answer.append(node);
    this.panel.scrollDown();
  }

  text(text: string): void {
    this.append(el('div', 'jp-hpc-text', text));
  }

  error(message: string, details = ''): void {
    const box = el('div', 'jp-hpc-error');
    box.append(el('div', '', message));
    if (details) {
      const more = el('details');
      more.append(el('summary', '', 'details (for a bug report)'), el('pre', '', details));
      box.append(more);
    }
    this.append(box);
  }

  finish(outcome: 'ok' | 'failed' | 'stopped', seconds?: number): void {
    if (this.finished) {
      return;
    }
    this.finished = true;
    window.clearInterval(this.timer);
    this._closeStep();
    const elapsed = seconds ?? (Date.now() - this.started) / 1000;
    const words = { ok: 'done', failed: 'failed', stopped: 'stopped' }[outcome];
    this.status.replaceChildren(
      el('span', `jp-hpc-outcome jp-hpc-outcome-${outcome}`, `${words} in ${elapsed.toFixed(1)} s`)
    );
    this.node.classList.add('jp-hpc-done', `jp-hpc-done-${outcome}`);
    this.panel.requestFinished(this);
  }

  /** Say how long the current step took (steps over 0.5 s). */
  private _closeStep(): void {
    if (this._step && this._stepStarted) {
      const seconds = (Date.now() - this._stepStarted) / 1000;
      if (seconds >= 0.5) {
        this._step.querySelector('.jp-hpc-stage-text')!.after(el('span', 'jp-hpc-step-time', ` ${seconds.toFixed(1)} s`));
      }
    }
    this._stepStarted = 0;
  }

  private _tick(): void {
    this.clock.textContent = ` ${Math.round((Date.now() - this.started) / 1000)} s`;
  }

  readonly replies: HTMLElement[] = [];
  private answer: HTMLElement;
  private status: HTMLElement;
  private statusText: HTMLElement;
  private clock: HTMLElement;
  private steps: HTMLDetailsElement;
  private stepList: HTMLElement;
  private started: number;
  private timer: number;
  private _step: HTMLElement | null = null;
  private _stepStarted = 0;
  private _output: HTMLElement | null = null;
  private _reply: { text: string; view: MarkdownView; details: HTMLDetailsElement } | null = null;
}

export class HPCPanel extends Widget {
  constructor(
    private tracker: INotebookTracker,
    readonly rendermime: IRenderMimeRegistry,
    private options: IPanelOptionsSource,
    private state: IStateDB | null
  ) {
    super();
    this.id = 'jupyter-hpc-panel';
    this.addClass('jp-hpc-panel');
    this.title.icon = hpcIcon;
    this.title.caption = 'HPC assistant';

    const header = el('div', 'jp-hpc-header');
    const title = el('div', 'jp-hpc-title', 'HPC assistant');
    const clear = el('button', 'jp-mod-styled jp-hpc-button jp-hpc-clear', 'Clear');
    clear.title = 'Clear the conversation (/clear)';
    clear.addEventListener('click', () => this.clear());
    title.append(clear);
    this.context = el('div', 'jp-hpc-context');
    header.append(title, this.context);

    this.transcript = el('div', 'jp-hpc-transcript');
    this.footer = el('div', 'jp-hpc-footer');
    this.popup = el('ul', 'jp-hpc-completions');
    this.popup.hidden = true;
    this.input = el('textarea', 'jp-hpc-input');
    this.input.rows = 2;
    this.input.placeholder = 'Ask for parallel code, or type / for commands';
    this.input.addEventListener('keydown', event => this._onKey(event));
    this.input.addEventListener('input', () => this._onInput());
    this.sendButton = el('button', 'jp-mod-styled jp-mod-accept jp-hpc-send', 'Send');
    this.sendButton.addEventListener('click', () => void this.submit());
    this.stopButton = el('button', 'jp-mod-styled jp-mod-warn jp-hpc-stop', 'Stop');
    this.stopButton.title = 'Interrupt the kernel: stops the model or the running program';
    this.stopButton.hidden = true;
    this.stopButton.addEventListener('click', () => void this.stop());
    const row = el('div', 'jp-hpc-input-row');
    row.append(this.input, this.sendButton, this.stopButton);
    this.footer.append(this.popup, row);
    this.node.append(header, this.transcript, this.footer);

    tracker.currentChanged.connect(this._onNotebook, this);
    this._onNotebook();
    this._welcome();
    void this._restore();
  }

  /** Send what is in the input box. */
  async submit(): Promise<void> {
    const input = this.input.value.trim();
    if (!input || this._running) {
      return;
    }
    this._remember(input);
    this.input.value = '';
    this._hidePopup();
    const parsed = parseInput(input);
    if (!parsed.command) {
      this._note(input, `Unknown command /${parsed.name}. Type /help to see what the panel can do.`, true);
      return;
    }
    const command = parsed.command;
    if (command.name === 'clear') {
      this.clear();
      return;
    }
    if (command.name === 'help') {
      this._note(input, helpMarkdown(), false, true);
      return;
    }
    const notebook = this.tracker.currentWidget;
    if (!notebook) {
      this._note(
        input,
        'Open a notebook first (File → New → Notebook, with a Python kernel): the assistant works in ' +
          'the kernel of the active notebook, where your code and your cluster allocation are.',
        true
      );
      return;
    }
    let code: string | null = null;
    let context = '';
    if (command.usesCell) {
      const cell = notebook.content.activeCell;
      const source = cell?.model.sharedModel.getSource() ?? '';
      if (!cell || cell.model.type !== 'code' || !source.trim()) {
        this._note(
          input,
          `/${command.name} works on the active cell: click a code cell holding a C or C++ program in ` +
            `${notebook.title.label}, then send /${command.name} again.`,
          true
        );
        return;
      }
      code = source;
      context = `cell ${notebook.content.activeCellIndex + 1} of ${notebook.title.label}`;
    }
    const turn = new Turn(UUID.uuid4(), command, notebook, this, input, context);
    this._startTurn(turn);
    try {
      const link = await this._linkFor(notebook, turn);
      if (turn.stopping) {
        turn.finish('stopped');
        return;
      }
      turn.link = link;
      link.send({
        type: 'request',
        id: turn.id,
        command: command.name,
        text: parsed.text,
        code,
        options: this.options()
      });
      turn.stage(`sent to the kernel of ${notebook.title.label}`, 'jp-hpc-quiet');
    } catch (err) {
      turn.error(err instanceof PanelError ? err.message : `Could not reach the kernel: ${err}`);
      turn.finish('failed');
    }
  }

  /** The Stop button: interrupt the kernel if it is serving our request. */
  async stop(): Promise<void> {
    const turn = this._running;
    if (!turn || turn.stopping) {
      return;
    }
    turn.stopping = true;
    this.stopButton.disabled = true;
    turn.stage('stopping…');
    if (turn.running && turn.link) {
      await turn.link.interrupt();
    } else if (!turn.link) {
      turn.finish('stopped'); // not sent yet
    }
    // else: queued behind a cell; interrupted as soon as the kernel starts it
  }

  clear(): void {
    if (this._running) {
      return;
    }
    this.transcript.replaceChildren();
    this._welcome();
  }

  scrollDown(): void {
    this.transcript.scrollTop = this.transcript.scrollHeight;
  }

  requestFinished(turn: Turn): void {
    if (this._running === turn) {
      this._running = null;
    }
    this.sendButton.hidden = false;
    this.stopButton.hidden = true;
    this.stopButton.disabled = false;
    this.input.focus();
  }

  dispose(): void {
    for (const link of this._links.values()) {
      link.dispose();
    }
    this._links.clear();
    super.dispose();
  }

  private _startTurn(turn: Turn): void {
    this.transcript.querySelector('.jp-hpc-welcome')?.remove();
    this.transcript.append(turn.node);
    this._running = turn;
    this.sendButton.hidden = true;
    this.stopButton.hidden = false;
    this.scrollDown();
  }

  private async _linkFor(notebook: NotebookPanel, turn: Turn): Promise<KernelLink> {
    const session = notebook.sessionContext;
    if (!session.isReady) {
      turn.stage('waiting for the notebook\'s kernel to start');
    }
    await session.ready;
    const kernel = session.session?.kernel;
    if (!kernel) {
      throw new PanelError(
        `${notebook.title.label} has no kernel: choose a Python kernel (Kernel → Change Kernel…).`
      );
    }
    let link = this._links.get(kernel.id);
    if (!link || link.kernel !== kernel) {
      link?.dispose();
      link = this._makeLink(kernel);
      this._links.set(kernel.id, link);
    }
    if (!link.connected) {
      turn.stage(
        kernel.status === 'busy'
          ? 'connecting to the kernel (it is busy: the request waits for the running cell)'
          : 'connecting to the kernel'
      );
    }
    link.info = await link.connect();
    this._updateContext?.();
    if (link.loadedByPanel && !this._announced.has(kernel.id)) {
      this._announced.add(kernel.id);
      turn.append(
        el(
          'div',
          'jp-hpc-note jp-hpc-loaded',
          `The kernel of ${notebook.title.label} had not loaded jupyter-hpc, so the panel ran ` +
            '%load_ext kernel_magics in it (the %%hpc and %%hpc_run magics now work in its cells too).'
        )
      );
    }
    return link;
  }

  private _makeLink(kernel: Kernel.IKernelConnection): KernelLink {
    const link: KernelLink = new KernelLink(kernel, {
      message: message => this._onMessage(message),
      stray: (id, text) => {
        const turn = this._turns(id);
        turn?.output(text, 'stdout');
      },
      lost: why => {
        const turn = this._running;
        if (turn && turn.link === link && !turn.finished) {
          turn.error(`The request was lost: ${why}.`);
          turn.finish(turn.stopping ? 'stopped' : 'failed');
        }
      }
    });
    kernel.disposed.connect(() => {
      if (this._links.get(kernel.id) === link) {
        this._links.delete(kernel.id);
      }
      link.dispose();
    });
    return link;
  }

  private _turns(id: string): Turn | null {
    return this._running && this._running.id === id ? this._running : null;
  }

  private _onMessage(message: KernelMessage): void {
    if (message.type === 'ready') {
      return;
    }
    const turn = this._turns(message.id);
    if (!turn) {
      return; // a request that was already given up
    }
    switch (message.type) {
      case 'started':
        turn.running = true;
        if (turn.stopping && turn.link) {
          void turn.link.interrupt();
        }
        break;
      case 'stage':
        turn.stage(message.text);
        break;
      case 'warning':
        turn.stage(message.text, 'jp-hpc-warning');
        break;
      case 'token':
        turn.token(message.text);
        break;
      case 'reply_end':
        turn.replyEnd();
        break;
      case 'output':
        turn.output(message.text, message.stream);
        break;
      case 'text':
        turn.text(message.text);
        break;
      case 'code':
        turn.foldReplies();
        turn.append(renderCode(message, this.rendermime, this._actions(turn)));
        break;
      case 'result':
        turn.foldReplies();
        turn.append(renderResult(message, this.rendermime));
        break;
      case 'analysis':
        turn.foldReplies();
        turn.append(renderAnalysis(message, this.rendermime));
        break;
      case 'hits':
        turn.append(renderHits(message.query, message.hits, this.rendermime, this._actions(turn)));
        break;
      case 'insert':
        this._insertBelow(turn.notebook, message.cell, turn);
        break;
      case 'error':
        turn.error(message.message, message.details);
        break;
      case 'done':
        turn.finish(message.cancelled ? 'stopped' : message.ok ? 'ok' : 'failed', message.seconds);
        break;
    }
  }

  private _actions(turn: Turn) {
    return {
      insert: (cell: string) => this._insertBelow(turn.notebook, cell, turn),
      replace: (cell: string) => this._replaceActive(turn.notebook, cell, turn),
      copy: (code: string) => Clipboard.copyToSystem(code)
    };
  }

  private _insertBelow(notebook: NotebookPanel, text: string, turn: Turn): void {
    if (notebook.isDisposed) {
      turn.error('That notebook was closed: copy the code instead.');
      return;
    }
    NotebookActions.insertBelow(notebook.content);
    const cell = notebook.content.activeCell;
    cell?.model.sharedModel.setSource(text);
    cell?.node.scrollIntoView({ block: 'nearest' });
  }

  private _replaceActive(notebook: NotebookPanel, text: string, turn: Turn): void {
    const cell = notebook.isDisposed ? null : notebook.content.activeCell;
    if (!cell || cell.model.type !== 'code') {
      turn.error('Click the code cell to replace first (Ctrl+Z in the cell undoes a replacement).');
      return;
    }
    cell.model.sharedModel.setSource(text);
  }

  /** A request the panel answers itself (help, or what to do first). */
  private _note(input: string, text: string, problem: boolean, markdown = false): void {
    this.transcript.querySelector('.jp-hpc-welcome')?.remove();
    const node = el('div', 'jp-hpc-turn jp-hpc-done');
    const user = el('div', 'jp-hpc-user');
    user.append(el('div', 'jp-hpc-user-text', input));
    const answer = el('div', `jp-hpc-answer ${problem ? 'jp-hpc-problem' : ''}`);
    if (markdown) {
      const view = new MarkdownView(this.rendermime, el('div', 'jp-hpc-help'));
      void view.render(text);
      answer.append(view.node);
    } else {
      answer.append(el('div', 'jp-hpc-text', text));
    }
    node.append(user, answer);
    this.transcript.append(node);
    this.scrollDown();
  }

  private _welcome(): void {
    const box = el('div', 'jp-hpc-welcome');
    box.append(
      el('p', '', 'Ask for a parallel C/C++ program in words: it is written by the language model, ' +
        'compiled, checked against a serial run, timed and explained — in the kernel of the active notebook.'),
      el('p', 'jp-hpc-welcome-small', 'Try:')
    );
    for (const example of EXAMPLES) {
      const chip = el('button', 'jp-hpc-chip', example);
      chip.addEventListener('click', () => {
        this.input.value = example;
        this.input.focus();
      });
      box.append(chip);
    }
    box.append(el('p', 'jp-hpc-welcome-small', 'Type / for the commands, /help for more.'));
    this.transcript.append(box);
  }

  private _onNotebook(): void {
    const notebook = this.tracker.currentWidget;
    this._context?.disconnect();
    if (!notebook) {
      this.context.textContent = 'No notebook open';
      this._context = null;
      this._updateContext = null;
      return;
    }
    const update = () => {
      const kernel = notebook.sessionContext.kernelDisplayName;
      const status = notebook.sessionContext.kernelDisplayStatus;
      const id = notebook.sessionContext.session?.kernel?.id;
      const info = id ? this._links.get(id)?.info : null;
      const model = this.options().model || info?.model;
      this.context.textContent =
        `${notebook.title.label} · ${kernel} · ${status}` + (model ? ` · model ${model}` : '');
    };
    this._updateContext = update;
    const session = notebook.sessionContext;
    session.statusChanged.connect(update);
    session.kernelChanged.connect(update);
    notebook.title.changed.connect(update);
    this._context = {
      disconnect: () => {
        session.statusChanged.disconnect(update);
        session.kernelChanged.disconnect(update);
        notebook.title.changed.disconnect(update);
      }
    };
    update();
  }

  // ---------------------------------------------------------------- input box

  private _onKey(event: KeyboardEvent): void {
    const items = this._visibleCompletions();
    if (items.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this._selected = (this._selected + step + items.length) % items.length;
        this._renderPopup(items);
        return;
      }
      if (event.key === 'Tab' || (event.key === 'Enter' && !event.shiftKey)) {
        event.preventDefault();
        this._complete(items[this._selected]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        this._hidePopup();
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void this.submit();
      return;
    }
    if (event.key === 'Escape' && this._running) {
      void this.stop();
      return;
    }
    const atStart = this.input.selectionStart === 0 && this.input.selectionEnd === 0;
    const atEnd = this.input.selectionStart === this.input.value.length;
    if (event.key === 'ArrowUp' && (atStart || !this.input.value) && this._history.length) {
      event.preventDefault();
      this._recall(-1);
    } else if (event.key === 'ArrowDown' && atEnd && this._recalling !== null) {
      event.preventDefault();
      this._recall(1);
    }
  }

  private _onInput(): void {
    this._recalling = null;
    this._selected = 0;
    const items = completions(this.input.value);
    if (items.length) {
      this._renderPopup(items);
    } else {
      this._hidePopup();
    }
    this.input.rows = Math.min(8, Math.max(2, this.input.value.split('\n').length));
  }

  private _visibleCompletions(): ISlashCommand[] {
    return this.popup.hidden ? [] : completions(this.input.value);
  }

  private _renderPopup(items: ISlashCommand[]): void {
    this.popup.replaceChildren(
      ...items.map((command, index) => {
        const item = el('li', index === this._selected ? 'jp-hpc-completion jp-mod-active' : 'jp-hpc-completion');
        item.append(el('b', '', `/${command.name}`), el('span', '', ` ${command.description}`));
        item.addEventListener('mousedown', event => {
          event.preventDefault();
          this._complete(command);
        });
        return item;
      })
    );
    this.popup.hidden = false;
  }

  private _complete(command: ISlashCommand): void {
    const noArguments = command.name === 'help' || command.name === 'clear';
    this.input.value = `/${command.name}${noArguments ? '' : ' '}`;
    this._hidePopup();
    this.input.focus();
    if (noArguments) {
      void this.submit();
    }
  }

  private _hidePopup(): void {
    this.popup.hidden = true;
    this._selected = 0;
  }

  private _recall(step: number): void {
    const last = this._history.length;
    const index = Math.min(last, Math.max(0, (this._recalling ?? last) + step));
    this._recalling = index === last ? null : index;
    this.input.value = index === last ? '' : this._history[index];
  }

  private _remember(input: string): void {
    if (this._history[this._history.length - 1] !== input) {
      this._history.push(input);
      this._history = this._history.slice(-HISTORY_LIMIT);
      void this.state?.save(STATE_KEY, { history: this._history });
    }
    this._recalling = null;
  }

  private async _restore(): Promise<void> {
    const saved = (await this.state?.fetch(STATE_KEY)) as { history?: string[] } | undefined;
    if (saved?.history) {
      this._history = [...saved.history, ...this._history].slice(-HISTORY_LIMIT);
    }
  }

  private transcript: HTMLElement;
  private footer: HTMLElement;
  private popup: HTMLUListElement;
  private input: HTMLTextAreaElement;
  private sendButton: HTMLButtonElement;
  private stopButton: HTMLButtonElement;
  private context: HTMLElement;
  private _context: { disconnect: () => void } | null = null;
  private _updateContext: (() => void) | null = null;
  private _running: Turn | null = null;
  private _links = new Map<string, KernelLink>();
  private _announced = new Set<string>();
  private _history: string[] = [];
  private _recalling: number | null = null;
  private _selected = 0;
}

