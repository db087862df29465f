//! `certs site` in a real browser: headless Chromium opens the pages over `file://`,
//! runs the page's script, and the DOM it ends with is read back. The filters take
//! their state from the address (`index.html#region=sg`), which is how a filtered
//! view is linked, and how these tests drive them without a WebDriver. axe-core
//! checks accessibility in the same browser.
//!
//! They need Chromium (Debian's `chromium`) and axe-core (`npm install
//! --prefix target/browser-tools axe-core@4`), so they are ignored by default;
//! `.ci/run` installs both and runs them with `--include-ignored`.

mod common;
use common::{ids, stdout};

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".to_owned())
}

/// The DOM of `url` after its scripts ran, in headless Chromium.
fn dom(url: &str) -> String {
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=10000",
            "--dump-dom",
            url,
        ])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}; install Debian's chromium", chromium()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    stdout(&["site", out.to_str().unwrap()]);
    (dir, out)
}

fn url(root: &Path, page: &str) -> String {
    format!("file://{}/{page}", root.display())
}

/// The ids of the rows Chromium shows (not `hidden`).
fn visible(html: &str) -> Vec<String> {
    html.split("<tr data-id=\"")
        .skip(1)
        .filter(|row| !row.split('>').next().unwrap_or("").contains(" hidden"))
        .map(|row| row.split('"').next().unwrap().to_owned())
        .collect()
}

#[test]
#[ignore = "needs Chromium; .ci/run installs it and runs this"]
fn filtering_by_region_shows_exactly_what_list_returns() {
    let (_d, root) = site();
    for region in ["sg", "cn", "eu", "global"] {
        let html = dom(&url(&root, &format!("index.html#region={region}")));
        assert_eq!(
            visible(&html),
            ids(&["--region", region]),
            "region {region}"
        );
        assert!(!html.contains("<form class=\"filters\" id=\"filters\" role=\"search\" aria-label=\"Filter entries\" hidden"), "the script shows the filters");
    }
}

#[test]
#[ignore = "needs Chromium; .ci/run installs it and runs this"]
fn filtering_by_industry_kind_and_text_combines() {
    let (_d, root) = site();
    let html = dom(&url(&root, "index.html#industry=finance"));
    assert_eq!(visible(&html), ids(&["--industry", "finance"]));
    let html = dom(&url(
        &root,
        "index.html#region=sg&industry=finance&kind=certification",
    ));
    assert_eq!(
        visible(&html),
        ids(&[
            "--region",
            "sg",
            "--industry",
            "finance",
            "--kind",
            "certification"
        ])
    );
    let html = dom(&url(&root, "index.html#q=SOC%202"));
    assert_eq!(visible(&html), ids(&["--search", "SOC 2"]));
    assert!(html.contains("1 entry shown"), "the count is announced");
}

/// The page's text filter folds as `--search` does, Unicode case included (a final
/// capital sigma), and a fragment that is not valid percent-encoding neither stops
/// the script nor hides the filters.
#[test]
#[ignore = "needs Chromium; .ci/run installs it and runs this"]
fn the_text_filter_folds_as_the_cli_and_survives_any_fragment() {
    let data = common::catalog_dir(&[
        (
            "greek.yaml",
            "id: greek\nname: ΟΔΟΣ Audit\nkind: audit\njurisdictions: [gr]\nsummary: A test entry.\n",
        ),
        ("plain.yaml", &common::entry("plain")),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("public");
    let data_dir = data.path().to_str().unwrap();
    stdout(&["site", "--data", data_dir, root.to_str().unwrap()]);
    for query in ["ΟΔΟΣ", "οδος", "ΟΔ-ΟΣ audit"] {
        let encoded: String = query.bytes().map(|b| format!("%{b:02X}")).collect();
        let html = dom(&url(&root, &format!("index.html#q={encoded}")));
        assert_eq!(
            visible(&html),
            ids(&["--data", data_dir, "--search", query]),
            "{query}"
        );
    }
    for fragment in ["q=%", "q=%E0%A4%A", "region=%zz&q=%"] {
        let html = dom(&url(&root, &format!("index.html#{fragment}")));
        assert!(
            html.contains("id=\"filters\" role=\"search\" aria-label=\"Filter entries\">"),
            "#{fragment} hid the filters"
        );
    }
}

#[test]
#[ignore = "needs Chromium; .ci/run installs it and runs this"]
fn an_entry_page_opens_and_links_back() {
    let (_d, root) = site();
    let html = dom(&url(&root, "entries/c5.html"));
    assert!(
        html.contains("<h1>C5 — Cloud Computing Compliance Criteria Catalogue</h1>"),
        "{html}"
    );
    assert!(html.contains("href=\"../index.html\""));
    assert!(html.contains("Region and Industry Recognition › C5, Tencent Cloud"));
}

fn axe_core() -> PathBuf {
    let path = std::env::var("AXE_CORE")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target/browser-tools/node_modules/axe-core/axe.min.js")
        });
    assert!(
        path.exists(),
        "{} is missing; run `npm install --prefix target/browser-tools axe-core@4`",
        path.display()
    );
    path
}

#[test]
#[ignore = "needs Chromium and axe-core; .ci/run installs them and runs this"]
fn axe_finds_no_serious_or_critical_violations() {
    let (_d, root) = site();
    std::fs::copy(axe_core(), root.join("axe.min.js")).unwrap();
    std::fs::write(
        root.join("axe-run.js"),
        r#"axe.run(document, { resultTypes: ["violations"] }).then(function (r) {
  var pre = document.createElement("pre");
  pre.id = "axe-results";
  pre.textContent = JSON.stringify(r.violations.map(function (v) {
    return { id: v.id, impact: v.impact, nodes: v.nodes.length };
  }));
  document.body.appendChild(pre);
});"#,
    )
    .unwrap();
    for page in [
        "index.html",
        "entries/c5.html",
        "regions/sg.html",
        "industries/finance.html",
        "matrix.html",
    ] {
        let depth = page.matches('/').count();
        let up = "../".repeat(depth);
        let html = std::fs::read_to_string(root.join(page)).unwrap();
        let probe = html.replace(
            "</body>",
            &format!("<script src=\"{up}axe.min.js\"></script><script src=\"{up}axe-run.js\"></script></body>"),
        );
        let probe_name = page.replace(".html", ".axe.html");
        std::fs::write(root.join(&probe_name), probe).unwrap();
        let dom = dom(&url(&root, &probe_name));
        let results = dom
            .split("<pre id=\"axe-results\">")
            .nth(1)
            .and_then(|r| r.split("</pre>").next())
            .unwrap_or_else(|| panic!("axe did not finish on {page}"));
        let violations: serde_json::Value =
            serde_json::from_str(&results.replace("&amp;", "&")).unwrap();
        let bad: Vec<&serde_json::Value> = violations
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["impact"] == "serious" || v["impact"] == "critical")
            .collect();
        assert!(bad.is_empty(), "{page}: {bad:?}");
    }
}

/// Every page's head links its data: Chromium opens each JSON link and what it shows
/// parses as what the link says (the OSCAL document with one component per entry,
/// the listing, the schema); the CSV parses with one row per entry. The index's
/// Data section links the same files.
#[test]
#[ignore = "needs Chromium; .ci/run installs it and runs this"]
fn the_data_links_in_every_head_resolve_and_parse() {
    let (_d, root) = site();
    let entries = ids(&[]);
    for page in [
        "index.html",
        "entries/c5.html",
        "regions/sg.html",
        "matrix.html",
    ] {
        let html = std::fs::read_to_string(root.join(page)).unwrap();
        let base = root.join(page).parent().unwrap().to_path_buf();
        let links: Vec<(String, String)> = html
            .split("<link ")
            .skip(1)
            .filter(|l| l.contains("rel=\"alternate\"") || l.contains("rel=\"describedby\""))
            .map(|l| {
                let attr = |name: &str| {
                    l.split(&format!("{name}=\""))
                        .nth(1)
                        .unwrap()
                        .split('"')
                        .next()
                        .unwrap()
                        .to_owned()
                };
                (attr("type"), attr("href"))
            })
            .collect();
        let types: Vec<&str> = links.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            types,
            [
                "application/json",
                "text/csv",
                "application/oscal+json",
                "application/schema+json",
                "application/atom+xml"
            ],
            "{page}"
        );
        for (media, href) in &links {
            let path = base.join(href).canonicalize().unwrap();
            if media == "text/csv" {
                let mut reader = csv::Reader::from_path(&path).unwrap();
                assert_eq!(reader.records().count(), entries.len(), "{page}: {href}");
                continue;
            }
            if media == "application/atom+xml" {
                // .ci/run parses the feed with feedparser and xmllint.
                let feed = std::fs::read_to_string(&path).unwrap();
                assert!(
                    feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
                    "{href}"
                );
                continue;
            }
            // What the browser shows for a JSON file is its text in a <pre>.
            let dom = dom(&format!("file://{}", path.display()));
            let text = dom
                .split_once("<pre")
                .and_then(|(_, rest)| rest.split_once('>'))
                .map(|(_, rest)| rest.split("</pre>").next().unwrap())
                .unwrap_or_else(|| panic!("{page}: {href}: {dom}"))
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"");
            let v: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{href}: {e}"));
            match media.as_str() {
                "application/oscal+json" => {
                    let def = &v["component-definition"];
                    assert_eq!(def["metadata"]["oscal-version"], "1.2.1");
                    assert_eq!(def["components"].as_array().unwrap().len(), entries.len());
                }
                "application/json" => assert_eq!(v.as_array().unwrap().len(), entries.len()),
                _ => assert!(v["properties"]["id"].is_object(), "{href}"),
            }
        }
    }
    let index = std::fs::read_to_string(root.join("index.html")).unwrap();
    let data = index
        .split("<h2 id=\"data\">")
        .nth(1)
        .expect("a Data section");
    for file in [
        "catalog.json",
        "catalog.csv",
        "catalog.oscal.json",
        "schema/entry.schema.json",
    ] {
        assert!(data.contains(&format!("href=\"{file}\"")), "{file}");
    }
}

/// The HTML report printed to PDF by Chromium, its text extracted by `pdftotext`
/// (Debian's poppler-utils): every entry, its citation and every gap made it onto
/// the page.
#[test]
#[ignore = "needs Chromium and poppler-utils; .ci/run installs them and runs this"]
fn the_html_report_prints_to_pdf_with_every_entry_citation_and_gap() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let pdf = dir.path().join("report.pdf");
    let args = [
        "--region",
        "sg",
        "--industry",
        "finance",
        "--as-of",
        "2026-12-02",
    ];
    stdout(
        &[
            &["report", "--format", "html", "-o", html.to_str().unwrap()][..],
            &args,
        ]
        .concat(),
    );
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", html.display()),
        ])
        .output()
        .expect("chromium runs");
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (Debian's poppler-utils)");
    let text = String::from_utf8(text.stdout).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let markdown = stdout(&[&["report"][..], &args].concat());
    for id in ids(&args[..4]) {
        assert!(
            flat.contains(&format!("({id})")),
            "{id} not in the PDF:\n{flat}"
        );
    }
    for line in markdown.lines() {
        let wanted = line.strip_prefix("Citation: ").or_else(|| {
            line.strip_prefix("- ").filter(|_| {
                markdown
                    .split("## Gaps")
                    .nth(1)
                    .is_some_and(|g| g.contains(line))
            })
        });
        if let Some(wanted) = wanted {
            let wanted = wanted.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(&wanted), "`{wanted}` not in the PDF:\n{flat}");
        }
    }
    // One page per entry, plus the summary and the gaps.
    let pages = text.matches('\u{c}').count();
    assert!(pages >= ids(&args[..4]).len() + 2, "{pages} pages");
}

/// The change log is one click from the index: Chromium follows the "Changes" link
/// of the index's navigation to a page that lists the records and links the feed.
#[test]
#[ignore = "needs Chromium; .ci/run installs it and runs this"]
fn the_changes_link_leads_from_the_index_to_the_change_log() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    for item in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data")).unwrap() {
        let path = item.unwrap().path();
        std::fs::copy(&path, data.join(path.file_name().unwrap())).unwrap();
    }
    let out = dir.path().join("public");
    let (data_s, out_s) = (data.to_str().unwrap(), out.to_str().unwrap());
    stdout(&["--data", data_s, "site", out_s, "--as-of", "2026-12-01"]);
    let mtcs = data.join("mtcs.yaml");
    let text = std::fs::read_to_string(&mtcs).unwrap();
    std::fs::write(
        &mtcs,
        text.replace("  level: Level 3\n", "  level: Level 2\n"),
    )
    .unwrap();
    stdout(&["--data", data_s, "site", out_s, "--as-of", "2026-12-02"]);
    let index = dom(&url(&out, "index.html"));
    let href = index
        .split("<a href=\"")
        .skip(1)
        .map(|a| a.split('"').next().unwrap())
        .find(|h| h.ends_with("changes.html"))
        .expect("a link to the change log");
    let changes = dom(&url(&out, href));
    assert!(changes.contains("<h1>Changes</h1>"), "{changes}");
    assert!(
        changes.contains("<h2 id=\"h-c2026-12-02\">2026-12-02</h2>"),
        "{changes}"
    );
    assert!(
        changes.contains("scope level changed Level 3 → Level 2 (material)"),
        "{changes}"
    );
    assert!(changes.contains("href=\"feed.xml\""), "{changes}");
}
