/**
 * Slash commands: what the panel's input box understands, and their completion.
 */

export interface ISlashCommand {
  name: string;
  usage: string;
  description: string;
  /** Sends the active cell's code with the request. */
  usesCell: boolean;
  /** Runs in the kernel (else the panel answers alone). */
  usesKernel: boolean;
}

export const COMMANDS: ISlashCommand[] = [
  {
    name: 'generate',
    usage: '/generate [options] words',
    description:
      'write a parallel program from words; it is compiled, checked, run and explained (the default: no slash needed)',
    usesCell: false,
    usesKernel: true
  },
  {
    name: 'parallelize',
    usage: '/parallelize [options] [words]',
    description:
      "parallelize the active cell's code; checked against its output, then run",
    usesCell: true,
    usesKernel: true
  },
  {
    name: 'run',
    usage: '/run [-t 1,2,4] [-n 1,2] [--repeat R] [--race-check] [--profile]',
    description:
      "build, run and time the active cell's code (as %%hpc_run): table, speedup plot, explanation",
    usesCell: true,
    usesKernel: true
  },
  {
    name: 'explain',
    usage: '/explain [VAR] [--level student|expert] [--with llm|template]',
    description: 'explain the last result again (findings and prose)',
    usesCell: false,
    usesKernel: true
  },
  {
    name: 'fix',
    usage: '/fix [options]',
    description: 'explain and repair the last failed run or generation',
    usesCell: false,
    usesKernel: true
  },
  {
    name: 'search',
    usage: '/search words [-k 5] [--api openmp|mpi|hybrid|serial] [-l c|c++]',
    description: 'find verified example programs (and your indexed code)',
    usesCell: false,
    usesKernel: true
  },
  {
    name: 'help',
    usage: '/help',
    description: 'what the panel can do',
    usesCell: false,
    usesKernel: false
  },
  {
    name: 'clear',
    usage: '/clear',
    description: 'clear the conversation',
    usesCell: false,
    usesKernel: false
  }
];

export interface IParsedInput {
  command: ISlashCommand | null;
  /** The name typed after the slash (set even when it is unknown). */
  name: string;
  text: string;
}

/** "/run -t 1,2" -> run + "-t 1,2"; plain words are a /generate request. */
export function parseInput(input: string): IParsedInput {
  const trimmed = input.trim();
  if (!trimmed.startsWith('/')) {
    return { command: COMMANDS[0], name: 'generate', text: trimmed };
  }
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(trimmed)!;
  const name = match[1].toLowerCase();
  const command = COMMANDS.find(c => c.name === name) ?? null;
  return { command, name, text: match[2].trim() };
}

/** Commands whose name starts with what follows the slash (none once a space is typed). */
export function completions(input: string): ISlashCommand[] {
  const match = /^\/(\S*)$/.exec(input);
  if (!match) {
    return [];
  }
  const prefix = match[1].toLowerCase();
  return COMMANDS.filter(c => c.name.startsWith(prefix));
}

export function helpMarkdown(): string {
  const rows = COMMANDS.map(
    c => `| \`${c.usage}\` | ${c.description} |`
  ).join('\n');
  return [
    'Ask in words for a parallel C/C++ program, or use a command:',
    '',
    '| command | what it does |',
    '|---|---|',
    rows,
    '',
    'Everything runs in the kernel of the active notebook, with the same configuration as the',
    '`%%hpc` and `%%hpc_run` magics (results are also in `_hpc` and `_hpc_gen`). Options are',
    "those of the magics, e.g. `/run -t 1,2,4 --repeat 3`; the panel's defaults are in",
    'Settings → HPC assistant. **Stop** interrupts the kernel. Keys: Enter sends, Shift+Enter',
    'adds a line, Tab completes a command, ↑/↓ recall earlier requests.'
  ].join('\n');
}
