"""jupyter-hpc: build, run, check and measure parallel C/C++ code from Jupyter.

``%load_ext kernel_magics`` registers the ``%%hpc_run`` and ``%hpc`` magics and,
in a Jupyter kernel, the Comm target the JupyterLab side panel talks to.
This module stays light: heavy libraries are imported when first needed.
"""

__version__ = "0.1.0"

PANEL_COMM_TARGET = "jupyter_hpc"


def load_ipython_extension(ipython):
    """Register the magics with IPython (called by ``%load_ext kernel_magics``)."""
    from kernel_magics.magics import HPCMagics

    ipython.register_magics(HPCMagics(shell=ipython))
    comms = _comm_manager(ipython)
    if comms is not None:  # a kernel (not a terminal IPython): the side panel can connect
        comms.register_target(PANEL_COMM_TARGET, _open_panel)


def unload_ipython_extension(ipython):
    """Stop answering the side panel; IPython itself drops the magics."""
    comms = _comm_manager(ipython)
    if comms is not None:
        comms.targets.pop(PANEL_COMM_TARGET, None)


def _comm_manager(ipython):
    return getattr(getattr(ipython, "kernel", None), "comm_manager", None)


def _open_panel(comm, msg):
    """The panel opened a Comm: only now is the panel's module imported."""
    from kernel_magics.panel import open_panel

    open_panel(comm, msg)


def _jupyter_labextension_paths():
    """Where the prebuilt side panel lies (``jupyter labextension develop``)."""
    return [{"src": "labextension", "dest": "jupyter-hpc"}]
