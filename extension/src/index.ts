/**
 * jupyter-hpc's JupyterLab extension: the HPC assistant side panel.
 */

import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { INotebookTracker } from '@jupyterlab/notebook';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';

import { DEFAULT_OPTIONS, HPCPanel } from './panel';
import { IPanelOptions } from './protocol';

const PLUGIN_ID = 'jupyter-hpc:plugin';
const OPEN_COMMAND = 'jupyter-hpc:open';

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: 'A side-panel chat that writes, runs, explains and fixes parallel code in the notebook kernel.',
  autoStart: true,
  requires: [INotebookTracker, IRenderMimeRegistry],
  optional: [ISettingRegistry, ILayoutRestorer, IStateDB, ICommandPalette],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    rendermime: IRenderMimeRegistry,
    settingRegistry: ISettingRegistry | null,
    restorer: ILayoutRestorer | null,
    state: IStateDB | null,
    palette: ICommandPalette | null
  ) => {
    let options: IPanelOptions = { ...DEFAULT_OPTIONS };
    const panel = new HPCPanel(tracker, rendermime, () => options, state);
    app.shell.add(panel, 'right', { rank: 600 });
    restorer?.add(panel, 'jupyter-hpc-panel');

    if (settingRegistry) {
      settingRegistry
        .load(PLUGIN_ID)
        .then(settings => {
          const read = () => {
            options = { ...DEFAULT_OPTIONS, ...(settings.composite as unknown as Partial<IPanelOptions>) };
          };
          read();
          settings.changed.connect(read);
        })
        .catch(reason => console.error('jupyter-hpc: cannot load the panel settings', reason));
    }

    app.commands.addCommand(OPEN_COMMAND, {
      label: 'HPC Assistant: Open Panel',
      caption: 'Open the HPC assistant side panel',
      execute: () => app.shell.activateById(panel.id)
    });
    palette?.addItem({ command: OPEN_COMMAND, category: 'HPC' });
  }
};

export default plugin;
