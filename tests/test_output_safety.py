"""What -o may overwrite: never an input; devices and pipes directly; symlinks written through (issue 10)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.core.errors import ArgmapError
from argmap.core.output import write_atomic


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_render_over_its_own_map_is_refused(work: Path) -> None:
    os.symlink("maps/essay.json", work / "pic.svg")
    before = _snapshot(work)
    code, out, err = run("render", "essay", "-o", "maps/essay.json")
    assert (code, out) == (2, "")  # .json is no picture format
    code, out, err = run("render", "essay", "-o", "pic.svg")
    assert (code, out) == (1, "")
    assert err == (
        "Error: refusing to write pic.svg: it is an input of this command (it is maps/essay.json); "
        "choose another -o\n"
    )
    code, out, err = run("render", "essay", "-o", "maps/../maps/../pic.svg", "--format", "svg")
    assert code == 1 and "refusing to write" in err
    assert _snapshot(work) == before


def test_a_hard_link_to_the_source_text_is_refused(work: Path) -> None:
    os.link(work / "source.txt", work / "out.html")
    before = (work / "source.txt").read_bytes()
    code, _, err = run("report", "essay", "-o", "out.html")
    assert code == 1
    assert err == (
        "Error: refusing to write out.html: it is an input of this command (it is source.txt); "
        "choose another -o\n"
    )
    assert (work / "source.txt").read_bytes() == before


def test_compare_over_the_catalogue_is_refused(work: Path) -> None:
    before = (work / "maps" / "propositions.json").read_bytes()
    code, _, err = run("compare", "essay", "reply", "-o", "maps/propositions.json")
    assert code == 1
    assert err == (
        "Error: refusing to write maps/propositions.json: it is an input of this command; choose another -o\n"
    )
    assert (work / "maps" / "propositions.json").read_bytes() == before


def test_report_markdown_assets_never_overwrite_inputs(work: Path) -> None:
    # report.md writes report-essay.svg beside it; make that name a link to the map.
    os.symlink("maps/essay.json", work / "report-essay.svg")
    before = _snapshot(work)
    code, _, err = run("report", "essay", "-o", "report.md")
    assert code == 1 and "refusing to write report-essay.svg" in err
    assert _snapshot(work) == before


def test_a_character_device_stays_a_device(work: Path) -> None:
    # A private copy of /dev/null (same device numbers): a regression must not break the machine's.
    null = work / "null"
    try:
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:  # not root: /dev/null itself is safe, a rename over it is refused
        null = Path("/dev/null")
    write_atomic(null, b"discarded")
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert run("render", "essay", "-o", str(null)) == (0, f"{null}\n", "")
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert run("render", "essay", "-o", "/dev/null") == (0, "/dev/null\n", "")


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, b"<svg/>")
    reader.join(timeout=10)
    assert received == [b"<svg/>"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe.svg"]


@pytest.mark.slow
def test_dev_stdout_is_written_to_whatever_it_is(tmp_path: Path) -> None:
    code = "from argmap.core.output import write_atomic; write_atomic('/dev/stdout', b'picture')"
    piped = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert piped.stdout == b"picture"
    redirected = tmp_path / "out.svg"
    with redirected.open("wb") as stream:
        inode = os.fstat(stream.fileno()).st_ino
        subprocess.run([sys.executable, "-c", code], stdout=stream, check=True)
    assert redirected.read_bytes() == b"picture"
    assert redirected.stat().st_ino == inode  # the shell's file, not a new one renamed over it
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]


def test_a_read_only_target_is_refused_even_for_root(tmp_path: Path) -> None:
    target = tmp_path / "keep.svg"
    target.write_text("precious", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(ArgmapError, match=r"^cannot write .*keep.svg: it is read-only \(mode -r--r--r--\)$"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.svg"]


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "real.svg").write_text("old", encoding="utf-8")
    os.symlink("real.svg", tmp_path / "link.svg")
    write_atomic(tmp_path / "link.svg", "new")
    assert (tmp_path / "link.svg").is_symlink()
    assert (tmp_path / "real.svg").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.svg", "real.svg"]


def test_a_symlink_loop_as_target_is_one_line(tmp_path: Path) -> None:
    os.symlink("b.svg", tmp_path / "a.svg")
    os.symlink("a.svg", tmp_path / "b.svg")
    with pytest.raises(ArgmapError, match=r"^cannot write .*a.svg: Too many levels of symbolic links$"):
        write_atomic(tmp_path / "a.svg", "x")


def test_ctrl_c_during_the_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "big.svg"
    target.write_text("old", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"x" * 1_000_000)
    assert [p.name for p in tmp_path.iterdir()] == ["big.svg"]
    assert target.read_text(encoding="utf-8") == "old"


def test_suffix_and_format_must_agree_in_render_and_report(work: Path) -> None:
    for args, message in [
        (
            ["render", "essay", "-o", "x.jpg"],
            "Error: -o x.jpg: no format has the suffix '.jpg'; the formats are svg (.svg), png (.png), "
            "pdf (.pdf), dot (.dot, .gv)\n",
        ),
        (
            ["render", "essay", "--format", "png", "-o", "x.svg"],
            "Error: -o x.svg: the suffix '.svg' means svg, but --format asks for png; make them agree\n",
        ),
        (
            ["report", "essay", "-o", "x.pdf"],
            "Error: -o x.pdf: no format has the suffix '.pdf'; the formats are html (.html, .htm), "
            "markdown (.md, .markdown)\n",
        ),
    ]:
        code, out, err = run(*args)
        assert (code, out) == (2, ""), args
        assert err.startswith(f"Usage: main {args[0]} [OPTIONS] "), err
        assert err.endswith(message)
    assert not list(work.glob("x.*"))
    assert run("render", "essay", "--format", "png", "-o", "x.PNG")[0] == 0


def test_usage_errors_show_the_subcommand_usage(work: Path) -> None:
    code, _, err = run("render", "essay", "--focus", "nope")
    assert code == 2
    assert err.startswith("Usage: main render [OPTIONS] MAP...\nTry 'main render --help' for help.\n")
