//! Writes a synthetic catalog for benchmarks: `cargo run --release --example
//! gen_catalog -- 10000 /tmp/catalog-10k`. See BENCHMARKS.md.

#[path = "../benches/synth.rs"]
mod synth;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(dir)) = (args.next(), args.next()) else {
        eprintln!("usage: gen_catalog COUNT DIR");
        std::process::exit(2);
    };
    let Ok(n) = n.parse::<usize>() else {
        eprintln!("error: COUNT must be a whole number, not `{n}`");
        std::process::exit(2);
    };
    let bytes = synth::write_catalog(std::path::Path::new(&dir), n);
    println!(
        "{n} entries, {bytes} bytes ({:.0} bytes per entry) in {dir}",
        bytes as f64 / n as f64
    );
}
