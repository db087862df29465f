#!/usr/bin/env bash
# Whole-process benchmarks behind BENCHMARKS.md: certs against a Rust hello world built
# with the same release profile, and against yq on the same synthetic catalog.
# Needs hyperfine, yq (the jq wrapper) and GNU time: apt-get install hyperfine yq time
# Usage: benches/whole-process.sh [WORKDIR]   (default: a new temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
mkdir -p "$work"
echo "work dir: $work"

cargo build --quiet --release
certs=$PWD/target/release/certs

# The baseline: hello world with exactly the release profile of Cargo.toml.
hello=$work/hello
if [ ! -x "$hello/target/release/hello" ]; then
  rm -rf "$hello" && mkdir -p "$hello/src"
  printf '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2024"\n\n' > "$hello/Cargo.toml"
  sed -n '/^\[profile.release\]/,/^\[/p' Cargo.toml | sed '/^\[[^p]/d' >> "$hello/Cargo.toml"
  printf 'fn main() {\n    println!("Hello, world!");\n}\n' > "$hello/src/main.rs"
  (cd "$hello" && cargo build --quiet --release)
fi

for n in 1000 10000 100000; do
  [ -d "$work/cat$n" ] || cargo run --quiet --release --example gen_catalog -- "$n" "$work/cat$n"
done

echo; echo "== start-up on the embedded catalog (target: at most 1.5x hello world)"
hyperfine -N --warmup 50 --runs 1000 \
  "$hello/target/release/hello" \
  "$certs list --format ids" \
  "$certs show c5" \
  --export-json "$work/startup.json"

echo; echo "== 10,000 entries (targets: under 350 ms, 7x faster than yq)"
hyperfine --warmup 1 --runs 10 \
  "$certs --data $work/cat10000 list --region sg --format ids" \
  "yq -r 'select(.jurisdictions|index(\"sg\")) | .id' $work/cat10000/*.yaml" \
  --export-json "$work/10k.json"

echo; echo "== scaling (per-entry cost should stay flat)"
hyperfine -N --warmup 1 --runs 5 \
  "$certs --data $work/cat1000 list --region sg --format ids" \
  "$certs --data $work/cat10000 list --region sg --format ids" \
  "$certs --data $work/cat100000 list --region sg --format ids" \
  --export-json "$work/scale.json"

echo; echo "== peak memory (target: under 10x the catalog's bytes)"
for n in 10000 100000; do
  bytes=$(find "$work/cat$n" -name '*.yaml' -print0 | xargs -0 cat | wc -c)
  /usr/bin/time -f "%M" -o "$work/rss" "$certs" --data "$work/cat$n" list --region sg --format ids > /dev/null
  rss_kb=$(cat "$work/rss")
  echo "$n entries: catalog $bytes bytes, peak RSS $((rss_kb * 1024)) bytes, $(python3 -c "print(round($rss_kb*1024/$bytes, 2))")x"
done

python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
s = json.load(open(f"{w}/startup.json"))["results"]
base = s[0]["median"]
print("\nstart-up medians:", ", ".join(f"{r['command'].split('/')[-1]}: {r['median']*1e3:.3f} ms ({r['median']/base:.2f}x)" for r in s))
t = json.load(open(f"{w}/10k.json"))["results"]
print(f"10k: certs {t[0]['median']*1e3:.1f} ms, yq {t[1]['median']*1e3:.1f} ms, {t[1]['median']/t[0]['median']:.1f}x")
for r, n in zip(json.load(open(f"{w}/scale.json"))["results"], (1000, 10000, 100000)):
    print(f"{n} entries: {r['median']*1e3:.1f} ms, {r['median']*1e6/n:.1f} µs per entry")
PY
