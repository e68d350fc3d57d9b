/**
 * DOM for what the kernel sends: code cards, runs tables, plots, findings, hits.
 * Text from the model or the program is never inserted as HTML: markdown goes
 * through JupyterLab's (sanitizing) markdown renderer, everything else is text.
 */

import { IRenderMimeRegistry } from '@jupyterlab/rendermime';

import {
  IAnalysis,
  ICodeMessage,
  IHit,
  IPlot,
  IResult,
  IRunRow
} from './protocol';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text = ''
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text) {
    node.textContent = text;
  }
  return node;
}

/** Renders markdown into a host element, again and again (for streamed text). */
export class MarkdownView {
  constructor(
    private rendermime: IRenderMimeRegistry,
    readonly node: HTMLElement
  ) {}

  /** Render now; returns when done. */
  async render(source: string): Promise<void> {
    this._pending = null;
    const renderer = this.rendermime.createRenderer('text/markdown');
    const model = this.rendermime.createModel({
      data: { 'text/markdown': source },
      trusted: false
    });
    await renderer.renderModel(model);
    this.node.replaceChildren(renderer.node);
  }

  /** Render at most every 150 ms while text streams in. */
  update(source: string): void {
    const first = this._pending === null;
    this._pending = source;
    if (first) {
      window.setTimeout(() => {
        if (this._pending !== null) {
          void this.render(this._pending);
        }
      }, 150);
    }
  }

  private _pending: string | null = null;
}

export function fence(code: string, lang: string): string {
  const name = lang === 'c++' ? 'cpp' : lang === 'diff' ? 'diff' : 'c';
  const ticks = code.includes('```') ? '~~~~' : '```';
  return `${ticks}${name}\n${code.replace(/\n$/, '')}\n${ticks}`;
}

export interface ICodeActions {
  insert?: (cell: string) => void;
  replace?: (cell: string) => void;
  copy: (code: string) => void;
}

function button(label: string, className: string, title: string, onClick: () => void) {
  const node = el('button', `jp-mod-styled jp-hpc-button ${className}`, label);
  node.title = title;
  node.addEventListener('click', onClick);
  return node;
}

function apiLabel(api: string, lang: string): string {
  const names: Record<string, string> = {
    openmp: 'OpenMP',
    mpi: 'MPI',
    hybrid: 'MPI + OpenMP',
    serial: 'serial'
  };
  return `${lang === 'c++' ? 'C++' : 'C'} · ${names[api] ?? api}`;
}

function badge(text: string, kind: 'ok' | 'bad' | 'stopped') {
  return el('span', `jp-hpc-badge jp-hpc-badge-${kind}`, text);
}

/** The generated program with its verdict and the insert / replace / copy buttons. */
export function renderCode(
  message: ICodeMessage,
  rendermime: IRenderMimeRegistry,
  actions: ICodeActions
): HTMLElement {
  const card = el('div', 'jp-hpc-card jp-hpc-code');
  const head = el('div', 'jp-hpc-card-head');
  head.append(
    badge(message.ok ? 'verified' : 'not verified', message.ok ? 'ok' : 'bad'),
    el('span', 'jp-hpc-card-title', apiLabel(message.api, message.lang))
  );
  card.append(head);
  if (message.lines.length) {
    card.append(el('div', 'jp-hpc-lines', message.lines.join('\n')));
  }
  const view = new MarkdownView(rendermime, el('div', 'jp-hpc-codeview'));
  void view.render(fence(message.code, message.lang));
  card.append(view.node);
  const bar = el('div', 'jp-hpc-actions');
  const cell = message.cell ?? message.code;
  if (actions.insert) {
    bar.append(
      button('Insert below', 'jp-hpc-insert', 'Insert below the active cell as a ready %%hpc_run cell', () =>
        actions.insert!(cell)
      )
    );
  }
  if (actions.replace) {
    bar.append(
      button('Replace cell', 'jp-hpc-replace', 'Replace the active cell with this program (as a %%hpc_run cell)', () =>
        actions.replace!(cell)
      )
    );
  }
  bar.append(button('Copy', 'jp-hpc-copy', 'Copy the code', () => actions.copy(message.code)));
  card.append(bar);
  if (message.diff) {
    const details = el('details', 'jp-hpc-diff');
    details.append(el('summary', '', 'Changes to your code'));
    const diff = new MarkdownView(rendermime, el('div'));
    void diff.render(fence(message.diff, 'diff'));
    details.append(diff.node);
    card.append(details);
  }
  return card;
}

function seconds(value: number | null): string {
  return value === null || value === undefined ? '–' : value.toFixed(4);
}

function ratio(value: number | null, digits = 2): string {
  return value === null || value === undefined ? '–' : value.toFixed(digits);
}

/** The runs as a table: configuration, median / min / max time, speedup, efficiency. */
export function renderRunsTable(rows: IRunRow[]): HTMLTableElement {
  const table = el('table', 'jp-hpc-table');
  const repeats = rows.some(r => r.repeats > 1);
  const header = ['configuration', repeats ? 'median (s)' : 'time (s)'];
  if (repeats) {
    header.push('min (s)', 'max (s)');
  }
  header.push('speedup', 'efficiency', 'status');
  const thead = el('thead');
  const headRow = el('tr');
  header.forEach(h => headRow.append(el('th', '', h)));
  thead.append(headRow);
  const tbody = el('tbody');
  for (const row of rows) {
    const tr = el('tr', row.status === 'ok' ? '' : 'jp-hpc-row-failed');
    const cells = [row.label, seconds(row.time_s)];
    if (repeats) {
      cells.push(seconds(row.min_s), seconds(row.max_s));
    }
    cells.push(
      ratio(row.speedup),
      row.efficiency === null ? '–' : `${Math.round(row.efficiency * 100)}%`,
      row.status
    );
    cells.forEach((c, i) => tr.append(el('td', i === cells.length - 1 ? 'jp-hpc-status' : '', c)));
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return table;
}

function renderPlots(plots: IPlot[]): HTMLElement[] {
  return plots.map(plot => {
    const figure = el('figure', 'jp-hpc-plot');
    const img = el('img');
    img.src = `data:image/png;base64,${plot.png}`;
    img.alt = plot.title;
    figure.append(img, el('figcaption', '', plot.title));
    return figure;
  });
}

/** Findings (warnings first) and the explanation, as ``display.show_analysis`` shows them. */
export function renderAnalysis(
  analysis: IAnalysis,
  rendermime: IRenderMimeRegistry,
  withPlots = true
): HTMLElement {
  const box = el('div', 'jp-hpc-analysis');
  if (withPlots) {
    box.append(...renderPlots(analysis.plots));
  }
  for (const note of analysis.notes ?? []) {
    box.append(el('div', 'jp-hpc-note', `profile: ${note}`));
  }
  const findings = [...(analysis.findings ?? [])].sort(
    (a, b) => Number(a.severity !== 'warning') - Number(b.severity !== 'warning')
  );
  if (findings.length) {
    box.append(el('div', 'jp-hpc-subtitle', 'Findings'));
    const list = el('ul', 'jp-hpc-findings');
    for (const finding of findings) {
      const item = el('li', finding.severity === 'warning' ? 'jp-hpc-finding-warning' : '');
      item.append(el('span', '', finding.message));
      if (finding.suggestion) {
        item.append(el('div', 'jp-hpc-suggestion', `Try: ${finding.suggestion}`));
      }
      list.append(item);
    }
    box.append(list);
  }
  const explanation = analysis.explanation;
  if (explanation) {
    const section = el('div', 'jp-hpc-explanation');
    const who = explanation.model
      ? `${explanation.writer}, ${explanation.model}`
      : explanation.writer;
    const title = el('div', 'jp-hpc-subtitle', 'Explanation ');
    title.append(el('small', '', `(${who})`));
    section.append(title);
    const prose = new MarkdownView(rendermime, el('div', 'jp-hpc-prose'));
    void prose.render(explanation.text);
    section.append(prose.node);
    if (explanation.note) {
      section.append(el('div', 'jp-hpc-note', explanation.note));
    }
    box.append(section);
  }
  return box;
}

/** A Result: verdict, build, notes, runs table, plots, then the analysis. */
export function renderResult(result: IResult, rendermime: IRenderMimeRegistry): HTMLElement {
  const card = el('div', 'jp-hpc-card jp-hpc-result');
  const head = el('div', 'jp-hpc-card-head');
  const verdict = result.interrupted
    ? badge('stopped', 'stopped')
    : !result.build.ok
      ? badge('does not compile', 'bad')
      : badge(result.ok ? 'ran' : 'failed', result.ok ? 'ok' : 'bad');
  head.append(verdict, el('span', 'jp-hpc-card-title', apiLabel(result.api, result.lang)));
  card.append(head);
  const build = el('div', 'jp-hpc-build', result.build.command);
  if (result.build.cache_hit) {
    build.append(el('small', '', ' (cached binary)'));
  }
  card.append(build);
  if (result.lines.length) {
    card.append(el('pre', result.build.ok ? 'jp-hpc-lines' : 'jp-hpc-log', result.lines.join('\n')));
  } else if (result.build.ok && result.build.log && !result.build.cache_hit) {
    card.append(el('pre', 'jp-hpc-log', result.build.log)); // compiler warnings
  }
  if (result.runs.length) {
    card.append(renderRunsTable(result.runs));
  }
  card.append(...renderPlots(result.plots));
  if (result.findings?.length || result.explanation || result.notes?.length) {
    card.append(renderAnalysis(result, rendermime, false));
  }
  return card;
}

/** Search hits: title, score, origin, code, and insert / copy buttons. */
export function renderHits(
  query: string,
  hits: IHit[],
  rendermime: IRenderMimeRegistry,
  actions: ICodeActions
): HTMLElement {
  const box = el('div', 'jp-hpc-card jp-hpc-hits');
  box.append(el('div', 'jp-hpc-card-head', hits.length ? `Examples for “${query}”` : `No examples for “${query}”`));
  hits.forEach((hit, index) => {
    const details = el('details', 'jp-hpc-hit');
    details.open = index === 0;
    const summary = el('summary');
    summary.append(
      el('b', '', `${index + 1}. ${hit.title}`),
      el('span', 'jp-hpc-hit-meta', ` ${apiLabel(hit.api, hit.lang)} · ${hit.id} · score ${hit.score.toFixed(3)}`)
    );
    details.append(summary);
    const code = new MarkdownView(rendermime, el('div', 'jp-hpc-codeview'));
    void code.render(fence(hit.code, hit.lang));
    const bar = el('div', 'jp-hpc-actions');
    if (actions.insert) {
      bar.append(
        button('Insert below', 'jp-hpc-insert', 'Insert below the active cell as a ready %%hpc_run cell', () =>
          actions.insert!(hit.cell)
        )
      );
    }
    bar.append(button('Copy', 'jp-hpc-copy', 'Copy the code', () => actions.copy(hit.code)));
    details.append(code.node, bar);
    box.append(details);
  });
  return box;
}
