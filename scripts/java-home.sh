# Sourced by ./rapport and .ci/run: point JAVA_HOME at a JDK 21 or newer.
# JAVA_HOME wins when it is new enough; otherwise the newest JDK in the system's JVM folder.

rapport_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

rapport_find_java() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(rapport_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(rapport_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "Rapport needs a JDK 21 or newer: set JAVA_HOME to one (found none in /usr/lib/jvm)." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

rapport_find_java && export PATH="$JAVA_HOME/bin:$PATH"
