# shellcheck shell=bash disable=SC2034,SC2154  # sourced by run.sh, which sets work, JAR, pid and reads the rest
# Sourced by bench/run.sh: the Docker image's start-up, without a Docker engine. Everything is read from the
# runtime stage (the last FROM) of docker/Dockerfile, so the figures follow the image and cannot drift from it:
#
# 1. "the image's command line": its ENTRYPOINT, ENV and the cache its own training RUN makes, on this machine's
#    JVM of the image's Java version (the feature version in the FROM tag, e.g. eclipse-temurin:25-jre-alpine).
#    Only `java` (that JVM), /app/ (a directory of the bench) and the training's port are substituted. This is the figure the issue's
#    target is about: what the image's JVM does from its start to the first 200.
# 2. "podman run of the image": an image built by podman from the runtime stage verbatim, on a local base made
#    from the same JVM and busybox (no registry here), started with `podman run -p` and timed to the first 200
#    through the published port. It adds what a container engine adds (about 0.4 s here), which a Docker engine
#    adds too, so it is shown beside the first, not instead of it.
#
# Knobs: IMAGE_JAVA=/path/to/java (default: `java` if its version is the image's, else a JDK of that version under
# /usr/lib/jvm); PODMAN=0 skips the second figure. A step that cannot run here leaves its figure "-" and says why.
# Needs from run.sh: work, JAR, STARTS, free_port, now_ms; uses jq and wget (the training's client).

DOCKERFILE="${DOCKERFILE:-docker/Dockerfile}"
PODMAN="${PODMAN:-1}"
image_why="" podman_why=""

# The runtime stage's logical lines: continuations joined, comments and blank lines dropped, as Docker reads them.
image_stage() {
  awk '/^[[:space:]]*#/ { next }
       { line = cont $0; if (sub(/\\[[:space:]]*$/, "", line)) { cont = line " "; next } cont = "" }
       line ~ /^[[:space:]]*$/ { next }
       toupper($1) == "FROM" { n++ } { stage[n] = stage[n] line "\n" }
       END { printf "%s", stage[n] }' "$DOCKERFILE"
}
image_java_version() { image_stage | awk 'toupper($1) == "FROM" { if (match($2, /:[0-9]+/)) print substr($2, RSTART + 1, RLENGTH - 1) }'; }
java_feature() { "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }'; }

image_find_java() {   # version -> path of a java of that feature version, or nothing
  local v=$1 j
  if [ -n "${IMAGE_JAVA:-}" ]; then echo "$IMAGE_JAVA"; return; fi
  j=$(command -v java || true)
  if [ -n "$j" ] && [ "$(java_feature "$j")" = "$v" ]; then echo "$j"; return; fi
  for j in /usr/lib/jvm/*/bin/java; do
    [ -x "$j" ] && [ "$(java_feature "$j")" = "$v" ] && { echo "$j"; return; }
  done
}

# Makes $work/app (the jar and the training's cache) and sets image_java, image_cmd (the ENTRYPOINT) and
# image_env (the stage's ENV). On failure sets image_why and returns 1.
image_prepare() {
  local version stage entry training
  stage=$(image_stage)
  version=$(image_java_version)
  image_java=$(image_find_java "$version")
  [ -n "$image_java" ] || { image_why="no Java $version here (IMAGE_JAVA=...)"; return 1; }
  mkdir -p "$work/app"
  cp -p "$JAR" "$work/app/cloudmock.jar"
  entry=$(awk 'toupper($1) == "ENTRYPOINT" { sub(/^[^[]*/, ""); print }' <<<"$stage")
  mapfile -t image_cmd < <(jq -r '.[]' <<<"$entry" | sed "s|^/app/|$work/app/|; s|=/app/|=$work/app/|")
  [ "${image_cmd[0]}" = java ] || { image_why="ENTRYPOINT does not start with java: $entry"; return 1; }
  image_cmd[0]=$image_java
  mapfile -t image_env < <(awk 'toupper($1) == "ENV" { for (i = 2; i <= NF; i++) print $i }' <<<"$stage")
  # the training: every RUN of the stage that starts the jar, run by sh as the image build does
  training=$(awk 'toupper($1) == "RUN" && /-jar \/app\/cloudmock\.jar/ { sub(/^[^ ]+ +/, ""); print }' <<<"$stage")
  [ -n "$training" ] || { image_why="no training RUN in the runtime stage"; return 1; }
  # moved to a free port, as DockerImageIT does: another start of the training on this machine may hold its own
  local tport; tport=$(grep -o -- '--port [0-9]*' <<<"$training" | head -n1 | grep -o '[0-9]*$')
  training=$(sed "s|/app/|$work/app/|g; s|^java |$image_java |; s|$tport|$(free_port)|g" <<<"$training")
  if ! (cd "$work" && timeout 300 sh -c "$training") >"$work/training.log" 2>&1; then
    image_why="the training RUN failed: $(tail -n 3 "$work/training.log" | tr '\n' ' ')"; return 1
  fi
  echo "image: the training wrote $(find "$work/app" -type f ! -name cloudmock.jar -printf '%f, ')using $image_java" >&2
}

image_launch() {   # port: the ENTRYPOINT as `docker run -e CLOUDMOCK_PORT=port` starts it
  env -u JAVA_TOOL_OPTIONS "${image_env[@]}" CLOUDMOCK_PORT="$1" "${image_cmd[@]}" >"$work/out.log" 2>"$work/err.log" &
  pid=$!
}

# --- podman -------------------------------------------------------------------------------------------------------
podman_cmd=() podman_run=() podman_opts=""

# A base image from image_java's runtime, busybox (sh, wget) and the C libraries they load, tagged with the
# stage's FROM name in the bench's own podman storage (in $work, reset at the end), so the stage builds verbatim.
podman_base() {   # from-name
  local jh root lib
  jh=$(dirname "$(dirname "$(readlink -f "$image_java")")")
  root="$work/podman/base"
  mkdir -p "$root/opt/java" "$root/etc" "$root/tmp" "$root/bin" "$root/sbin" "$root/usr/bin" "$root/usr/sbin"
  chmod 1777 "$root/tmp"
  tar -C "$jh" -chf - --exclude=src.zip --exclude=ct.sym --exclude=jmods --exclude='*.diz' bin conf lib release 2>/dev/null \
    | tar -C "$root/opt/java" -xf -
  cp /bin/busybox "$root/bin/busybox"
  for a in $(/bin/busybox --list-full); do [ -e "$root/$a" ] || ln -s /bin/busybox "$root/$a"; done
  find "$root/opt/java" "$root/bin/busybox" -type f \( -name '*.so' -o -perm -u+x \) -exec ldd {} \; 2>/dev/null \
    | awk '/=> \// { print $3 } /^[[:space:]]+\/[^ ]+ \(/ { print $1 }' | sort -u | while read -r lib; do
        mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"; done
  # Alpine's addgroup and adduser, for the flags the Dockerfile uses (Debian's busybox has neither applet)
  cat >"$root/usr/sbin/addgroup" <<'SH'
#!/bin/sh
gid=; while getopts Sg: o; do case $o in g) gid=$OPTARG;; esac; done; shift $((OPTIND - 1))
echo "$1:x:${gid:-1000}:" >>/etc/group
SH
  cat >"$root/usr/sbin/adduser" <<'SH'
#!/bin/sh
uid=; grp=; sh=/bin/sh; while getopts SDHu:G:s: o; do case $o in u) uid=$OPTARG;; G) grp=$OPTARG;; s) sh=$OPTARG;; esac; done
shift $((OPTIND - 1)); gid=$(awk -F: -v g="$grp" '$1 == g { print $3 }' /etc/group)
echo "$1:x:${uid:-1000}:${gid:-1000}::/home/$1:$sh" >>/etc/passwd
SH
  chmod 755 "$root/usr/sbin/addgroup" "$root/usr/sbin/adduser"
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:x:0:\n' >"$root/etc/group"
  tar -C "$root" -cf "$work/podman/base.tar" .
  timeout 300 "${podman_cmd[@]}" import --change "ENV PATH=/opt/java/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV JAVA_HOME=/opt/java" "$work/podman/base.tar" "$1" >/dev/null 2>"$work/podman/import.log"
}

# Sets podman_run (podman run with the options this machine needs) after building localhost/cloudmock:bench.
podman_prepare() {
  local from ctx
  [ -n "$image_java" ] || { podman_why="$image_why"; return 1; }
  podman_cmd=(podman --root "$work/podman/root" --runroot "$work/podman/run" --storage-driver overlay)
  from=$(image_stage | awk 'toupper($1) == "FROM" { print $2; exit }')
  podman_base "$from" || { podman_why="could not import a local base image"; return 1; }
  # crun refuses cgroups v1 with a v2 hierarchy that has controllers (this machine); runc copes. Containers may not
  # raise rlimits where the engine lacks CAP_SYS_RESOURCE, so they are lowered instead.
  local opts
  for opts in "" "--runtime runc" "--runtime runc --ulimit nofile=8192:8192 --ulimit nproc=4096:4096" \
              "--ulimit nofile=8192:8192 --ulimit nproc=4096:4096"; do
    # shellcheck disable=SC2086
    if timeout 60 "${podman_cmd[@]}" run --rm $opts "$from" /bin/sh -c true >"$work/podman/try.log" 2>&1; then
      # shellcheck disable=SC2206
      podman_opts=$opts; read -ra opt_words <<<"$opts"
      podman_run=("${podman_cmd[@]}" run --rm --no-healthcheck "${opt_words[@]}"); break
    fi
  done
  [ ${#podman_run[@]} -gt 0 ] || { podman_why="podman run fails here: $(tail -n 1 "$work/podman/try.log")"; return 1; }
  ctx="$work/podman/ctx"; mkdir -p "$ctx"
  cp -p "$JAR" "$ctx/cloudmock.jar"
  { printf 'FROM scratch AS build\nCOPY cloudmock.jar /src/target/cloudmock.jar\n'
    awk '/^FROM /{ n++ } { line[NR] = $0; stage[NR] = n } END { for (i = 1; i <= NR; i++) if (stage[i] == n) print line[i] }' "$DOCKERFILE"
  } >"$ctx/Dockerfile"
  # shellcheck disable=SC2086
  if ! timeout 900 "${podman_cmd[@]}" build --pull=never --format docker $podman_opts \
        -t localhost/cloudmock:bench -f "$ctx/Dockerfile" "$ctx" >"$work/podman/build.log" 2>&1; then
    podman_why="podman build failed: $(tail -n 2 "$work/podman/build.log" | tr '\n' ' ')"; podman_run=(); return 1
  fi
  echo "podman: built localhost/cloudmock:bench from $DOCKERFILE's runtime stage on a local $from" >&2
}

podman_launch() {   # port: docker run -p 127.0.0.1:port:8080 image, attached (its SIGTERM reaches the container)
  "${podman_run[@]}" --name "cloudmock-bench-$1" -p "127.0.0.1:$1:8080" localhost/cloudmock:bench >"$work/out.log" 2>"$work/err.log" &
  pid=$!
}

podman_cleanup() {
  if [ ${#podman_cmd[@]} -gt 0 ]; then timeout 120 "${podman_cmd[@]}" system reset --force >/dev/null 2>&1 || true; fi
}
