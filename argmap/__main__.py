"""Run the command line as `python -m argmap`."""

from argmap.cli import main

main(prog_name="argmap")
