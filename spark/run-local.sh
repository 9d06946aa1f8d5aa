#!/usr/bin/env bash
# spark/run-local.sh FILE [segment options]: the Spark job in local mode, without a Spark installation (trials and
# benchmarks). Builds what it needs with Maven first (the app's jar into the local repository, this module's
# classes and classpath). Environment: SPARK_MASTER (default local[*]), SPARK_DRIVER_MEMORY (default 4g),
# JAVA_OPTS (added), MVN_OPTS (e.g. -o), SEGMENTLAB_VERSION (use this version of the app's jar, already in the
# local repository, instead of installing the one of this checkout).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
mvn_opts="${MVN_OPTS:-}"
version="${SEGMENTLAB_VERSION:-$(sed -n 's|.*<segmentlab.version>\(.*\)</segmentlab.version>.*|\1|p' "$here/pom.xml")}"
repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
core="$repo/dev/segmentlab/segmentlab/$version/segmentlab-$version.jar"
stamp="$here/target/core-installed"
mkdir -p "$here/target"
if [ -z "${SEGMENTLAB_VERSION:-}" ] && { [ ! -f "$core" ] || [ ! -f "$stamp" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$stamp" -type f -print -quit)" ]; }; then
  echo "run-local: installing the app's jar (mvn install -DskipTests)" >&2
  mvn -q $mvn_opts -f "$root/pom.xml" install -DskipTests >&2
  touch "$stamp"
fi
cp_file="$here/target/run-local-$version.classpath"
if [ ! -f "$cp_file" ] || [ "$here/pom.xml" -nt "$cp_file" ] || [ "$core" -nt "$cp_file" ] \
    || [ -n "$(find "$here/src/main" -newer "$cp_file" -type f -print -quit)" ]; then
  mvn -q $mvn_opts -f "$here/pom.xml" -Dsegmentlab.version="$version" compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cp_file" >&2
fi
cp="$here/target/classes:$(cat "$cp_file")"
module_opts="$(java -cp "$cp" dev.segmentlab.spark.ModuleOptions)"
# without the incubating vector module Spark uses its scalar code; with it the JVM prints a warning on stderr,
# which is for the one-line error message alone
module_opts="${module_opts//--add-modules=jdk.incubator.vector/}"
# shellcheck disable=SC2086
exec java -Xmx"${SPARK_DRIVER_MEMORY:-4g}" $module_opts ${JAVA_OPTS:-} -cp "$cp" dev.segmentlab.spark.SparkSegment \
  segment "$@" ${SPARK_MASTER:+--master "$SPARK_MASTER"}
