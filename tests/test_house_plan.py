"""The house plan (README, "Layout") as the code keeps it: folders, module docstrings and the
one module that touches Wagtail's private attributes. The layers are import-linter's
contracts (pyproject.toml), checked by `lint-imports` in CI."""

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ["core", "museum_pages", "network", "home", "search", "teams", "demo", "memhisto"]
# Wagtail's and treebeard's private attributes that core.wagtail_internals sets for them.
PRIVATE_ATTRIBUTES = re.compile(r"\._wagtail_\w+|\._cached_parent_obj\b")


def tracked_files():
    listing = subprocess.run(
        ["git", "ls-files"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [ROOT / line for line in listing.splitlines()]


def our_modules():
    return [
        path
        for path in tracked_files()
        if path.suffix == ".py"
        and path.relative_to(ROOT).parts[0] in APPS
        and "migrations" not in path.parts
    ]


def test_the_readme_layout_table_lists_every_top_level_folder():
    readme = (ROOT / "README.md").read_text()
    layout = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([\w.-]+)/` \|", layout, re.MULTILINE))
    folders = {
        path.relative_to(ROOT).parts[0]
        for path in tracked_files()
        if len(path.relative_to(ROOT).parts) > 1 and path.relative_to(ROOT).parts[0][0] != "."
    }
    assert listed == folders


def test_every_module_says_first_what_it_owns():
    modules = our_modules()
    assert len(modules) > 60
    silent = [
        str(path.relative_to(ROOT))
        for path in modules
        if not (ast.get_docstring(ast.parse(path.read_text())) or "").strip()
    ]
    assert silent == []


def test_wagtails_private_attributes_are_touched_in_one_module_only():
    touching = {
        str(path.relative_to(ROOT))
        for path in our_modules()
        if PRIVATE_ATTRIBUTES.search(path.read_text())
    }
    assert touching == {"core/wagtail_internals.py"}
