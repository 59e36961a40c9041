"""Frameworks for competition solvers: ICCMA 2023 (`p af N`) and ASPARTIX `.apx`, and their answers back.

Both writers number the arguments in framework order (1..N in ICCMA, a1_..aN_ in ASPARTIX); the
ICCMA file lists in comments which map node or relation each number stands for, the ASPARTIX names
carry it, so a person can read the file and `read_extension` can read a solver's answer back.
Map text never enters these files, only ids, which the format restricts to letters, digits and
'_', '.', '-' (':' joins map and id).
"""

from __future__ import annotations

import re

from argmap.core.errors import ArgmapError
from argmap.evaluating.framework import Framework

__all__ = ["SolverOutputError", "apx_name", "read_extension", "write_apx", "write_iccma"]


class SolverOutputError(ArgmapError):
    """A solver's answer that does not name an extension of the framework."""


def write_iccma(fw: Framework) -> str:
    """The framework in the ICCMA 2023 format: `p af N`, `# N key` comments, one `i j` line per attack."""
    lines = [f"p af {fw.size}"]
    lines += [f"# {i} {a.key}" for i, a in enumerate(fw.arguments, 1)]
    lines += [f"{a + 1} {b + 1}" for a, b in fw.attacks]
    return "\n".join(lines) + "\n"


def apx_name(fw: Framework, i: int) -> str:
    """The ASP constant for argument i: `a` + its number + its key with other characters as '_'."""
    return f"a{i + 1}_" + re.sub(r"[^A-Za-z0-9]", "_", fw.arguments[i].key)


def write_apx(fw: Framework) -> str:
    """The framework in ASPARTIX's `.apx` facts, `arg(a1_map_c1).` and `att(a1_map_c1,a2_map_c2).`

    No comment lines: several apx readers reject them, so each name carries its key instead."""
    lines = [f"arg({apx_name(fw, i)})." for i in range(fw.size)]
    lines += [f"att({apx_name(fw, a)},{apx_name(fw, b)})." for a, b in fw.attacks]
    return "\n".join(lines) + "\n"


_APX_NAME = re.compile(r"\ba(\d+)(?:_[A-Za-z0-9_]*)?\b")


def read_extension(fw: Framework, text: str, source: str = "<solver output>") -> tuple[int, ...]:
    """The extension a solver printed, as argument indices.

    Accepts the ICCMA 2023 answer (`w 1 4 7`, or `NO` when there is none), ASPARTIX/clingo answer
    sets (`in(a1) in(a4)`) and the older bracket lists (`[a1,a4]`). Raises SolverOutputError naming
    the file and line when the answer names no extension or an argument the framework lacks."""
    members: list[int] = []
    seen_answer = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", "%", "c ")):
            continue
        if line == "NO":
            raise SolverOutputError(f"{source}:{number}: the solver found no extension (NO)")
        if line.startswith("w ") or line == "w":
            fields = line.split()[1:]
            if not all(f.isdigit() for f in fields):
                raise SolverOutputError(f"{source}:{number}: a witness line holds argument numbers only")
            found = [int(f) for f in fields]
            bad = [f for f in found if not 1 <= f <= fw.size]
            if bad:
                raise SolverOutputError(
                    f"{source}:{number}: argument {bad[0]} is not in the framework (1..{fw.size})"
                )
            members += [f - 1 for f in found]
            seen_answer = True
        elif line.startswith("[") or "in(" in line:
            found = [int(m) for m in _APX_NAME.findall(line)]
            bad = [f for f in found if not 1 <= f <= fw.size]
            if bad:
                raise SolverOutputError(
                    f"{source}:{number}: argument a{bad[0]} is not in the framework (a1..a{fw.size})"
                )
            members += [f - 1 for f in found]
            seen_answer = True
        elif line.upper() in ("YES", "SATISFIABLE", "ANSWER: 1") or line.startswith(("Answer:", "Models")):
            continue
        else:
            raise SolverOutputError(
                f"{source}:{number}: not an extension: expected 'w 1 2 ...', 'in(a1) ...' or '[a1,...]'"
            )
    if not seen_answer:
        raise SolverOutputError(f"{source}: no extension found in the solver's answer")
    return tuple(sorted(set(members)))
