"""A corpus read at run time from where `fetch` put it: a bare git mirror (read at HEAD) or a folder."""

from __future__ import annotations

import subprocess
from pathlib import Path


class CorpusError(Exception):
    """The corpus cannot be read where it was said to be."""


def open_corpus(path: Path) -> FolderSource | GitSource:
    """The files of a bare git mirror, or of a checked-out folder."""
    return GitSource(path) if is_git_dir(path) else FolderSource(path)


def is_git_dir(path: Path) -> bool:
    """A bare repository has HEAD and objects/ at its top."""
    return (path / "HEAD").is_file() and (path / "objects").is_dir()


class FolderSource:
    """Files of a checked-out corpus folder."""

    def __init__(self, root: Path) -> None:
        if not root.is_dir():
            raise CorpusError(f"{root} is neither a git directory nor a folder")
        self.root = root

    def names(self, folder: str, recursive: bool = False) -> list[str]:
        """File names in a folder of the corpus (paths from the top with ``recursive``)."""
        target = self.root / folder
        if not target.is_dir():
            raise CorpusError(f"{target} is missing")
        if recursive:
            return sorted(str(p.relative_to(self.root)) for p in target.rglob("*") if p.is_file())
        return sorted(p.name for p in target.iterdir())

    def read_bytes(self, path: str, missing_ok: bool = False) -> bytes:
        """A file's bytes (empty if it is missing and that is fine)."""
        target = self.root / path
        if missing_ok and not target.exists():
            return b""
        return target.read_bytes()

    def close(self) -> None:
        """Nothing to release."""


class GitSource:
    """Files of a bare git mirror at HEAD, read through one `git cat-file --batch` process."""

    def __init__(self, git_dir: Path) -> None:
        self.git_dir = git_dir
        self.batch = subprocess.Popen(["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def names(self, folder: str, recursive: bool = False) -> list[str]:
        """File names in a folder at HEAD (paths from the top with ``recursive``)."""
        listing = subprocess.run(["git", f"--git-dir={self.git_dir}", "ls-tree", "--name-only",
                                  *(["-r"] if recursive else []), "HEAD", folder + "/"],
                                 capture_output=True, text=True, check=False)
        if listing.returncode != 0 or not listing.stdout:
            raise CorpusError(f"{folder} not found at HEAD of {self.git_dir}")
        lines = listing.stdout.splitlines()
        return sorted(lines if recursive else (line.rsplit("/", 1)[-1] for line in lines))

    def read_bytes(self, path: str, missing_ok: bool = False) -> bytes:
        """A blob's bytes at HEAD (empty if it is missing and that is fine)."""
        assert self.batch.stdin is not None and self.batch.stdout is not None
        self.batch.stdin.write(f"HEAD:{path}\n".encode())
        self.batch.stdin.flush()
        header = self.batch.stdout.readline().decode().split()
        if len(header) < 3 or header[1] != "blob":
            if missing_ok:
                return b""
            raise CorpusError(f"{path} not found at HEAD of {self.git_dir}")
        return self.batch.stdout.read(int(header[2]) + 1)[:-1]  # the blob, then a newline

    def close(self) -> None:
        """End the batch process."""
        if self.batch.stdin is not None:
            self.batch.stdin.close()
        self.batch.wait()
