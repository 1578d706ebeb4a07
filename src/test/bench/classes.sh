# Sourced by the benchmark scripts that run the packaged server beside a test-scope program
# (push.sh, fresh.sh, scale.sh): from the repository's top folder,
#
#   . src/test/bench/classes.sh NAME
#
# packages target/tidings.jar from the current sources (tests compiled, not run), writes the
# test classpath to target/cp.txt when the pom is newer, and copies the compiled classes to
# target/bench-NAME-classes, so that a parallel `mvn compile` cannot take classes away from a
# benchmark while it runs (classes load lazily). Sets CLASSES and CP.
MVN="${MVN:-mvn}"
"$MVN" -q -DskipTests package
if [ ! -s target/cp.txt ] || [ pom.xml -nt target/cp.txt ]; then
  "$MVN" -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
fi
CLASSES="target/bench-$1-classes"
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
cp -r target/test-classes/. "$CLASSES"/ && cp -r target/classes/. "$CLASSES"/
CP="$CLASSES:$(cat target/cp.txt)"
