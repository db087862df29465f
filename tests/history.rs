//! The trust page's memory: a rebuild records what changed (material and editorial
//! told apart, an expiry by date included) in changes.json, changes.html and an Atom
//! feed; a rebuild with nothing changed leaves them byte for byte; the history
//! survives rebuilds, moves between clean checkouts with --history, and starts afresh
//! with --no-history. `.ci/run` parses the feed with feedparser and xmllint.

mod common;
use common::{certs, fixture};

use std::path::Path;

use serde_json::Value;

/// A copy of the lifecycle fixture to change between builds.
fn catalog() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for item in std::fs::read_dir(fixture("lifecycle")).unwrap() {
        let path = item.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// `certs site` with SOURCE_DATE_EPOCH at `day` and statuses judged on `as_of`.
fn build(data: &Path, out: &Path, day: &str, as_of: &str, extra: &[&str]) {
    let epoch = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp()
        .to_string();
    let mut args = vec![
        "--data",
        data.to_str().unwrap(),
        "site",
        out.to_str().unwrap(),
        "--as-of",
        as_of,
    ];
    args.extend_from_slice(extra);
    let result = certs()
        .env("SOURCE_DATE_EPOCH", epoch)
        .args(&args)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in {file}");
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

fn changes(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("changes.json")).unwrap()).unwrap()
}

#[test]
fn a_rebuild_records_exactly_what_changed() {
    let data = catalog();
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("public");
    build(data.path(), &out, "2026-06-01", "2026-06-01", &[]);
    assert_eq!(
        changes(&out)["records"],
        serde_json::json!([]),
        "a first build records nothing"
    );

    // A region added and a summary reworded, an entry removed; and by 2027-02-10 SOC2
    // (valid until 2027-01-31) and PCI (2026-12-15) have expired by date alone.
    edit(
        data.path(),
        "iso27001.yaml",
        "jurisdictions: [global]",
        "jurisdictions: [global, sg]",
    );
    edit(
        data.path(),
        "iso27001.yaml",
        "summary: A test entry.",
        "summary: A test entry, reworded.",
    );
    std::fs::remove_file(data.path().join("pending.yaml")).unwrap();
    build(data.path(), &out, "2027-02-10", "2027-02-10", &[]);
    let records = changes(&out)["records"].clone();
    assert_eq!(records.as_array().unwrap().len(), 1);
    let r = &records[0];
    assert_eq!(r["date"], "2027-02-10");
    let by_id = |id: &str| {
        r["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .cloned()
    };
    let iso = by_id("iso27001").expect("iso27001 changed");
    assert_eq!(
        iso["fields"],
        serde_json::json!([
            {"field": "jurisdictions", "material": true, "old": ["global"], "new": ["global", "sg"]},
            {"field": "summary", "material": false, "old": "A test entry.", "new": "A test entry, reworded."}
        ])
    );
    for (id, until) in [("soc2", "2027-01-31"), ("pci", "2026-12-15")] {
        let e = by_id(id).expect("an expiry is recorded");
        assert_eq!(e["change"], "removed");
        assert_eq!(e["fields"][0]["field"], "status as of the day");
        assert_eq!(e["fields"][0]["new"], format!("expired ({until})"));
    }
    // `pending` was never on the page (in progress): its removal is not news.
    assert!(by_id("pending").is_none());
    assert_eq!(r["entries"].as_array().unwrap().len(), 3);

    // The page and the feed say the same, and every page links them.
    let page = std::fs::read_to_string(out.join("changes.html")).unwrap();
    assert!(page.contains("<section id=\"c2027-02-10\""), "{page}");
    assert!(page.contains("summary reworded (editorial)"), "{page}");
    assert!(page.contains("SOC2 (soc2): removed (material)"), "{page}");
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(feed.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    ));
    assert_eq!(feed.matches("<entry>").count(), 1);
    assert!(feed.contains("<updated>2027-02-10T00:00:00Z</updated>"));
    assert!(
        feed.contains("SOC2: removed, expired (2027-01-31)"),
        "{feed}"
    );
    for page in ["index.html", "entries/iso27001.html", "matrix.html"] {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        assert!(html.contains("type=\"application/atom+xml\""), "{page}");
        assert!(html.contains("changes.html\">Changes</a>"), "{page}");
    }
    let entry = std::fs::read_to_string(out.join("entries/iso27001.html")).unwrap();
    assert!(entry.contains("<dt>last changed</dt><dd>2027-02-10 (<a href=\"../changes.html#c2027-02-10\">what changed</a>)</dd>"), "{entry}");

    // Nothing changed: no record, and the files byte for byte.
    let (json, xml) = (
        std::fs::read(out.join("changes.json")).unwrap(),
        std::fs::read(out.join("feed.xml")).unwrap(),
    );
    build(data.path(), &out, "2027-02-11", "2027-02-11", &[]);
    assert_eq!(std::fs::read(out.join("changes.json")).unwrap(), json);
    assert_eq!(std::fs::read(out.join("feed.xml")).unwrap(), xml);
}

#[test]
fn the_history_survives_ten_rebuilds_and_moves_between_checkouts() {
    let data = catalog();
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("public");
    build(data.path(), &out, "2026-01-01", "2026-06-01", &[]);
    for i in 1..=10 {
        let from = if i == 1 {
            "summary: A test entry.".to_owned()
        } else {
            format!("summary: Version {}.", i - 1)
        };
        edit(
            data.path(),
            "soc2.yaml",
            &from,
            &format!("summary: Version {i}."),
        );
        build(
            data.path(),
            &out,
            &format!("2026-01-{:02}", i + 1),
            "2026-06-01",
            &[],
        );
    }
    let records = changes(&out)["records"].as_array().unwrap().clone();
    assert_eq!(records.len(), 10);
    let dates: Vec<&str> = records
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates[0], "2026-01-11", "newest first");
    assert_eq!(dates[9], "2026-01-02");
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert_eq!(feed.matches("<entry>").count(), 10);
    // Entry ids are stable: the oldest record keeps its id as records are added.
    let ids = |feed: &str| -> Vec<String> {
        feed.split("<entry>\n    <id>")
            .skip(1)
            .map(|s| s.split('<').next().unwrap().to_owned())
            .collect()
    };
    let before = ids(&feed);

    // A clean checkout: the previous changes.json and catalog.json handed over.
    let clean = site.path().join("clean");
    std::fs::create_dir(&clean).unwrap();
    let carried = site.path().join("carried");
    std::fs::create_dir(&carried).unwrap();
    std::fs::copy(out.join("catalog.json"), carried.join("catalog.json")).unwrap();
    std::fs::copy(out.join("changes.json"), carried.join("changes.json")).unwrap();
    edit(
        data.path(),
        "soc2.yaml",
        "summary: Version 10.",
        "summary: Version 11.",
    );
    build(
        data.path(),
        &clean,
        "2026-01-20",
        "2026-06-01",
        &["--history", carried.join("changes.json").to_str().unwrap()],
    );
    // The history carried over, and this build's change compared with the catalog
    // published beside it: one more record, the older ones with their ids.
    let moved = changes(&clean)["records"].as_array().unwrap().clone();
    assert_eq!(moved.len(), 11);
    assert_eq!(moved[0]["date"], "2026-01-20");
    let after = ids(&std::fs::read_to_string(clean.join("feed.xml")).unwrap());
    assert_eq!(&after[1..], &before[..]);

    // --no-history starts afresh.
    build(
        data.path(),
        &out,
        "2026-01-21",
        "2026-06-01",
        &["--no-history"],
    );
    assert_eq!(changes(&out)["records"], serde_json::json!([]));

    // --keep: the page and feed show the last span; changes.json keeps every record.
    build(
        data.path(),
        &out,
        "2026-01-22",
        "2026-06-01",
        &[
            "--history",
            clean.join("changes.json").to_str().unwrap(),
            "--keep",
            "3m",
        ],
    );
    assert_eq!(changes(&out)["records"].as_array().unwrap().len(), 11);
    let page = std::fs::read_to_string(out.join("changes.html")).unwrap();
    assert!(
        page.contains("11 older records are in changes.json."),
        "{page}"
    );
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert_eq!(feed.matches("<entry>").count(), 0);
}

#[test]
fn diff_reads_what_a_site_published() {
    let data = catalog();
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("public");
    build(data.path(), &out, "2026-06-01", "2026-06-01", &[]);
    edit(
        data.path(),
        "iso27001.yaml",
        "jurisdictions: [global]",
        "jurisdictions: [global, sg]",
    );
    let published = out.join("catalog.json");
    let result = certs()
        .args([
            "diff",
            published.to_str().unwrap(),
            data.path().to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(result.status.success());
    let d: Value = serde_json::from_slice(&result.stdout).unwrap();
    assert_eq!(d["changed"][0]["id"], "iso27001");
    // What the page did not show (expired, in progress) the working copy adds.
    assert_eq!(d["added"], serde_json::json!(["old-cert", "pending"]));
    let same = certs()
        .args([
            "diff",
            published.to_str().unwrap(),
            published.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(same.stdout).unwrap(), "no differences\n");
    std::fs::write(site.path().join("bad.json"), "[{\"id\": 1}]").unwrap();
    let bad = certs()
        .args(["diff", site.path().join("bad.json").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// Catalog text in the change log is text: escaped in the page, and escaped twice
/// over in the feed's HTML content, once for the HTML and once for the XML.
#[test]
fn every_value_in_the_log_and_the_feed_is_escaped() {
    let data = catalog();
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("public");
    build(data.path(), &out, "2026-06-01", "2026-06-01", &[]);
    edit(
        data.path(),
        "iso27001.yaml",
        "summary: A test entry.",
        "summary: \"<script>alert('x')</script> & more\"",
    );
    edit(
        data.path(),
        "iso27001.yaml",
        "name: ISO27001",
        "name: \"ISO <b>27001</b> & Co\"",
    );
    build(data.path(), &out, "2026-06-02", "2026-06-02", &[]);
    let page = std::fs::read_to_string(out.join("changes.html")).unwrap();
    assert!(
        !page.contains("<b>27001") && !page.contains("<script>alert"),
        "{page}"
    );
    assert!(
        page.contains("ISO &lt;b&gt;27001&lt;/b&gt; &amp; Co"),
        "{page}"
    );
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(!feed.contains("<b>") && !feed.contains("<script"), "{feed}");
    assert!(
        feed.contains("<title>ISO &lt;b&gt;27001&lt;/b&gt; &amp; Co: name changed"),
        "{feed}"
    );
    assert!(feed.contains("ISO &amp;lt;b&amp;gt;27001"), "{feed}");
}
