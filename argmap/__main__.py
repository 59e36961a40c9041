"""Run the command line as `python -m argmap`."""

from argmap.cli.entry import run

run(prog_name="argmap")
