import { LabIcon } from '@jupyterlab/ui-components';

/** A rack of two nodes with a speech tail: the cluster you talk to. */
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24">
  <g class="jp-icon3" fill="#616161">
    <path d="M4 2.5h16a1.5 1.5 0 0 1 1.5 1.5v4A1.5 1.5 0 0 1 20 9.5H4A1.5 1.5 0 0 1 2.5 8V4A1.5 1.5 0 0 1 4 2.5zm1.5 2.5v2h2V5h-2zm4 .5v1h8v-1h-8z"/>
    <path d="M4 11.5h16a1.5 1.5 0 0 1 1.5 1.5v4a1.5 1.5 0 0 1-1.5 1.5h-7l-4.5 3.5v-3.5H4A1.5 1.5 0 0 1 2.5 17v-4A1.5 1.5 0 0 1 4 11.5zm1.5 2.5v2h2v-2h-2zm4 .5v1h8v-1h-8z"/>
  </g>
</svg>`;

export const hpcIcon = new LabIcon({ name: 'jupyter-hpc:icon', svgstr: svg });
