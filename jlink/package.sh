#!/usr/bin/env bash
# SegmentLab native packaging: a jlink'ed Java 17 runtime (JDK modules + OpenJFX modules), a jpackage
# app-image and the platform installer (.deb here; .dmg / .msi on macOS / Windows, see jlink/README.md).
#
#   mvn -Ppackage -DskipTests package      # runs this script in the package phase (exec-maven-plugin)
#   bash jlink/package.sh [--app-image-only | --installer-only]
#                                            # by hand, after `mvn -DskipTests package`; --installer-only
#                                            # packs the existing target/dist/SegmentLab again
#
# Inputs : target/segmentlab.jar, target/lib/*.jar (copy-dependencies), assets/icon/, LICENSE
# Outputs: target/dist/SegmentLab/            app-image, launcher target/dist/SegmentLab/bin/SegmentLab
#          target/dist/segmentlab_<v>_amd64.deb
#          target/jpackage/                    work dir (runtime image, trimmed input, generated arg files)
# Env    : PACKAGE_JDK=<jdk home>   JDK whose jlink/jdeps/jpackage are used (default: a JDK 17, see pick_jdk)
#          KEEP_ICU4J=1             do not drop icu4j (see EXCLUDED_JARS)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
TARGET=$ROOT/target
WORK=$TARGET/jpackage
DIST=$TARGET/dist
NAME=SegmentLab
MAIN_JAR=segmentlab.jar
MAIN_CLASS=dev.segmentlab.Main
JAVA_FEATURE=17   # the runtime we ship; jlink must come from a JDK of the same feature release

APP_IMAGE_ONLY=false
INSTALLER_ONLY=false
for arg in "$@"; do
  case $arg in
    --app-image-only) APP_IMAGE_ONLY=true ;;
    --installer-only) INSTALLER_ONLY=true ;;
    *) echo "package.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

log() { printf '[package] %s\n' "$*"; }
die() { printf '[package] ERROR: %s\n' "$*" >&2; exit 1; }
START=$(date +%s)

# ---------------------------------------------------------------------------------------------------- JDK
jdk_feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
pick_jdk() {
  local c javac_home=""
  if command -v javac >/dev/null 2>&1; then javac_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")"); fi
  for c in "${PACKAGE_JDK:-}" "${JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk "$javac_home"; do
    [ -n "$c" ] || continue
    if { [ -x "$c/bin/jpackage" ] || [ -x "$c/bin/jpackage.exe" ]; } && [ "$(jdk_feature "$c")" = "$JAVA_FEATURE" ]; then
      echo "$c"; return
    fi
  done
  if [ -n "${PACKAGE_JDK:-}" ]; then echo "$PACKAGE_JDK"; return; fi   # explicit choice wins, with a warning below
  return 1
}
JDK=$(pick_jdk) || die "no JDK $JAVA_FEATURE with jpackage found; set PACKAGE_JDK=/path/to/jdk-$JAVA_FEATURE"
[ "$(jdk_feature "$JDK")" = "$JAVA_FEATURE" ] || log "WARNING: $JDK is not a JDK $JAVA_FEATURE; the runtime will be $(jdk_feature "$JDK")"
JLINK=$JDK/bin/jlink; JDEPS=$JDK/bin/jdeps; JPACKAGE=$JDK/bin/jpackage
log "JDK $JDK"

# ------------------------------------------------------------------------------------------------ platform
case "$(uname -s)" in
  Linux*)               OS=linux; INSTALLER=deb; ICON=assets/icon/segmentlab-512.png ;;
  Darwin*)              OS=mac;   INSTALLER=dmg; ICON=assets/icon/segmentlab.icns ;;
  MINGW*|MSYS*|CYGWIN*) OS=win;   INSTALLER=msi; ICON=assets/icon/segmentlab.ico ;;
  *) die "unsupported OS $(uname -s)" ;;
esac
SEP=':'; [ "$OS" = win ] && SEP=';'

installer() {
  log "jpackage $INSTALLER"
  rm -f "$DIST"/*."$INSTALLER"
  local image=$DIST/$NAME; [ "$OS" = mac ] && image=$DIST/$NAME.app
  (cd "$ROOT" && "$JPACKAGE" --type "$INSTALLER" --dest "$DIST" --app-image "$image" \
    --app-version "$APP_VERSION" --icon "$ICON" \
    @jlink/jpackage.args @"jlink/jpackage-$OS.args")
  for f in "$DIST"/*."$INSTALLER"; do [ -f "$f" ] && log "installer $(du -sh "$f" | cut -f1)   $f"; done
}

[ -f "$TARGET/$MAIN_JAR" ] || die "$TARGET/$MAIN_JAR missing: run mvn -DskipTests package first"
[ -d "$TARGET/lib" ] || die "$TARGET/lib missing: run mvn -DskipTests package first"
VERSION=$(unzip -p "$TARGET/$MAIN_JAR" META-INF/MANIFEST.MF 2>/dev/null | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
VERSION=${VERSION:-0.1.0}
APP_VERSION=${VERSION%%-*}   # jpackage (and .msi/.dmg) want a plain numeric version: 0.1.0-SNAPSHOT -> 0.1.0
log "version $APP_VERSION ($OS, installer .$INSTALLER)"
if $INSTALLER_ONLY; then
  [ -d "$DIST/$NAME" ] || [ -d "$DIST/$NAME.app" ] || die "no app-image at $DIST/$NAME"
  installer; exit 0
fi

# ------------------------------------------------------------------------------------------------- trimming
# Jars that come with the dependencies but are never loaded by SegmentLab. Checked with `jdeps -summary`
# over all jars (which jar needs which) and with a -verbose:class run of the GUI and the CLI (see README).
EXCLUDED_JARS=(
  # 14 MB. Tablesaw uses ICU only in tech.tablesaw.io.Source.getCharSet(File), i.e. when a CSV is read
  # through a File/path (Table.read().csv(File|path), CsvReadOptions.builder(File|path), .file(...)) to
  # guess its charset. SegmentLab reads through a Reader/InputStream with an explicit charset, so ICU is
  # never loaded. Guarded below: if the app's bytecode calls one of those entry points, icu4j is kept.
  'icu4j-*.jar'
  # Annotation-only jars of Guava/Tablesaw (JSR 305, Checker Framework, Error Prone, J2ObjC): needed at
  # compile time only; annotations whose class is missing are ignored by the JVM at run time.
  'jsr305-*.jar'
  'checker-qual-*.jar'
  'error_prone_annotations-*.jar'
  'j2objc-annotations-*.jar'
  # Empty jar (Guava's "listenablefuture-9999.0-empty-to-avoid-conflict-with-guava").
  'listenablefuture-*.jar'
)
# The JavaFX jars are not copied to the input either: their modules are linked into the runtime.
# (javafx-<m>-<v>.jar are empty parents; javafx-<m>-<v>-<platform>.jar are the modular jars.)

# Does the app call a Tablesaw entry point that sniffs a file's charset with ICU?
uses_tablesaw_charset_sniffing() {
  local dir=$WORK/appclasses
  rm -rf "$dir"; mkdir -p "$dir"
  (cd "$dir" && unzip -q -o "$TARGET/$MAIN_JAR" '*.class' 2>/dev/null) || true
  local classes; classes=$(cd "$dir" && find . -name '*.class' | sed 's#^\./##; s#\.class$##' | tr '/' '.')
  [ -n "$classes" ] || return 1
  # shellcheck disable=SC2086
  (cd "$dir" && "$JDK/bin/javap" -c -p -cp . $classes 2>/dev/null) | grep -Eq \
    'tech/tablesaw/io/(Source\."<init>":\(Ljava/io/File;\)|(csv/Csv|fixed/FixedWidth)ReadOptions\.builder(FromFile)?:\(Ljava/(io/File|lang/String);\)|DataFrameReader\.(file|csv):\(Ljava/(io/File|lang/String);\))'
}
if [ "${KEEP_ICU4J:-0}" = 1 ]; then
  log "KEEP_ICU4J=1: keeping icu4j"; EXCLUDED_JARS=("${EXCLUDED_JARS[@]/icu4j-\*.jar/}")
elif uses_tablesaw_charset_sniffing; then
  log "WARNING: the app reads CSV files through a File/path with Tablesaw (charset sniffing needs ICU):"
  log "WARNING: keeping icu4j (+14 MB). Read through a Reader with an explicit charset to drop it."
  EXCLUDED_JARS=("${EXCLUDED_JARS[@]/icu4j-\*.jar/}")
fi

rm -rf "$WORK" "$DIST/$NAME" "$DIST/$NAME.app"
mkdir -p "$WORK/input/lib" "$WORK/fxmods" "$WORK/fxnative" "$DIST"
cp "$TARGET/$MAIN_JAR" "$WORK/input/"   # its manifest Class-Path (lib/...) still names the dropped jars: harmless
# The bundled sample data set (opened at start; found through -Dsegmentlab.sample=$APPDIR/data/..., see
# jpackage-app-image.args) with its CC BY 4.0 attribution.
mkdir -p "$WORK/input/data"
cp "$ROOT/assets/data/online-retail.csv.gz" "$ROOT/assets/data/ATTRIBUTION.md" "$WORK/input/data/"

FX_JARS=() CP_JARS=() DROPPED=()
for jar in "$TARGET"/lib/*.jar; do
  base=$(basename "$jar")
  if [[ $base =~ ^javafx-[a-z]+-[0-9][0-9.]*\.jar$ ]]; then continue; fi                 # empty parent jar
  if [[ $base == javafx-* ]]; then FX_JARS+=("$jar"); continue; fi                       # platform module jar
  skip=false
  for pat in "${EXCLUDED_JARS[@]}"; do
    # shellcheck disable=SC2053
    if [ -n "$pat" ] && [[ $base == $pat ]]; then skip=true; fi
  done
  if $skip; then DROPPED+=("$base"); continue; fi
  cp "$jar" "$WORK/input/lib/"; CP_JARS+=("$WORK/input/lib/$base")
done
[ ${#FX_JARS[@]} -gt 0 ] || die "no platform JavaFX jars (javafx-*-<version>-$OS*.jar) in target/lib"
log "dropped jars: ${DROPPED[*]:-none}"

# JavaFX modules for jlink. Their native libraries (lib*.so) are taken out of the jars and put into the
# runtime's lib/ (like the OpenJFX jmods do): JavaFX then loads them with System.loadLibrary instead of
# extracting them to ~/.openjfx/cache on the first start.
for jar in "${FX_JARS[@]}"; do
  base=$(basename "$jar"); cp "$jar" "$WORK/fxmods/$base"
  natives=$(unzip -Z1 "$jar" | grep -E '\.(so|dylib|dll)$' || true)
  if [ -n "$natives" ]; then
    # shellcheck disable=SC2086
    (cd "$WORK/fxnative" && unzip -q -o "$jar" $natives)
    # shellcheck disable=SC2086
    zip -q -d "$WORK/fxmods/$base" $natives
  fi
done
FX_MODULE_PATH=$(printf "%s$SEP" "$WORK"/fxmods/*.jar); FX_MODULE_PATH=${FX_MODULE_PATH%"$SEP"}
APP_CLASS_PATH=$(printf "%s$SEP" "${CP_JARS[@]}"); APP_CLASS_PATH=${APP_CLASS_PATH%"$SEP"}
# parquet-column and parquet-hadoop both carry shaded fastutil packages: as automatic modules on jdeps' module path
# they split a package ("Modules parquet.column and parquet.hadoop export package …"); on the class path they are fine
APP_MODULE_PATH=$(printf "%s\n" "${CP_JARS[@]}" | grep -v '/parquet-[a-z-]*[0-9.]*\.jar$' | paste -sd"$SEP" -)

# ------------------------------------------------------------------------------------------------- modules
# One jdeps run over the app and all its (non-JavaFX) jars on the class path lists the JDK/JavaFX modules
# they use and the JavaFX internal packages they reach into. Modular jars among them (fastexcel requires
# opczip) make jdeps resolve them as modules, so the jars also go on the module path. jdeps takes about
# a minute on 2 busy cores; its answer is cached per set of input jars.
JDEPS_KEY=$(cat "$WORK/input/$MAIN_JAR" "${CP_JARS[@]}" "${FX_JARS[@]}" | sha1sum | cut -c1-16)
JDEPS_CACHE=$TARGET/jpackage-jdeps-$JDEPS_KEY.txt
if [ -s "$JDEPS_CACHE" ]; then
  log "jdeps: cached ($JDEPS_CACHE)"
else
  log "jdeps: modules and JavaFX internals used by the app and its jars"
  rm -f "$TARGET"/jpackage-jdeps-*.txt
  "$JDEPS" --list-deps --multi-release "$JAVA_FEATURE" --ignore-missing-deps \
    --module-path "$FX_MODULE_PATH$SEP$APP_MODULE_PATH" --class-path "$APP_CLASS_PATH" \
    "$WORK/input/$MAIN_JAR" "${CP_JARS[@]}" 2>/dev/null | grep -E '^ +[a-z]' | sed 's/^ *//' > "$JDEPS_CACHE.tmp" \
    || die "jdeps --list-deps failed"
  grep -Eq '^java\.base(/|$)' "$JDEPS_CACHE.tmp" || die "jdeps --list-deps gave no java.base: $(cat "$JDEPS_CACHE.tmp")"
  mv "$JDEPS_CACHE.tmp" "$JDEPS_CACHE"
fi
# Always in the image, whether or not the bytecode names them:
#   javafx.controls, javafx.swing   the UI (javafx.swing: SwingFXUtils for image export; pulls java.desktop)
#   jdk.localedata                  locale data; trimmed to English by --include-locales en
# Deliberately left out: jdk.charsets (the app reads UTF-8, windows-1252 and ISO-8859-1, all in java.base),
# jdk.crypto.ec (no network), jdk.jfr/jdk.management (no monitoring), jdk.accessibility.
EXTRA_MODULES=javafx.controls,javafx.swing,jdk.localedata
# Only JDK and JavaFX modules go into the runtime: a modular jar on the class path (POI's ooxml-lite is the
# module org.apache.poi.ooxml.schemas) shows up in jdeps' list but stays a jar in the app-image.
MODULES=$({ cut -d/ -f1 "$JDEPS_CACHE"; tr ',' '\n' <<< "$EXTRA_MODULES"; } | grep -E '^(java|jdk|javafx)\.' | sort -u | paste -sd, -)
log "modules: $MODULES"

# Classes on the class path that use JavaFX internals (ControlsFX does) need them exported to the unnamed
# module now that JavaFX is a set of named modules in the runtime (jdeps sees the static uses).
grep -E '^javafx\.[a-z]+/' "$JDEPS_CACHE" > "$WORK/fx-internals.txt" || true
while read -r mp; do echo "--java-options --add-exports=$mp=ALL-UNNAMED"; done < "$WORK/fx-internals.txt" \
  > "$WORK/java-options-generated.args"
log "JavaFX internal packages exported to the class path: $(paste -sd' ' "$WORK/fx-internals.txt")"

# ----------------------------------------------------------------------------------- shrink large libraries
# Three libraries ship far more classes than SegmentLab can reach: fastutil (23.6 MB, every collection for
# every primitive type; Tablesaw uses a few), Guava (3.0 MB) and Commons Math (2.2 MB). Each is repacked with
# only the classes reachable from the app and the other jars: seeds are the classes the other jars name,
# then the closure over the libraries' own references (jdeps -verbose:class -filter:none: every class named
# in a class file's constant pool, so superclasses, interfaces, nested and anonymous classes). Nested
# classes of a kept class, all non-class resources and META-INF/ are kept too; for Guava also
# com.google.common.base.internal (FinalizableReferenceQueue loads its Finalizer by name). After packaging,
# jdeps --missing-deps must find no reference into them (checked below). The class list is cached per set
# of input jars. SHRINK_LIBS=0 ships the jars whole.
#   jar glob, package regex (for jdeps -e), extra entries to keep (unzip patterns), separated by spaces
SHRINK=(
  'fastutil-*.jar it\.unimi\.dsi\.fastutil'
  'guava-*.jar com\.google\.(common|thirdparty) com/google/common/base/internal/*'
  'commons-math3-*.jar org\.apache\.commons\.math3'
)
SHRINK_RE=$(for e in "${SHRINK[@]}"; do read -r _ re _ <<< "$e"; printf '%s|' "$re"; done); SHRINK_RE="(${SHRINK_RE%|})"
if [ "${SHRINK_LIBS:-1}" = 1 ]; then
  KEEP_LIST=$TARGET/jpackage-shrink-$JDEPS_KEY.txt
  if [ -s "$KEEP_LIST" ]; then
    log "shrink: cached class list ($KEEP_LIST)"
  else
    log "shrink: computing the classes of ${SHRINK_RE} reachable from the app (jdeps -verbose:class)"
    rm -f "$TARGET"/jpackage-shrink-*.txt
    "$JDEPS" -verbose:class -filter:none -e "$SHRINK_RE\\..*" \
      --multi-release "$JAVA_FEATURE" --ignore-missing-deps \
      --module-path "$FX_MODULE_PATH$SEP$APP_MODULE_PATH" --class-path "$APP_CLASS_PATH" \
      "$WORK/input/$MAIN_JAR" "${CP_JARS[@]}" 2>/dev/null \
    | awk -v re="^$SHRINK_RE\\\\." '$2 == "->" && $3 ~ re { print $1, $3 }' | sort -u > "$WORK/shrink-edges.txt"
    # breadth-first closure from the classes named by the app and the other jars
    awk -v re="^$SHRINK_RE\\\\." '
      { out[$1] = out[$1] " " $2; if ($1 !~ re) seed[$2] = 1 }
      END {
        n = 0; for (c in seed) { keep[c] = 1; queue[n++] = c }
        for (i = 0; i < n; i++) {
          m = split(out[queue[i]], nxt, " ")
          for (j = 1; j <= m; j++) if (!(nxt[j] in keep)) { keep[nxt[j]] = 1; queue[n++] = nxt[j] }
        }
        for (c in keep) print c
      }' "$WORK/shrink-edges.txt" | sort > "$KEEP_LIST.tmp"
    [ -s "$KEEP_LIST.tmp" ] || die "shrink: the closure is empty"
    mv "$KEEP_LIST.tmp" "$KEEP_LIST"
  fi
  for e in "${SHRINK[@]}"; do
    read -r glob re extra <<< "$e"
    jar=$(ls "$WORK"/input/lib/$glob 2>/dev/null | head -1 || true)
    [ -n "$jar" ] || continue
    name=$(basename "$jar"); dir=$WORK/shrink/$name
    rm -rf "$dir"; mkdir -p "$dir"
    unzip -Z1 "$jar" | grep -v '\.class$' | grep -v '/$' > "$WORK/shrink-entries.txt" || true
    grep -E "^$re\\." "$KEEP_LIST" | sed 's#\.#/#g; s#$#.class#' >> "$WORK/shrink-entries.txt" || true
    grep -E "^$re\\." "$KEEP_LIST" | sed 's#\.#/#g; s#$#$*#' >> "$WORK/shrink-entries.txt" || true
    [ -n "$extra" ] && echo "$extra" >> "$WORK/shrink-entries.txt"
    echo 'META-INF/*' >> "$WORK/shrink-entries.txt"
    (cd "$dir" && xargs unzip -q -o "$jar" < "$WORK/shrink-entries.txt" >/dev/null 2>&1 || true)
    kept=$(find "$dir" -name '*.class' | wc -l); total=$(unzip -Z1 "$jar" | grep -c '\.class$')
    [ "$kept" -gt 0 ] || die "shrink: no class of $name kept"
    before=$(du -k "$jar" | cut -f1)
    rm "$jar"
    (cd "$dir" && "$JDK/bin/jar" --create --file "$jar" --manifest META-INF/MANIFEST.MF \
        $(ls -A | grep -vx META-INF) $(cd META-INF && ls -A | grep -vx MANIFEST.MF | sed 's#^#META-INF/#'))
    log "shrink: $name kept $kept of $total classes, ${before} KB -> $(du -k "$jar" | cut -f1) KB"
  done
fi

# ------------------------------------------------------------------------------------------------- jlink
log "jlink runtime"
"$JLINK" @"$HERE/jlink.args" \
  --module-path "$FX_MODULE_PATH" \
  --add-modules "$MODULES" \
  --output "$WORK/runtime"
native_dir=$WORK/runtime/lib; [ "$OS" = win ] && native_dir=$WORK/runtime/bin
cp "$WORK"/fxnative/* "$native_dir/"
# --generate-cds-archive (jlink.args) writes the default CDS archive of the runtime's JDK classes: the JVM
# maps it instead of loading those classes, ~200 ms less per start on 2 cores. The second archive, for
# heaps over 32 GB (no compressed oops), is 11 MB that a desktop app does not need: without it such a JVM
# simply starts without CDS.
find "$WORK/runtime" -name 'classes_nocoops.jsa' -delete
if [ "$OS" = linux ] && command -v strip >/dev/null; then
  # Debian's JDK ships its .so files with symbol tables (libjvm.so: 24 -> 20 MB). Stack traces in hs_err
  # files still get symbols from .dynsym.
  find "$WORK/runtime" -name '*.so' -exec strip --strip-unneeded {} +
fi

# ------------------------------------------------------------------------------------------------ jpackage
cd "$ROOT"   # the arg files use paths relative to the project root
log "jpackage app-image"
"$JPACKAGE" --type app-image --dest "$DIST" \
  --runtime-image "$WORK/runtime" --input "$WORK/input" \
  --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" \
  --app-version "$APP_VERSION" --icon "$ICON" \
  @jlink/jpackage.args @jlink/jpackage-app-image.args @"$WORK/java-options-generated.args"

# Nothing may refer to a class that trimming removed, except into the dropped jars (annotations, ICU) and
# the optional dependencies the libraries never had on their class path (ASM, XZ, Zstd, Brotli, Smile,
# JavaFX media). Fast: jdeps --missing-deps only resolves, ~10 s.
if [ "${SHRINK_LIBS:-1}" = 1 ]; then
  APP_DIR=$DIST/$NAME/lib/app; [ "$OS" = mac ] && APP_DIR=$DIST/$NAME.app/Contents/app
  [ "$OS" = win ] && APP_DIR=$DIST/$NAME/app
  FINAL_CP=$(printf "%s$SEP" "$APP_DIR"/lib/*.jar); FINAL_CP=${FINAL_CP%"$SEP"}
  "$JDEPS" --missing-deps --multi-release "$JAVA_FEATURE" --module-path "$FX_MODULE_PATH$SEP$FINAL_CP" \
      --class-path "$FINAL_CP" "$APP_DIR/$MAIN_JAR" "$APP_DIR"/lib/*.jar 2>/dev/null \
    | awk -v re="^$SHRINK_RE\\\\." '$2 == "->" && $3 ~ re' > "$WORK/missing-after-shrink.txt" || true
  if [ -s "$WORK/missing-after-shrink.txt" ]; then
    head -20 "$WORK/missing-after-shrink.txt" >&2
    die "shrinking removed classes that are still referenced (see $WORK/missing-after-shrink.txt); SHRINK_LIBS=0 to skip"
  fi
  log "shrink: jdeps --missing-deps finds no reference into the shrunk libraries"
fi

$APP_IMAGE_ONLY || installer

# ------------------------------------------------------------------------------------------------- report
size() { du -sh "$1" 2>/dev/null | cut -f1; }
log "runtime   $(size "$WORK/runtime")   $WORK/runtime"
log "app-image $(size "$DIST/$NAME")   $DIST/$NAME"
log "done in $(( $(date +%s) - START )) s"
