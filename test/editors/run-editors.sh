#!/usr/bin/env bash
# fazhi-lint in real editors (issue #5). Called by .ci/run; runnable by hand from anywhere:
#
#   bash test/editors/run-editors.sh
#
#   (a) Neovim's built-in LSP client (headless) against `fazhi-lint lsp --stdio` on a real report, and on a line
#       with astral characters (𠀀) before the finding: the range Neovim converts must cover exactly the wrong words;
#   (b) VS Code (code-server in headless Chromium) with the packaged .vsix on a real report: the expected message
#       must show as a squiggle, in its hover and in the Problems panel. Screenshot: test-results/editors/vscode.png.
#
# Needs ../shared/tools (the harnesses); without it, every check is skipped with a message. Last line:
#   editors: N passed, N failed
# Env: SHARED_TOOLS (default ../shared/tools beside the clone), EDITORS_ONLY=nvim|vscode, EDITORS_PORTS (47310-47339)
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHARED=${SHARED_TOOLS:-$(cd "$ROOT/.." && pwd)/shared/tools}
OUT=$ROOT/test-results/editors
ONLY=${EDITORS_ONLY:-}
PORTS=${EDITORS_PORTS:-47310-47339}
SEED=$ROOT/fixtures/seeds/000_3c0df08b306f7395.txt
EXPECT='全文未提及“习近平法治思想”'
# the seed's title line (line 7: line 3 repeats it as the web page's own title, which web-residue flags), which
# that finding underlines: 47 bytes in Neovim's columns
TITLE='沩山镇2021年法治政府建设情况报告'

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "PASS: $*"; }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
finish() {
  echo "editors: ${passed} passed, ${failed} failed"
  [ "$failed" -eq 0 ]
  exit $?
}

if [ ! -d "$SHARED" ]; then
  echo "editors: skipped — the editor harnesses ($SHARED) are not here; nothing was run"
  finish
fi

mkdir -p "$OUT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-editors-XXXXXX")
GROUPS_STARTED=()
cleanup() {
  # every long-running step runs in its own process group (setsid): end those groups, nothing else
  for pgid in "${GROUPS_STARTED[@]}"; do kill -TERM -- "-$pgid" 2>/dev/null; done
  sleep 0.5
  for pgid in "${GROUPS_STARTED[@]}"; do kill -KILL -- "-$pgid" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "interrupted"; finish' INT TERM

# run_limited SECONDS LOGFILE CMD...: runs CMD in a new process group, ends the whole group after SECONDS.
run_limited() {
  local limit=$1 log=$2
  shift 2
  setsid "$@" >"$log" 2>&1 &
  local pid=$!
  GROUPS_STARTED+=("$pid")
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge $((limit * 10)) ]; then
      echo "(time-out after ${limit}s: $*)" >>"$log"
      kill -TERM -- "-$pid" 2>/dev/null
      sleep 2
      kill -KILL -- "-$pid" 2>/dev/null
      wait "$pid" 2>/dev/null
      return 124
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  wait "$pid"
}

# A free port in the fixed range, on 127.0.0.1.
free_port() {
  local lo=${PORTS%-*} hi=${PORTS#*-} p
  for ((p = lo; p <= hi; p++)); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

# The server the editors start: build dist/ when it is missing or older than the sources.
if [ ! -f "$ROOT/dist/lsp/server.js" ] || [ -n "$(find "$ROOT/src" -newer "$ROOT/dist/lsp/server.js" -name '*.ts' -print -quit)" ]; then
  echo "building dist/ (npm run build)"
  (cd "$ROOT" && npm run build >"$OUT/build.log" 2>&1) || echo "warning: npm run build reported errors (see $OUT/build.log)"
fi

# ---------------------------------------------------------------- (a) Neovim
if [ -z "$ONLY" ] || [ "$ONLY" = nvim ]; then
  if ! command -v nvim >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "installing Debian neovim"
      (apt-get install -y -qq neovim || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim)) >"$OUT/apt-neovim.log" 2>&1
    fi
  fi
  if ! command -v nvim >/dev/null; then
    bad "nvim: Neovim is not installed and could not be installed (see $OUT/apt-neovim.log)"
  elif [ ! -f "$SHARED/nvim-lsp/harness.lua" ]; then
    bad "nvim: $SHARED/nvim-lsp/harness.lua is missing"
  else
    # 1. a real report (plain text), with an edit on top that must be re-published
    mkdir -p "$WORK/nvim"
    cp "$SEED" "$WORK/nvim/report.txt"
    log=$OUT/nvim-report.log
    (cd "$WORK/nvim" && LSP_CMD="node $ROOT/bin/fazhi-lint.js lsp --stdio" LSP_FILE=report.txt LSP_EDIT='新增首行' \
      LSP_TIMEOUT_MS=30000 run_limited 90 "$log" nvim --headless -u NONE -i NONE -n -c "luafile $SHARED/nvim-lsp/harness.lua")
    rc=$?
    if [ "$rc" -eq 0 ] &&
      grep -E "^DIAG report.txt:7:1-7:47 \[fazhi-lint/xi-fazhi-thought\] sev=1 ${EXPECT}.* covers=\[${TITLE}\]" "$log" >/dev/null &&
      grep -E "^AFTER-EDIT report.txt:8:1-8:47 \[fazhi-lint/xi-fazhi-thought\] sev=1 ${EXPECT}.* covers=\[${TITLE}\]" "$log" >/dev/null; then
      ok "nvim: report.txt — “${EXPECT}” at 7:1, moved to 8:1 after an edit ($(grep -c '^DIAG' "$log") diagnostics)"
    else
      bad "nvim: report.txt (exit $rc) — see $log"
      tail -n 20 "$log"
    fi

    # 2. Markdown with astral characters before the finding: Neovim must underline exactly 习近平法制思想
    printf '# 某镇2023年法治政府建设情况报告\n\n一、主要成效\n\n𠀀𠀀2023年，我镇深入学习贯彻习近平法制思想。\n' >"$WORK/nvim/astral.md"
    log=$OUT/nvim-astral.log
    (cd "$WORK/nvim" && LSP_CMD="node $ROOT/bin/fazhi-lint.js lsp --stdio" LSP_FILE=astral.md LSP_TIMEOUT_MS=30000 \
      run_limited 60 "$log" nvim --headless -u NONE -i NONE -n -c "luafile $SHARED/nvim-lsp/harness.lua")
    rc=$?
    if [ "$rc" -eq 0 ] && grep -E '^DIAG astral.md:5:[0-9]+-5:[0-9]+ \[fazhi-lint/formulation\] .*covers=\[习近平法制思想\]' "$log" >/dev/null; then
      ok "nvim: astral.md — the range after 𠀀𠀀 covers exactly “习近平法制思想”"
    else
      bad "nvim: astral.md (exit $rc) — see $log"
      tail -n 20 "$log"
    fi
  fi
fi

# ---------------------------------------------------------------- (b) VS Code (code-server)
if [ -z "$ONLY" ] || [ "$ONLY" = vscode ]; then
  if [ ! -f "$SHARED/vscode-e2e/e2e.cjs" ]; then
    bad "vscode: $SHARED/vscode-e2e/e2e.cjs is missing"
  elif ! run_limited 900 "$OUT/vscode-setup.log" bash "$SHARED/vscode-e2e/setup.sh"; then
    bad "vscode: setup.sh failed — see $OUT/vscode-setup.log"
    tail -n 20 "$OUT/vscode-setup.log"
  elif ! (cd "$ROOT" && run_limited 300 "$OUT/package-vscode.log" npm run package:vscode); then
    bad "vscode: npm run package:vscode failed — see $OUT/package-vscode.log"
    tail -n 20 "$OUT/package-vscode.log"
  else
    VSIX=$(ls -t "$ROOT"/editors/vscode/*.vsix | head -n 1)
    mkdir -p "$WORK/vscode"
    cp "$SEED" "$WORK/vscode/report.txt"
    # e2e.cjs hovers the first squiggle of the file: expect the first finding the CLI reports (up to its first
    # ，or ：), so the editor is held to the command line's result for the same text.
    VS_EXPECT=$(cd "$WORK/vscode" && node "$ROOT/bin/fazhi-lint.js" --format json report.txt 2>/dev/null | node -e '
      let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
        const m = JSON.parse(s)[0].messages.sort((a, b) => a.line - b.line || a.column - b.column)[0];
        process.stdout.write(m ? m.message.split(/[，：]/)[0].slice(0, 30) : "");
      });')
    [ -n "$VS_EXPECT" ] && echo "vscode: expecting “${VS_EXPECT}” (the first finding of report.txt)"
    port=$(free_port) || port=
    if [ -z "$VS_EXPECT" ]; then
      bad "vscode: the CLI gave no finding for report.txt (node bin/fazhi-lint.js --format json), so there is nothing to expect"
    elif [ -z "$port" ]; then
      bad "vscode: no free port in $PORTS on 127.0.0.1"
    else
      log=$OUT/vscode-e2e.log
      VSIX=$VSIX WS=$WORK/vscode FILE=report.txt EXPECT=$VS_EXPECT SHOT=$OUT/vscode.png PORT=$port TIMEOUT_MS=90000 \
        run_limited 360 "$log" node "$SHARED/vscode-e2e/e2e.cjs"
      rc=$?
      if [ "$rc" -eq 0 ] && grep -q 'PASS' "$log"; then
        ok "vscode: “${VS_EXPECT}” shown as a squiggle, in its hover and in the Problems panel (screenshot $OUT/vscode.png)"
      else
        bad "vscode: e2e.cjs exit $rc — see $log (screenshot $OUT/vscode.png)"
        tail -n 25 "$log"
      fi
    fi
  fi
fi

finish
