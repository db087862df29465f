//! `certs list`: filters, their combinations, and usage errors, on the embedded catalog.

mod common;
use common::{certs, ids};

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn set(ids: &[&str]) -> Vec<String> {
    sorted(ids.iter().map(|s| s.to_string()).collect())
}

#[test]
fn lists_all_21_entries_with_the_agreed_ids() {
    assert_eq!(
        ids(&[]),
        set(&[
            "c5",
            "cdn-license",
            "dca-big-data",
            "fisc",
            "fsi-audit-id",
            "fsi-audit-my",
            "fsi-audit-ph",
            "fsi-audit-th",
            "gxp",
            "hipaa",
            "itss",
            "kisms",
            "mlps",
            "mpaa",
            "mtcs",
            "nist-csf",
            "ospar",
            "pci-dss",
            "sec-17a-4",
            "tisax",
            "trucs",
        ])
    );
}

#[test]
fn region_by_code_name_and_any_case() {
    let expected = set(&["gxp", "mtcs", "ospar", "pci-dss"]);
    for value in ["sg", "SG", "singapore", "Singapore"] {
        assert_eq!(ids(&["--region", value]), expected, "--region {value}");
    }
}

#[test]
fn region_matches_covered_data_centres_not_only_jurisdictions() {
    // TISAX answers to Germany, but its assessed IDCs are in Beijing and Shenzhen.
    let cn = ids(&["--region", "cn"]);
    assert!(cn.contains(&"tisax".to_owned()), "{cn:?}");
    assert!(cn.contains(&"mlps".to_owned()));
    assert!(!cn.contains(&"c5".to_owned()));
}

#[test]
fn region_groups() {
    assert_eq!(
        ids(&["--region", "eu"]),
        set(&["c5", "gxp", "pci-dss", "tisax"])
    );
    assert_eq!(
        ids(&["--region", "sea"]),
        set(&[
            "fsi-audit-id",
            "fsi-audit-my",
            "fsi-audit-ph",
            "fsi-audit-th",
            "gxp",
            "mtcs",
            "ospar",
            "pci-dss"
        ])
    );
    assert_eq!(ids(&["--region", "global"]), set(&["gxp", "pci-dss"]));
}

#[test]
fn industry_filter_and_aliases() {
    let finance = set(&[
        "fisc",
        "fsi-audit-id",
        "fsi-audit-my",
        "fsi-audit-ph",
        "fsi-audit-th",
        "ospar",
        "sec-17a-4",
    ]);
    assert_eq!(ids(&["--industry", "finance", "--exact"]), finance);
    assert_eq!(ids(&["--industry", "Banking", "--exact"]), finance);
    assert_eq!(
        ids(&["-i", "healthcare", "--exact"]),
        set(&["gxp", "hipaa"])
    );
    // Without --exact, the cross-industry entries serve every industry too.
    let cross = set(&[
        "c5",
        "dca-big-data",
        "itss",
        "kisms",
        "mlps",
        "mtcs",
        "nist-csf",
        "pci-dss",
        "trucs",
    ]);
    let mut broad = finance.clone();
    broad.extend(cross.iter().cloned());
    assert_eq!(ids(&["--industry", "finance"]), sorted(broad));
}

#[test]
fn repeating_a_flag_ors_and_different_flags_and() {
    assert_eq!(
        ids(&["--industry", "media", "--industry", "automotive", "--exact"]),
        set(&["mpaa", "tisax"])
    );
    // Commas are the same as repeating the flag.
    assert_eq!(
        ids(&["--industry", "media,automotive", "--exact"]),
        set(&["mpaa", "tisax"])
    );
    // MTCS is cross-industry: exactly what a Singapore bank asks for.
    assert_eq!(
        ids(&["--region", "sg", "--industry", "finance"]),
        set(&["gxp", "mtcs", "ospar", "pci-dss"])
            .into_iter()
            .filter(|id| id != "gxp")
            .collect::<Vec<_>>()
    );
    assert_eq!(
        ids(&[
            "--region",
            "my",
            "--region",
            "jp",
            "--industry",
            "finance",
            "--exact"
        ]),
        set(&["fisc", "fsi-audit-my"])
    );
    assert_eq!(
        ids(&["--region", "my,jp", "--industry", "finance"]),
        set(&["fisc", "fsi-audit-my", "pci-dss"])
    );
}

#[test]
fn kind_filter() {
    assert_eq!(
        ids(&["--kind", "attestation"]),
        set(&["nist-csf", "ospar", "sec-17a-4"])
    );
    assert_eq!(ids(&["--kind", "license"]), set(&["cdn-license"]));
}

#[test]
fn search_looks_at_auditor_issuer_standards_and_summary() {
    assert_eq!(ids(&["--search", "cohasset"]), set(&["sec-17a-4"]));
    assert_eq!(ids(&["--search", "ATSEC"]), set(&["pci-dss"]));
    assert_eq!(ids(&["--search", "kisa"]), set(&["kisms"]));
    assert_eq!(ids(&["--search", "ISAE3000"]).len(), 4);
    assert_eq!(ids(&["--search", "shenzhen"]), set(&["tisax"]));
    assert!(ids(&["--search", "no such words anywhere"]).is_empty());
}

#[test]
fn updated_window_and_sort() {
    let recent = ids(&["--updated-since", "2024-06-01", "--sort", "updated"]);
    assert_eq!(
        recent,
        vec!["tisax", "nist-csf", "fsi-audit-id", "ospar", "mpaa"]
    );
    let old = ids(&["--updated-before", "2018-07-01"]);
    assert_eq!(
        old,
        set(&["cdn-license", "dca-big-data", "itss", "mlps", "pci-dss"])
    );
    let newest_first = ids(&["--sort", "updated", "--reverse"]);
    assert_eq!(newest_first.first().map(String::as_str), Some("mpaa"));
    let achieved = ids(&["--sort", "achieved"]);
    assert_eq!(&achieved[..3], ["cdn-license", "ospar", "c5"]);
}

#[test]
fn unknown_region_is_a_usage_error_listing_valid_values() {
    let out = certs()
        .args(["list", "--region", "atlantis"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("unknown region `atlantis`"), "{err}");
    assert!(err.contains("`sea`") && err.contains("`global`"), "{err}");
}

#[test]
fn unknown_industry_is_a_usage_error_listing_valid_values() {
    let out = certs()
        .args(["list", "--industry", "farming"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.contains("farming") && err.contains("automotive") && err.contains("telecom"),
        "{err}"
    );
}

#[test]
fn no_match_is_exit_1_with_empty_output_as_grep() {
    let (code, out, err) = common::run(&[
        "list", "--format", "ids", "--region", "br", "--kind", "audit",
    ]);
    assert_eq!((code, out.as_str(), err.as_str()), (1, "", ""));
    let (code, out, err) = common::run(&["list", "--region", "br", "--exact"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (1, "", "no entries match\n")
    );
}
