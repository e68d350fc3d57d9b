"""jupyter-hpc: build, run, check and measure parallel C/C++ code from Jupyter.

``%load_ext kernel_magics`` registers the ``%%hpc_run`` and ``%hpc`` magics.
This module stays light: heavy libraries are imported when first needed.
"""

__version__ = "0.1.0"


def load_ipython_extension(ipython):
    """Register the magics with IPython (called by ``%load_ext kernel_magics``)."""
    from kernel_magics.magics import HPCMagics

    ipython.register_magics(HPCMagics(shell=ipython))


def unload_ipython_extension(ipython):
    """Nothing to undo beyond what IPython does itself."""
