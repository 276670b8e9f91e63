#!/usr/bin/env bash
# Validates the Kubernetes deployment and the service Dockerfiles without a cluster or a container runtime:
#  - renders deploy/base and every overlay under deploy/overlays with kustomize (kubectl kustomize);
#  - checks every rendered object against the Kubernetes schemas, strictly (unknown fields are errors), and
#    against the deployment's rules (hardening, probes, secrets only by reference, fetcher = one replica, ...);
#  - lints every src/*/Dockerfile (syntax; multi-stage, pinned bases, non-root, restore/publish inputs).
# Installs what is missing (Node.js from apt; the pinned npm packages of eng/deploy-validation). Exits non-zero
# on any error. Takes a few seconds once the npm packages are installed.
#   eng/validate-deploy.sh              validate
#   eng/validate-deploy.sh --render DIR also keep the rendered manifests in DIR (base.yaml, dev.yaml, prod.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."

keep=""
if [ "${1:-}" = "--render" ]; then keep="${2:?--render needs a folder}"; mkdir -p "$keep"; fi

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
apt_install() {
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Node.js and npm: the schema checker and the Dockerfile linter are npm packages.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing Node.js and npm (apt)"
  apt_install nodejs npm
fi

# kustomize: kubectl's built-in one (kubectl 1.24+, kustomize v4.5+), or a kustomize binary.
render=()
kustomize_version() { "$@" 2>/dev/null | grep -oE 'v[0-9]+\.[0-9]+\.[0-9]+' | head -n1; }
if command -v kustomize >/dev/null 2>&1; then
  render=(kustomize build)
elif command -v kubectl >/dev/null 2>&1; then
  render=(kubectl kustomize)
else
  # Debian's own kubectl (kubernetes-client) is 1.20 with kustomize v2, too old for these manifests: try the
  # 'kubectl' package of an apt source that has one (the Kubernetes or Google Cloud repositories).
  echo "Installing kubectl (apt)"
  apt_install kubectl 2>/dev/null || true
  command -v kubectl >/dev/null 2>&1 && render=(kubectl kustomize)
fi
if [ ${#render[@]} -eq 0 ]; then
  echo "validate-deploy: needs kustomize v4.5+ (kubectl 1.24+, or a kustomize binary on PATH); none found or installable." >&2
  exit 1
fi
if [ "${render[0]}" = kubectl ]; then
  version=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: //p')
else
  version=$(kustomize_version kustomize version)
fi
# labels[].includeTemplates needs kustomize v4.5 (kubectl 1.24+).
major=$(echo "${version:-v0.0}" | sed -E 's/^v?([0-9]+)\.([0-9]+).*/\1/')
minor=$(echo "${version:-v0.0}" | sed -E 's/^v?([0-9]+)\.([0-9]+).*/\2/')
if [ "${major:-0}" -lt 4 ] || { [ "$major" -eq 4 ] && [ "${minor:-0}" -lt 5 ]; }; then
  echo "validate-deploy: ${render[*]} has kustomize ${version:-unknown}; v4.5 or later is needed." >&2
  exit 1
fi

# The pinned npm packages (package-lock.json); reinstalled only when the lockfile changed.
tools=eng/deploy-validation
if ! cmp -s "$tools/package-lock.json" "$tools/node_modules/.validated-lock.json" 2>/dev/null; then
  npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error >/dev/null
  cp "$tools/package-lock.json" "$tools/node_modules/.validated-lock.json"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
targets=("base=deploy/base")
for overlay in deploy/overlays/*/; do
  overlay=${overlay%/}
  targets+=("$(basename "$overlay")=$overlay")
done
args=()
for target in "${targets[@]}"; do
  name=${target%%=*} dir=${target#*=}
  if ! "${render[@]}" "$dir" >"$out/$name.yaml" 2>"$out/$name.err"; then
    echo "validate-deploy: kustomize failed for $dir:" >&2
    cat "$out/$name.err" >&2
    exit 1
  fi
  # kustomize warns (deprecated fields, ...) on stderr while still succeeding: treat a warning as an error.
  if [ -s "$out/$name.err" ]; then
    echo "validate-deploy: kustomize warned for $dir:" >&2
    cat "$out/$name.err" >&2
    exit 1
  fi
  [ -z "$keep" ] || cp "$out/$name.yaml" "$keep/$name.yaml"
  args+=("$name=$out/$name.yaml")
done
echo "Rendered ${targets[*]%%=*} with ${render[*]} (kustomize $version)"

node "$tools/validate.mjs" "${args[@]}"
