#!/usr/bin/env bash
# Smoke test of the packaged app: start the jpackage launcher under Xvfb, wait for the main window titled
# "SegmentLab", screenshot the screen into target/smoke.png. Fails if the window never appears or the
# process dies first. Not part of `mvn verify`.
#
#   bash jlink/smoke.sh                      # builds the app-image first (jlink/package.sh --app-image-only)
#   bash jlink/smoke.sh --no-build           # uses the existing target/dist/SegmentLab
#   bash jlink/smoke.sh --launcher /opt/segmentlab/bin/SegmentLab   # e.g. the installed .deb
#   bash jlink/smoke.sh --no-build --tour    # also visits steps 2-6 (Ctrl+2..6; needs xdotool), a
#                                            # screenshot each: target/smoke-step<N>.png
#   SMOKE_TIMEOUT=90 bash jlink/smoke.sh     # seconds to wait for the window (default 60)
#   SMOKE_SETTLE=15                          # seconds between the window showing and the screenshot
#
# Needs xvfb (xvfb-run), x11-utils (xwininfo), imagemagick (import); xdotool is used when present.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=$ROOT/target
LAUNCHER=$TARGET/dist/SegmentLab/bin/SegmentLab
BUILD=true
TOUR=false
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) BUILD=false ;;
    --tour) TOUR=true ;;
    --launcher) LAUNCHER=$2; BUILD=false; shift ;;
    --inner) shift; break ;;   # internal: we are inside xvfb-run
    *) echo "smoke.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
TIMEOUT=${SMOKE_TIMEOUT:-60}
SHOT=$TARGET/smoke.png
LOG=$TARGET/smoke.log

if [ "${SMOKE_INNER:-}" != 1 ]; then
  for tool in xvfb-run xwininfo import; do
    command -v "$tool" >/dev/null || { echo "smoke.sh: $tool missing (apt-get install xvfb x11-utils imagemagick)" >&2; exit 2; }
  done
  if $BUILD; then bash "$ROOT/jlink/package.sh" --app-image-only; fi
  [ -x "$LAUNCHER" ] || { echo "smoke.sh: no launcher at $LAUNCHER" >&2; exit 2; }
  mkdir -p "$TARGET"
  # -a: pick a free display number; the screen is big enough for the default window size
  SMOKE_INNER=1 SMOKE_LAUNCHER=$LAUNCHER SMOKE_TOUR=$TOUR exec xvfb-run -a -s "-screen 0 1400x900x24" bash "$0" --inner
fi

# ----------------------------------------------------------------------------- inside Xvfb (DISPLAY set)
LAUNCHER=$SMOKE_LAUNCHER
TOUR=${SMOKE_TOUR:-false}
rm -f "$SHOT" "$TARGET"/smoke-step*.png
echo "smoke: starting $LAUNCHER on $DISPLAY" | tee "$LOG"
START=$(date +%s)
"$LAUNCHER" >>"$LOG" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap cleanup EXIT

find_window() {   # prints the id of a mapped top-level window whose title is exactly "SegmentLab..."
  if command -v xdotool >/dev/null; then
    xdotool search --onlyvisible --name '^SegmentLab' 2>/dev/null | head -1
  else
    xwininfo -root -tree 2>/dev/null | awk '/"SegmentLab/ {print $1; exit}'
  fi
}

WIN=""
while [ -z "$WIN" ]; do
  if ! kill -0 "$PID" 2>/dev/null; then
    wait "$PID" && rc=0 || rc=$?
    echo "smoke: FAIL - the app exited (status $rc) before its window appeared; log: $LOG" >&2
    tail -n 30 "$LOG" >&2
    exit 1
  fi
  if [ $(( $(date +%s) - START )) -ge "$TIMEOUT" ]; then
    echo "smoke: FAIL - no window titled SegmentLab within $TIMEOUT s; log: $LOG" >&2
    xwininfo -root -tree 2>/dev/null | grep -E '^\s+0x' | head -20 >&2 || true
    tail -n 30 "$LOG" >&2
    exit 1
  fi
  sleep 0.5
  WIN=$(find_window || true)
done
SHOWN=$(( $(date +%s) - START ))
echo "smoke: window $WIN after ${SHOWN} s: $(xwininfo -id "$WIN" | sed -n 's/^xwininfo: Window id: [^ ]* //p')" | tee -a "$LOG"

alive() {
  kill -0 "$PID" 2>/dev/null || { echo "smoke: FAIL - the app died after showing its window ($1)" >&2; tail -n 30 "$LOG" >&2; exit 1; }
  if grep -qE 'Exception in |^Caused by: |^[a-zA-Z.]+(Exception|Error): ' "$LOG"; then
    echo "smoke: FAIL - exception in the log ($1): $LOG" >&2; grep -m5 -E 'Exception|Error' "$LOG" >&2; exit 1
  fi
}
sleep "${SMOKE_SETTLE:-15}"   # let the first frames render and the bundled sample load
alive "start"
import -window root "$SHOT"
echo "smoke: OK - screenshot $SHOT" | tee -a "$LOG"

if $TOUR; then
  command -v xdotool >/dev/null || { echo "smoke: --tour needs xdotool" >&2; exit 2; }
  for step in 2 3 4 5 6; do
    xdotool windowfocus --sync "$WIN" 2>/dev/null || true
    xdotool key --window "$WIN" "ctrl+$step"
    sleep "${SMOKE_STEP_SETTLE:-8}"
    alive "step $step"
    import -window root "$TARGET/smoke-step$step.png"
    echo "smoke: step $step OK - screenshot $TARGET/smoke-step$step.png" | tee -a "$LOG"
  done
fi
