"""Run a notebook's code cells in order, in one namespace, without Jupyter.

    PAPERGRAPH_URL=http://localhost:4000/graphql python3 examples/run_notebook.py examples/notebook.ipynb

Prints what the cells print (``display(x)`` prints ``x``) and exits with status 1 at
the first cell that raises, naming the cell and showing its traceback. The test suite
uses it to run examples/notebook.ipynb against a test server.
"""

import json
import linecache
import sys
import traceback


def display(*objects):
    """Stand-in for IPython's display(): print each object."""
    for obj in objects:
        print(obj)


def cell_source(cell):
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def run(path):
    with open(path, encoding="utf-8") as f:
        notebook = json.load(f)
    if notebook.get("nbformat") != 4:
        print(f"{path}: not an nbformat 4 notebook", file=sys.stderr)
        return 2
    namespace = {"__name__": "__main__", "display": display}
    code_cells = [(i, c) for i, c in enumerate(notebook["cells"]) if c.get("cell_type") == "code"]
    for n, (index, cell) in enumerate(code_cells, start=1):
        source = cell_source(cell)
        magic = next((line for line in source.splitlines() if line.lstrip().startswith(("%", "!"))), None)
        if magic is not None:
            print(f"{path}: code cell {n} uses IPython syntax this runner cannot run: {magic.strip()}", file=sys.stderr)
            return 1
        filename = f"<{path} code cell {n}>"
        # Register the source so tracebacks show the failing line.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        print(f"--- code cell {n} of {len(code_cells)} (cell {index}) ---", flush=True)
        try:
            exec(compile(source, filename, "exec"), namespace)
        except Exception:  # noqa: BLE001 - report any failure and stop, like "Run All"
            sys.stdout.flush()
            print(f"{path}: code cell {n} of {len(code_cells)} (cell {index}) failed:", file=sys.stderr)
            traceback.print_exc()
            return 1
        sys.stdout.flush()
    print(f"--- all {len(code_cells)} code cells ran ---")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} NOTEBOOK.ipynb", file=sys.stderr)
        sys.exit(2)
    sys.exit(run(sys.argv[1]))
