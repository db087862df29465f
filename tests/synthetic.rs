//! The synthetic catalogs the benchmarks measure must be catalogs `certs` accepts:
//! a benchmark of a catalog that fails to load measures an error message. The
//! generator once kept the basis of values it had renamed, and every full synthetic
//! catalog had thousands of errors without a test saying so.

#[path = "../benches/synth.rs"]
#[allow(dead_code)]
mod synth;

mod common;
use common::certs;

#[test]
fn a_synthetic_catalog_validates_without_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 63 entries: every shipped entry three times, each time in another country.
    synth::write_catalog(dir.path(), 63);
    let out = certs()
        .args(["validate", "--format", "json"])
        .arg(dir.path())
        .output()
        .expect("run certs");
    let problems: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let errors: Vec<_> = problems
        .as_array()
        .expect("a list of problems")
        .iter()
        .filter(|p| p["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let listed = certs()
        .arg("--data")
        .arg(dir.path())
        .args(["list", "--format", "ids", "--all-statuses"])
        .output()
        .expect("run certs");
    assert!(listed.status.success());
    assert_eq!(String::from_utf8_lossy(&listed.stdout).lines().count(), 63);
}
