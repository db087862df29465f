//! `certs site` without a browser: the layout, agreement with `certs list` for every
//! region and industry page, byte-identical rebuilds, no request leaving the site, no
//! broken link between pages, and no live markup from a hostile catalog. The browser
//! tests (filters, accessibility) are in tests/browser.rs.

mod common;
use common::{catalog_dir, entry, ids, stdout};

use std::collections::BTreeMap;
use std::path::Path;

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
    let (_dir, files) = build(&[]);
    assert_eq!(broken_links(&files), Vec::<String>::new());
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

/// Every link and source of every page of a built site that points at a file the
/// site does not have.
fn broken_links(files: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut broken = Vec::new();
    for (name, bytes) in files {
        if !name.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for attr in ["src=\"", "href=\""] {
            for rest in html.split(attr).skip(1) {
                let target = rest.split('"').next().unwrap_or_default();
                let file = target.split('#').next().unwrap_or_default();
                if file.is_empty()
                    || file.starts_with("http://")
                    || file.starts_with("https://")
                    || file.starts_with("data:")
                {
                    continue;
                }
                let mut path: Vec<&str> = name.split('/').collect();
                path.pop();
                for part in file.split('/') {
                    match part {
                        ".." => {
                            path.pop();
                        }
                        "." => {}
                        p => path.push(p),
                    }
                }
                if !files.contains_key(&path.join("/")) {
                    broken.push(format!("{name} -> {target}"));
                }
            }
        }
    }
    broken
}

/// The selection defines every page: for many selections, every link resolves, the
/// index and entry pages hold exactly `list` with the same flags, and each region and
/// industry page holds the selected entries `list` gives for its own value.
#[test]
fn every_selection_defines_every_page_of_its_site() {
    let lifecycle = common::fixture("lifecycle");
    // (data, region, industry, other flags)
    type Flags<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        &'a [&'a str],
    );
    let selections: &[Flags] = &[
        (None, None, None, &[]),
        (None, Some("eu"), None, &[]),
        (None, Some("sg"), Some("finance"), &[]),
        (None, None, None, &["--kind", "audit"]),
        (None, Some("cn"), None, &["--exact"]),
        (None, Some("br"), None, &["--exact"]),
        (
            Some(&lifecycle),
            None,
            None,
            &["--status", "expired", "--as-of", "2026-11-27"],
        ),
        (
            Some(&lifecycle),
            Some("sg"),
            None,
            &["--all-statuses", "--as-of", "2026-11-27"],
        ),
    ];
    for &(data, region, industry, other) in selections {
        let mut flags: Vec<&str> = Vec::new();
        if let Some(d) = data {
            flags.extend(["--data", d]);
        }
        let select = |region: Option<&str>, industry: Option<&str>| -> Vec<String> {
            let mut f: Vec<&str> = other.to_vec();
            if let Some(r) = region {
                f.extend(["--region", r]);
            }
            if let Some(i) = industry {
                f.extend(["--industry", i]);
            }
            let mut all = flags.clone();
            all.extend(["list", "--format", "ids"]);
            all.extend(f);
            let (code, out, err) = common::run(&all);
            assert!(code <= 1, "{all:?}: {err}");
            out.lines().map(str::to_owned).collect()
        };
        let mut site_flags = flags.clone();
        site_flags.push("site");
        site_flags.extend(other.iter().copied());
        if let Some(r) = region {
            site_flags.extend(["--region", r]);
        }
        if let Some(i) = industry {
            site_flags.extend(["--industry", i]);
        }
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        site_flags.push(out.to_str().unwrap());
        let (code, _, err) = common::run(&site_flags);
        assert_eq!(code, 0, "{site_flags:?}: {err}");
        let mut files = BTreeMap::new();
        collect(&out, &out, &mut files);
        let at = format!("{region:?} {industry:?} {other:?}");
        assert_eq!(broken_links(&files), Vec::<String>::new(), "{at}");
        let selected = select(region, industry);
        assert_eq!(
            row_ids(&text(&files, "index.html")),
            selected,
            "{at}: index"
        );
        let mut entry_pages: Vec<String> = files
            .keys()
            .filter_map(|k| k.strip_prefix("entries/")?.strip_suffix(".html"))
            .map(str::to_owned)
            .collect();
        entry_pages.sort();
        let mut sorted = selected.clone();
        sorted.sort();
        assert_eq!(entry_pages, sorted, "{at}: entry pages");
        for (name, bytes) in &files {
            let page = match name.split_once('/') {
                Some(("regions", v)) => select(Some(v.trim_end_matches(".html")), industry),
                Some(("industries", v)) => select(region, Some(v.trim_end_matches(".html"))),
                _ => continue,
            };
            let expected: Vec<String> = page
                .into_iter()
                .filter(|id| selected.contains(id))
                .collect();
            assert!(!expected.is_empty(), "{at}: {name} has no entry");
            let html = String::from_utf8(bytes.clone()).unwrap();
            assert_eq!(row_ids(&html), expected, "{at}: {name}");
        }
    }
}

/// Every file below `dir`, by relative path, as bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    collect(dir, dir, &mut files);
    files
}

fn site(data: &str, out: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["--data", data, "site", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    common::run(&args)
}

#[test]
fn a_rebuild_removes_what_it_no_longer_writes_and_keeps_what_it_did_not_write() {
    let live = format!("{}valid_until: 2029-01\n", entry("alpha"));
    let data = catalog_dir(&[("alpha.yaml", &live), ("beta.yaml", &entry("beta"))]);
    let data_path = data.path().to_str().unwrap();
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("public");
    let (code, _, err) = site(data_path, &out, &["--as-of", "2026-01-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.join("entries/alpha.html").exists());
    // The user's own files beside the site.
    std::fs::write(out.join("CNAME"), "trust.example.com\n").unwrap();
    std::fs::create_dir(out.join("extra")).unwrap();
    std::fs::write(out.join("extra/robots.txt"), "User-agent: *\n").unwrap();
    // alpha expires: the rebuild must not keep a page that still calls it current.
    let expired = format!("{}valid_until: 2020-01\n", entry("alpha"));
    std::fs::write(data.path().join("alpha.yaml"), expired).unwrap();
    let (code, stdout, err) = site(data_path, &out, &["--as-of", "2026-01-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("removed 1 it wrote before"), "{stdout}");
    assert!(stdout.contains("kept 2 files it did not write"), "{stdout}");
    assert!(
        !out.join("entries/alpha.html").exists(),
        "a stale page survived"
    );
    assert_eq!(
        row_ids(&std::fs::read_to_string(out.join("index.html")).unwrap()),
        ["beta"]
    );
    assert_eq!(
        std::fs::read_to_string(out.join("CNAME")).unwrap(),
        "trust.example.com\n"
    );
    assert!(out.join("extra/robots.txt").exists());
    // Nothing is left beside the folder.
    let mut beside: Vec<String> = std::fs::read_dir(work.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(beside, ["public"]);
}

#[test]
fn a_folder_it_did_not_build_is_refused_unless_forced_and_links_are_not_followed() {
    let data = catalog_dir(&[("alpha.yaml", &entry("alpha"))]);
    let data_path = data.path().to_str().unwrap();
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("mine");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine\n").unwrap();
    let (code, stdout, err) = site(data_path, &out, &[]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        err.contains("is not empty and was not built by certs site") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(snapshot(&out).len(), 1, "a refused build wrote something");
    let (code, _, err) = site(data_path, &out, &["--force"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine\n"
    );
    // A file of the user's where the site writes one is never overwritten.
    let clash = work.path().join("clash");
    std::fs::create_dir(&clash).unwrap();
    std::fs::write(clash.join("index.html"), "<p>mine</p>").unwrap();
    let (code, _, err) = site(data_path, &clash, &["--force"]);
    assert_eq!(code, 2);
    assert!(err.contains("would overwrite `index.html`"), "{err}");
    assert_eq!(
        std::fs::read_to_string(clash.join("index.html")).unwrap(),
        "<p>mine</p>"
    );
    // A symlink the site's own page was replaced with leads nowhere on a rebuild.
    let outside = work.path().join("bashrc");
    std::fs::write(&outside, "keep me\n").unwrap();
    std::fs::remove_file(out.join("index.html")).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("index.html")).unwrap();
    let (code, _, err) = site(data_path, &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep me\n");
    assert!(
        std::fs::symlink_metadata(out.join("index.html"))
            .unwrap()
            .is_file()
    );
    // A link of someone else's where the site writes a folder is refused, not followed.
    std::fs::remove_dir_all(out.join("entries")).unwrap();
    std::os::unix::fs::symlink(work.path(), out.join("entries")).unwrap();
    let (code, _, err) = site(data_path, &out, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("would overwrite `entries`"), "{err}");
    assert!(!work.path().join("alpha.html").exists());
    // The output folder itself as a link, a file, or a device is refused.
    let link = work.path().join("link");
    std::os::unix::fs::symlink(&out, &link).unwrap();
    for (path, says) in [
        (link.as_path(), "is a symbolic link"),
        (outside.as_path(), "exists and is not a folder"),
        (Path::new("/dev/null"), "exists and is not a folder"),
    ] {
        let (code, _, err) = site(data_path, path, &[]);
        assert_eq!(code, 2, "{path:?}");
        assert!(
            err.contains(says) && !err.contains("os error"),
            "{path:?}: {err}"
        );
    }
}

#[test]
fn a_build_killed_midway_leaves_the_previous_site_whole() {
    // A catalog large enough that writing its site takes a while.
    let data = tempfile::tempdir().unwrap();
    for i in 0..3000 {
        std::fs::write(
            data.path().join(format!("e{i:04}.yaml")),
            entry(&format!("e{i:04}")),
        )
        .unwrap();
    }
    let small = catalog_dir(&[("alpha.yaml", &entry("alpha"))]);
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("public");
    assert_eq!(site(small.path().to_str().unwrap(), &out, &[]).0, 0);
    let before = snapshot(&out);
    for delay in [50u64, 150, 400] {
        let mut child = common::certs_std()
            .args([
                "--data",
                data.path().to_str().unwrap(),
                "site",
                out.to_str().unwrap(),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let now = snapshot(&out);
        if status.success() {
            // It finished first: then the new site is whole.
            assert!(now.contains_key("entries/e2999.html"));
            return;
        }
        assert_eq!(now, before, "killed after {delay} ms, the old site changed");
    }
    // The next build still works over what the killed ones left.
    let (code, _, err) = site(small.path().to_str().unwrap(), &out, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(snapshot(&out), before);
}
