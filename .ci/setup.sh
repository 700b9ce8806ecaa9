#!/usr/bin/env bash
# Installs what building and testing need, only when missing, only from the package
# registries (rustup, crates.io, npm, Debian), at pinned versions. Idempotent: on a warm
# machine every step is skipped in well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.22.1
BINARYEN_VERSION=132.0.0
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '%-22s %s\n' "$1" "$2"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm target.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "wasm32 target" "already present"
else
  rustup target add wasm32-unknown-unknown >/dev/null
  step "wasm32 target" "installed"
fi

# clippy and rustfmt: `make test` checks the style with them.
components=$(rustup component list --installed)
missing=()
for c in clippy rustfmt; do grep -q "^$c-" <<<"$components" || missing+=("$c"); done
if [ ${#missing[@]} -eq 0 ]; then
  step "clippy, rustfmt" "already present"
else
  rustup component add "${missing[@]}" >/dev/null
  step "clippy, rustfmt" "installed"
fi

# Trunk, compiled from crates.io (about 12 minutes on two cores). It declares a newer
# rust-version than it needs, hence --ignore-rust-version.
if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  step "trunk" "already present ($TRUNK_VERSION)"
else
  cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version \
    --no-default-features --features rustls
  step "trunk" "installed ($TRUNK_VERSION)"
fi

# wasm-bindgen-cli at exactly the version Cargo.lock resolved for the wasm-bindgen crate.
# Without --locked: its own lock file names a webpki-roots release the registry may not serve.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WBG_VERSION" ]; then echo "could not read the wasm-bindgen version from Cargo.lock" >&2; exit 1; fi
if ! grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml; then
  echo "Trunk.toml pins a wasm_bindgen other than Cargo.lock's $WBG_VERSION: make them equal" >&2; exit 1
fi
if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WBG_VERSION"; then
  step "wasm-bindgen-cli" "already present ($WBG_VERSION)"
else
  cargo install wasm-bindgen-cli --version "=$WBG_VERSION"
  step "wasm-bindgen-cli" "installed ($WBG_VERSION)"
fi

# wasm-opt from npm's binaryen (Debian's binaryen 108 miscompiles some Leptos apps).
if .tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -qE "version ${BINARYEN_VERSION%%.*}( |$)"; then
  step "wasm-opt" "already present (binaryen $BINARYEN_VERSION)"
else
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --no-save --silent "binaryen@$BINARYEN_VERSION"
  step "wasm-opt" "installed (binaryen $BINARYEN_VERSION)"
fi

# Chromium and its driver for the browser tests; brotli for size reports.
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && command -v brotli >/dev/null; then
  step "chromium, brotli" "already present"
else
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver brotli >/dev/null
  step "chromium, brotli" "installed"
fi

# The real hosts of the embed tests (tests/hosts/): nginx, and WordPress with Apache, mod_php
# and MariaDB. Only for `make test` (`setup.sh --hosts`); none of them is started here, and
# the tests start their own from configurations of their own on loopback. About a minute.
if [ "${1:-}" = "--hosts" ]; then
  if [ -x /usr/sbin/nginx ] && [ -x /usr/sbin/apache2 ] && [ -x /usr/sbin/mariadbd ] \
    && [ -f /usr/share/wordpress/wp-includes/js/wp-embed.js ] && [ -f /usr/lib/apache2/modules/libphp8.2.so ] \
    && php -m 2>/dev/null | grep -qx mysqli && php -m 2>/dev/null | grep -qx xml; then
    step "test hosts" "already present (nginx, WordPress, Apache, MariaDB)"
  else
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      nginx wordpress mariadb-server apache2 libapache2-mod-php php-mysql php-xml >/dev/null
    step "test hosts" "installed (nginx, WordPress, Apache, MariaDB)"
  fi
  exit 0
fi

# Node packages of the browser tests, exactly as locked. Skipped when npm's record of what
# it installed (node_modules/.package-lock.json) lists the same packages, versions and
# integrity hashes as package-lock.json (by content, not by file times).
lock_installed() {
  node -e '
    const fs = require("fs"), dir = process.argv[1];
    const read = (f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8")).packages ?? {};
    let want, have;
    try { want = read("package-lock.json"); have = read("node_modules/.package-lock.json"); }
    catch { process.exit(1); }
    delete want[""];
    const same = (a, b) => a && b && a.version === b.version && (a.integrity ?? "") === (b.integrity ?? "");
    const ok = Object.entries(want).every(([k, v]) => same(v, have[k]) || (v.optional && !(k in have)))
      && Object.keys(have).every((k) => k in want)
      && Object.keys(have).every((k) => fs.existsSync(`${dir}/${k}/package.json`));
    process.exit(ok ? 0 : 1);
  ' "$1"
}
if lock_installed tests/browser; then
  step "node packages" "already present"
else
  (cd tests/browser && npm ci --no-audit --no-fund --silent)
  step "node packages" "installed"
fi
# The municipal NL Design System token packages the build makes the huisstijl themes from.
if lock_installed src/web/huisstijl; then
  step "huisstijl tokens" "already present"
else
  (cd src/web/huisstijl && npm ci --no-audit --no-fund --silent)
  step "huisstijl tokens" "installed"
fi
