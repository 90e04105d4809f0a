#!/usr/bin/env bash
# Copy the NL Design System CSS from node_modules into app/static/vendor/ (git-ignored).
#
# Run after `npm ci` (the Makefile does: npm ci && bash scripts/vendor_css.sh).
# Idempotent: it replaces app/static/vendor/ with fresh copies every run.
# Only CSS and the licence texts are copied; no JavaScript, no fonts, no CDN.
#
#   @utrecht/component-library-css 9.0.4 (EUPL-1.2)
#     dist/index.css  -> app/static/vendor/utrecht-component-library-css/index.css
#       (the BEM component classes: utrecht-button, utrecht-form-field, ...)
#     dist/html.css is NOT copied: it styles bare elements under .utrecht-html
#     with a higher specificity than the BEM classes and would fight them.
#   @nl-design-system-unstable/voorbeeld-design-tokens 7.4.1 (EUPL-1.2)
#     dist/theme.css  -> app/static/vendor/voorbeeld-design-tokens/theme.css
#       (the tokens scoped to .voorbeeld-theme; not variables.css, which is :root)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
modules="$root/node_modules"
vendor="$root/app/static/vendor"

# package name | expected version | vendor folder | dist files
packages=(
  "@utrecht/component-library-css|9.0.4|utrecht-component-library-css|index.css"
  "@nl-design-system-unstable/voorbeeld-design-tokens|7.4.1|voorbeeld-design-tokens|theme.css"
)

if [[ ! -d "$modules" ]]; then
  echo "vendor_css: $modules is missing; run 'npm ci' first" >&2
  exit 1
fi

mkdir -p "$root/app/static"
tmp="$(mktemp -d "$root/app/static/.vendor.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

for entry in "${packages[@]}"; do
  IFS='|' read -r package expected folder files <<<"$entry"
  src="$modules/$package"
  if [[ ! -f "$src/package.json" ]]; then
    echo "vendor_css: $package is not installed; run 'npm ci'" >&2
    exit 1
  fi
  version="$(node -p "require(process.argv[1]).version" "$src/package.json")"
  if [[ "$version" != "$expected" ]]; then
    echo "vendor_css: $package is $version, expected $expected (package-lock.json out of date?)" >&2
    exit 1
  fi
  mkdir -p "$tmp/$folder"
  for file in $files; do
    if [[ ! -f "$src/dist/$file" ]]; then
      echo "vendor_css: $src/dist/$file not found" >&2
      exit 1
    fi
    install -m 0644 "$src/dist/$file" "$tmp/$folder/$file"
  done
  install -m 0644 "$src/LICENSE.md" "$tmp/$folder/LICENSE.md"
  printf '%s %s\n' "$package" "$version" >"$tmp/$folder/VERSION"
done

# Swap in the new folder in one step so a running server never sees a half-copied tree.
rm -rf "$vendor.old"
if [[ -d "$vendor" ]]; then
  mv "$vendor" "$vendor.old"
fi
chmod 0755 "$tmp"
mv "$tmp" "$vendor"
rm -rf "$vendor.old"
trap - EXIT

echo "vendor_css: copied into ${vendor#"$root"/}:"
(cd "$vendor" && find . -type f -name '*.css' | sort | sed 's|^\./|  |')
