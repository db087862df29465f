//! `certs report`: the entries of a report are exactly `list`'s with the same flags,
//! in every format; each entry has its evidence and citation; the gaps say what was
//! left out and why; HTML is one file with no script or request; every value is
//! escaped. The HTML printed to PDF by Chromium is checked in tests/browser.rs.

mod common;
use common::{catalog_dir, fixture, ids, run, stdout};

/// The ids in a Markdown report's summary table, in order.
fn markdown_ids(report: &str) -> Vec<String> {
    report
        .lines()
        .skip_while(|l| !l.starts_with("| Entry |"))
        .skip(2)
        .take_while(|l| l.starts_with("| "))
        .map(|l| {
            let first = l.split(" | ").next().unwrap();
            first
                .rsplit('(')
                .next()
                .unwrap()
                .trim_end_matches(')')
                .to_owned()
        })
        .collect()
}

/// The ids of an HTML report's entry sections, in order.
fn html_ids(report: &str) -> Vec<String> {
    report
        .split("<h2 class=\"page\">")
        .skip(1)
        .map(|s| s.split("</h2>").next().unwrap())
        .filter(|h| *h != "Gaps")
        .map(|h| {
            h.rsplit('(')
                .next()
                .unwrap()
                .trim_end_matches(')')
                .to_owned()
        })
        .collect()
}

#[test]
fn a_report_holds_exactly_what_list_returns() {
    let lifecycle = fixture("lifecycle");
    let selections: Vec<Vec<&str>> = vec![
        vec![],
        vec!["--region", "sg"],
        vec!["--region", "eu", "--industry", "finance"],
        vec!["--region", "cn", "--exact"],
        vec!["--industry", "healthcare"],
        vec!["--kind", "audit"],
        vec!["--search", "SOC"],
        vec!["--region", "br", "--kind", "audit"],
        vec!["--data", &lifecycle, "--as-of", "2026-06-01"],
        vec![
            "--data",
            &lifecycle,
            "--as-of",
            "2026-06-01",
            "--all-statuses",
        ],
    ];
    for args in selections {
        let want = {
            let (code, out, err) = run(&[&["list", "--format", "ids"][..], &args].concat());
            assert!(code <= 1, "{err}");
            out.lines().map(str::to_owned).collect::<Vec<_>>()
        };
        let md = stdout(&[&["report"][..], &args].concat());
        assert_eq!(markdown_ids(&md), want, "markdown {args:?}");
        let html = stdout(&[&["report", "--format", "html"][..], &args].concat());
        assert_eq!(html_ids(&html), want, "html {args:?}");
        let text = stdout(&[&["report", "--format", "text"][..], &args].concat());
        for id in &want {
            assert!(text.contains(&format!("({id})\n")), "text {args:?}: {id}");
        }
        if want.is_empty() {
            assert!(md.contains("No entry answers the question."), "{md}");
        }
    }
}

#[test]
fn the_question_citations_and_evidence_are_in_words() {
    let md = stdout(&[
        "report",
        "--region",
        "sg",
        "--industry",
        "finance",
        "--as-of",
        "2026-12-02",
    ]);
    assert!(md.starts_with(
        "# Certifications, attestations and audits that apply in Singapore (sg) for finance, as of 2026-12-02\n"
    ));
    assert!(md.contains("- **as of**: 2026-12-02: every status below is judged on this day"));
    assert!(md.contains(
        "Citation: Region and Industry Recognition › OSPAR, Tencent Cloud, last updated 2024-09-03 14:08:54."
    ));
    // Evidence and how to obtain it: FISC's reports, by ticket or through the team.
    let jp = stdout(&["report", "--region", "jp", "--format", "text"]);
    assert!(jp.contains(
        "- soc-report: SOC1 report; obtain by ticket or contact (Tencent Cloud Financial Solutions Service and Japan customer team)"
    ), "{jp}");
    // No wall clock: the same report twice, on any day, for the same as-of day.
    assert_eq!(
        md,
        stdout(&[
            "report",
            "--region",
            "sg",
            "--industry",
            "finance",
            "--as-of",
            "2026-12-02"
        ])
    );
}

#[test]
fn the_gaps_say_what_is_missing_stale_expiring_and_left_out() {
    let data = fixture("lifecycle");
    let md = stdout(&[
        "report",
        "--data",
        &data,
        "--as-of",
        "2026-06-01",
        "--expiring-within",
        "9m",
    ]);
    let gaps = md.split("## Gaps").nth(1).unwrap();
    // Expired and not yet achieved: left out, and said so.
    assert!(gaps.contains("Left out for their status on 2026-06-01: old-cert (expired on 2025-01-01), pending (in-progress)"), "{gaps}");
    assert!(gaps.contains("Expiring within 9m (by 2027-03-01): iso27001 (valid until 2027-02), pci (valid until 2026-12-15), soc2 (valid until 2027-01-31)"), "{gaps}");
    let shipped = stdout(&["report", "--region", "jp", "--as-of", "2026-12-02"]);
    assert!(
        shipped.contains("No entry was left out for its status"),
        "{shipped}"
    );
    assert!(
        shipped.contains("No evidence stated by the source: pci-dss."),
        "{shipped}"
    );
    assert!(shipped.contains("Source section older than 1y (updated before 2025-12-02): fisc (4y 3m), gxp (3y 11m), pci-dss (8y 5m)."), "{shipped}");
}

#[test]
fn html_is_one_file_with_no_script_or_request_and_every_value_escaped() {
    let hostile = "id: x\nname: \"<script>alert(1)</script>\"\nkind: audit\njurisdictions: [sg]\nevidence:\n  - type: certificate\n    title: \"<img src=x onerror=alert(1)>\"\nsummary: \"A *bold* [link](https://evil.example) | pipe <b>html</b>\"\n";
    let dir = catalog_dir(&[("x.yaml", hostile)]);
    let data = dir.path().to_str().unwrap();
    let html = stdout(&["report", "--data", data, "--format", "html"]);
    // Markup from the catalog arrives as text; no link, script or image is made.
    for bad in ["<script", "<img", "<b>", "<a ", "href=", "src=\"", "<link"] {
        assert!(!html.contains(bad), "{bad} in\n{html}");
    }
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    assert!(html.contains("@media print"));
    let md = stdout(&["report", "--data", data]);
    for bad in ["<script", "<img", "<b>", "[link]("] {
        assert!(!md.contains(bad), "{bad} in\n{md}");
    }
    let dir2 = tempfile::tempdir().unwrap();
    let file = dir2.path().join("r.html");
    let (code, out, _) = run(&[
        "report",
        "--data",
        data,
        "--format",
        "html",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert_eq!(std::fs::read_to_string(file).unwrap(), html);
    assert!(!ids(&["--data", data]).is_empty());
}
