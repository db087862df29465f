//! `certs site` without a browser: the layout, agreement with `certs list` for every
//! region and industry page, byte-identical rebuilds, no request leaving the site, no
//! broken link between pages, and no live markup from a hostile catalog. The browser
//! tests (filters, accessibility) are in tests/browser.rs.

mod common;
use common::{catalog_dir, entry, ids, stdout};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Builds a site into a fresh directory; every file by relative path.
fn build(args: &[&str]) -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let mut all = args.to_vec();
    let out_str = out.to_str().unwrap().to_owned();
    all.extend(["site", out_str.as_str()]);
    let text = stdout(&all);
    assert!(text.starts_with("wrote "), "{text}");
    let mut files = BTreeMap::new();
    collect(&out, &out, &mut files);
    (dir, files)
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            files.insert(rel, std::fs::read(&path).unwrap());
        }
    }
}

fn text(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        files
            .get(name)
            .unwrap_or_else(|| panic!("no {name}"))
            .clone(),
    )
    .unwrap()
}

/// The `data-id` of every table row of a page, in order.
fn row_ids(html: &str) -> Vec<String> {
    html.split("<tr data-id=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .collect()
}

#[test]
fn the_layout_is_there_and_data_files_equal_the_cli() {
    let (_d, files) = build(&[]);
    for name in [
        "index.html",
        "matrix.html",
        "style.css",
        "app.js",
        "catalog.json",
        "catalog.csv",
        "entries/c5.html",
        "regions/sg.html",
        "regions/global.html",
        "regions/eu.html",
        "industries/finance.html",
    ] {
        assert!(files.contains_key(name), "{name} missing");
    }
    assert_eq!(
        text(&files, "catalog.json"),
        stdout(&["list", "--format", "json"])
    );
    assert_eq!(
        text(&files, "catalog.csv"),
        stdout(&["list", "--format", "csv"])
    );
    let index = text(&files, "index.html");
    assert_eq!(row_ids(&index), ids(&[]));
    assert_eq!(index.matches("<h1>").count(), 1);
    // A subset publishes only what the flags select.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("eu");
    stdout(&[
        "site",
        out.to_str().unwrap(),
        "--region",
        "eu",
        "--title",
        "In the EU",
    ]);
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(row_ids(&index), ids(&["--region", "eu"]));
    assert!(index.contains("<h1>In the EU</h1>"), "{index}");
    assert_eq!(
        std::fs::read_to_string(out.join("catalog.json")).unwrap(),
        stdout(&["list", "--region", "eu", "--format", "json"])
    );
}

#[test]
fn every_region_and_industry_page_agrees_with_list() {
    let (_d, files) = build(&[]);
    let mut pages = 0;
    for (name, bytes) in &files {
        let (flag, value) = match name.split_once('/') {
            Some(("regions", v)) => ("--region", v.trim_end_matches(".html")),
            Some(("industries", v)) => ("--industry", v.trim_end_matches(".html")),
            _ => continue,
        };
        let html = String::from_utf8(bytes.clone()).unwrap();
        assert_eq!(row_ids(&html), ids(&[flag, value]), "{name}");
        pages += 1;
    }
    // Every region and industry value that has entries has its page.
    let regions = common::json(&["regions", "--format", "json"]);
    let with_entries = regions
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["entries"] != 0)
        .count();
    let industries = common::json(&["industries", "--format", "json"]);
    let with_entries = with_entries
        + industries
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["entries"] != 0)
            .count();
    assert_eq!(pages, with_entries);
    // Each index row carries the values it matches, as list decides them.
    let index = text(&files, "index.html");
    let c5 = index.split("<tr data-id=\"c5\"").nth(1).unwrap();
    let regions_attr = c5
        .split("data-regions=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    for v in ["de", "fr", "eu"] {
        assert!(regions_attr.split(' ').any(|r| r == v), "{regions_attr}");
    }
    assert!(
        !regions_attr.split(' ').any(|r| r == "sg"),
        "{regions_attr}"
    );
}

#[test]
fn the_same_catalog_and_flags_give_the_same_bytes() {
    let (_a, first) = build(&["--color", "never"]);
    let (_b, second) = build(&["--color", "never"]);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &first {
        assert!(bytes == &second[name], "{name} differs between builds");
    }
}

#[test]
fn no_request_leaves_the_site_and_no_link_between_pages_is_broken() {
    let (dir, files) = build(&[]);
    let root = dir.path().join("public");
    for (name, bytes) in &files {
        if !name.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes.clone()).unwrap();
        for attr in ["src=\"", "href=\""] {
            for rest in html.split(attr).skip(1) {
                let target = rest.split('"').next().unwrap();
                if target.starts_with("http://") || target.starts_with("https://") {
                    // Only the catalog's own links leave the site, and only when followed.
                    assert_eq!(attr, "href=\"", "{name} loads {target}");
                    assert!(
                        html.contains(&format!("href=\"{target}\" rel=\"external noopener\"")),
                        "{name}: {target}"
                    );
                    continue;
                }
                assert!(
                    !target.starts_with('/') && !target.contains("//"),
                    "{name}: absolute link {target}"
                );
                let file = target.split('#').next().unwrap();
                if file.is_empty() {
                    continue;
                }
                let resolved: PathBuf = Path::new(name).parent().unwrap().join(file);
                assert!(
                    root.join(&resolved).exists(),
                    "{name} links to missing {target}"
                );
            }
        }
    }
}

#[test]
fn a_hostile_catalog_leaves_no_live_markup() {
    let hostile = entry("evil")
        .replace(
            "name: evil",
            "name: \"<script>alert(1)</script>\\\"><img src=x onerror=alert(1)>\"",
        )
        .replace(
            "summary: A test entry.",
            "summary: \"<iframe src=javascript:alert(1)></iframe> & [x](javascript:alert(2))\"",
        )
        .replace(
            "kind: certification",
            "kind: certification\nlinks: [\"https://ok.example/a?b=1&c=2\"]",
        );
    let cat = catalog_dir(&[("evil.yaml", &hostile)]);
    let (_d, files) = build(&["--data", cat.path().to_str().unwrap()]);
    for (name, bytes) in &files {
        if !name.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes.clone()).unwrap();
        assert!(!html.contains("<script>alert"), "{name}");
        assert!(!html.contains("<img"), "{name}");
        assert!(!html.contains("<iframe"), "{name}");
        assert!(!html.contains("href=\"javascript:"), "{name}");
        // No tag of the page carries an event handler: the text stays text.
        // (Attribute values are quoted and escaped; look at what is outside quotes.)
        for tag in html
            .split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap_or(""))
        {
            let outside: String = tag.split('"').step_by(2).collect();
            assert!(
                !outside.contains("onerror"),
                "{name}: live attribute in <{tag}>"
            );
        }
        // Only our own script, on the index.
        let scripts = html.matches("<script").count();
        assert_eq!(scripts, usize::from(name == "index.html"), "{name}");
    }
    let page = text(&files, "entries/evil.html");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(
        page.contains("href=\"https://ok.example/a?b=1&amp;c=2\""),
        "{page}"
    );
}
