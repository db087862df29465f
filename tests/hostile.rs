//! Hostile and sloppy input: nothing a catalog, a config file or an argument holds
//! may crash `certs`, hang it, exhaust its memory, or reach a terminal, a spreadsheet
//! or a document as live markup. Each class of the hardening issue has a case here;
//! the last test runs every command under a 1 GiB address-space limit against a
//! large hostile catalog made at test time.

mod common;
use common::{catalog_dir, certs_std, entry, run, stdout};

use std::time::{Duration, Instant};

/// Runs `certs ARGS` with `env`, killing it after `limit`; a kill is a hang. Output
/// goes to files, so a long message cannot fill a pipe and stall the child.
fn run_bounded(args: &[&str], env: &[(&str, &str)], limit: Duration) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (dir.path().join("out"), dir.path().join("err"));
    let mut cmd = certs_std();
    cmd.args(args)
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("certs starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("certs {:?} still running after {limit:?}", &args[..1]);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (
        status.code().unwrap_or(-1),
        std::fs::read_to_string(&out_path).unwrap_or_default(),
        std::fs::read_to_string(&err_path).unwrap_or_default(),
    )
}

#[test]
fn absurd_dates_are_usage_errors_not_crashes() {
    for args in [
        &["expiring", "--within", "90d", "--as-of=+262142-12-01"][..],
        &["stale", "--older-than", "90d", "--as-of=-262143-01-02"],
        &["list", "--as-of", "2026-1-1"],
        &["list", "--as-of", "+2026-01-01"],
        &["list", "--as-of", " 2026-01-01"],
        &["list", "--as-of", "-0001-12-31"],
        &["list", "--as-of", "9999-12-31"],
        &["stale", "--older-than", "99999999y"],
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
    // The far ends of the range still compute.
    let (code, _, err) = run(&["expiring", "--within", "1000y", "--as-of", "2999-12-31"]);
    assert!(code <= 1, "{err}");
}

#[test]
fn config_files_that_would_hang_or_flood_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    common::mkfifo(&fifo);
    let fifo = fifo.to_str().unwrap();
    for env in [
        vec![("CERTS_CONFIG", fifo)],
        vec![("CERTS_CONFIG", "/dev/zero")],
        vec![("CERTS_CONFIG", "/tmp")],
    ] {
        let (code, _, err) = run_bounded(&["list"], &env, Duration::from_secs(10));
        assert_eq!(code, 2, "{env:?}: {err}");
        assert!(
            err.contains("(from CERTS_CONFIG): not a regular file; expected a TOML file"),
            "{err}"
        );
        assert!(!err.contains("os error"), "{err}");
    }
    let (code, _, err) = run_bounded(&["list"], &[("CERTS_DATA", "")], Duration::from_secs(10));
    assert_eq!(code, 2);
    assert!(err.contains("CERTS_DATA is set but empty"), "{err}");
}

#[test]
fn what_yaml_should_not_carry_here_is_refused_with_a_position() {
    let base = entry("x");
    let cases: &[(&str, String, &str)] = &[
        (
            "tag",
            base.replace("name: x", "name: !!python/object:os.system ls"),
            "error: YAML tag `tag:yaml.org,2002:python/object:os.system` on `name` is not allowed",
        ),
        (
            "local tag",
            base.replace("name: x", "name: !foo x"),
            "2:12: error: YAML tag `!foo` on `name`",
        ),
        (
            "merge key",
            format!("{base}<<: {{kind: audit}}\n"),
            "error: YAML merge keys (`<<`) are not allowed",
        ),
        (
            "hexadecimal number",
            base.replace(
                "kind: certification",
                "kind: certification\nscope: {data_centres: 0x10}",
            ),
            "error: `scope.data_centres` is `0x10`, expected a whole number",
        ),
        (
            "hex number",
            base.replace(
                "kind: certification",
                "kind: certification\nscope: {data_centres: 0x10}",
            ),
            "expected a whole number",
        ),
        (
            "year zero",
            base.replace(
                "kind: certification",
                "kind: certification\nachieved: 0000-01-01",
            ),
            "with a year from 1900 to 2999",
        ),
        (
            "escape",
            base.replace("name: x", "name: \"x\\e[31mRED\""),
            "2:1: error: `name` contains U+001B (ESC, a terminal escape); remove it",
        ),
        (
            "bidi",
            base.replace("name: x", "name: \"x\\u202E\""),
            "`name` contains U+202E (a bidirectional formatting character)",
        ),
        (
            "binary tag",
            base.replace("name: x", "name: !!binary G1szMW1SRUQbWzBt"),
            "error: ",
        ),
        (
            "alias space",
            base.replace(
                "kind: certification",
                "kind: certification\naliases: [\"trailing \"]",
            ),
            "has a leading or trailing space",
        ),
        (
            "invisible alias",
            base.replace(
                "kind: certification",
                "kind: certification\naliases: [\"a\\u200Bb\"]",
            ),
            "U+200B (an invisible character)",
        ),
    ];
    for (what, text, wanted) in cases {
        let dir = catalog_dir(&[("x.yaml", text)]);
        let (code, out, _) = run(&["validate", dir.path().to_str().unwrap()]);
        assert_eq!(code, 1, "{what}: {out}");
        assert!(out.contains(wanted), "{what}: wanted `{wanted}` in\n{out}");
    }
}

#[test]
fn names_aliases_and_ids_are_unique_the_way_lookups_fold_them() {
    let dir = catalog_dir(&[
        ("k5.yaml", &entry("k5")),
        (
            "other.yaml",
            &entry("other").replace(
                "kind: certification",
                "kind: certification\naliases: [\"\u{212a}5\"]",
            ),
        ),
        (
            "same-a.yaml",
            &entry("same-a").replace("name: same-a", "name: Same Name"),
        ),
        (
            "same-b.yaml",
            &entry("same-b").replace("name: same-b", "name: same-name"),
        ),
    ]);
    let (code, out, _) = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("alias `\u{212a}5` is already the id of `k5`"),
        "{out}"
    );
    assert!(
        out.contains("name `same-name` is already the name of `same-a`"),
        "{out}"
    );
    // A backslash is an ordinary character of a file name on Unix.
    let dir = catalog_dir(&[("evil\\c5.yaml", &entry("c5"))]);
    let (code, out, _) = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("id `c5` does not match the file name"),
        "{out}"
    );
}

#[test]
fn two_files_sharing_thousands_of_aliases_are_reported_briefly() {
    let aliases: Vec<String> = (0..20_000).map(|i| format!("shared-{i}")).collect();
    let list = format!("aliases: [{}]", aliases.join(", "));
    let a = entry("a").replace(
        "kind: certification",
        &format!("kind: certification\n{list}"),
    );
    let b = entry("b").replace(
        "kind: certification",
        &format!("kind: certification\n{list}"),
    );
    let dir = catalog_dir(&[("a.yaml", &a), ("b.yaml", &b)]);
    let (code, out, _) = run_bounded(
        &["validate", dir.path().to_str().unwrap()],
        &[],
        Duration::from_secs(20),
    );
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 22, "20 placed, 1 count, 1 summary");
    let counted = lines
        .iter()
        .filter(|l| {
            l.ends_with(
                "19980 more ids, aliases or names of this entry are already another entry's",
            )
        })
        .count();
    assert_eq!(counted, 1, "{out}");
    assert_eq!(lines[21], "2 entries, 21 errors, 0 warnings");
}

#[test]
fn five_problems_in_one_file_are_reported_in_one_run_each_at_its_node() {
    let text = "id: five\nname: Five\nacheived: 2020\nkind: attestation-report\njurisdictions: [sg, zz]\nscope:\n  data_centres: 1_0\nlinks: [www.example.com]\n";
    let dir = catalog_dir(&[("five.yaml", text)]);
    let (code, out, _) = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    let file = dir.path().join("five.yaml").display().to_string();
    let lines: Vec<&str> = out.lines().collect();
    let want = [
        format!("{file}:1:1: error: missing required field `summary`"),
        format!("{file}:3:1: error: unknown field `acheived`"),
        format!("{file}:4:7: error: unknown kind `attestation-report`"),
        format!("{file}:5:21: error: unknown jurisdiction `zz`"),
        format!("{file}:7:17: error: `scope.data_centres` is `1_0`"),
        format!("{file}:8:9: error: invalid link `www.example.com`"),
    ];
    assert_eq!(lines.len(), want.len() + 1, "{out}");
    for (line, want) in lines.iter().zip(&want) {
        assert!(line.starts_with(want.as_str()), "{line}\nwanted {want}");
    }
    assert!(
        lines[1].ends_with("did you mean `achieved`?"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].ends_with("did you mean `attestation`?"),
        "{}",
        lines[2]
    );
    assert_eq!(lines[6], "1 entry, 6 errors, 0 warnings");
}

#[test]
fn nothing_untrusted_reaches_a_terminal_spreadsheet_or_document_raw() {
    let hostile = entry("evil")
        .replace("name: evil", "name: \"=HYPERLINK(\\\"http://x.example\\\") <script>alert(1)</script> [x](javascript:alert(1))\"")
        .replace("summary: A test entry.", "summary: \"<img src=x onerror=alert(1)> *bold* `code`\"");
    let dir = catalog_dir(&[("evil.yaml", &hostile)]);
    let data = dir.path().to_str().unwrap();
    let csv = stdout(&["--data", data, "list", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert!(row[1].starts_with("'=HYPERLINK("), "{}", &row[1]);
    let md = stdout(&["--data", data, "show", "evil", "--format", "markdown"]);
    for live in ["<script>", "<img", "[x](javascript:", "`code`"] {
        assert!(!md.contains(live), "`{live}` is live in:\n{md}");
    }
    assert!(
        md.contains("&lt;script&gt;") && md.contains("\\[x\\]"),
        "{md}"
    );
    // A file name is untrusted too: a fake summary line cannot be printed.
    let dir = catalog_dir(&[("a\n21 entries, 0 problems\nfoo.yaml", "id: a\n")]);
    let (_, out, _) = run(&["validate", dir.path().to_str().unwrap()]);
    assert!(!out.lines().any(|l| l == "21 entries, 0 problems"), "{out}");
    assert!(
        out.contains("a\\u{a}21 entries, 0 problems\\u{a}foo.yaml"),
        "{out}"
    );
    // So is an argument.
    let (code, _, err) = run(&["show", "\u{1b}]0;pwned\u{7}"]);
    assert_eq!(code, 1);
    assert!(
        !err.contains('\u{1b}') && err.contains("\\u{1b}]0;pwned\\u{7}"),
        "{err:?}"
    );
}

#[test]
fn long_keys_and_search_terms_answer_at_once() {
    let long = "k".repeat(120_000);
    let (code, _, err) = run_bounded(&["show", &long], &[], Duration::from_secs(10));
    assert_eq!(code, 1);
    // The message quotes the key, shortened.
    assert!(err.len() < 300, "{}", err.len());
    let term = "x".repeat(100_000);
    let (code, _, _) = run_bounded(&["list", "--search", &term], &[], Duration::from_secs(10));
    assert_eq!(code, 1);
}

/// A valid but hostile catalog: every country, long names, many aliases, a big
/// evidence list; `n` entries.
fn hostile_catalog(n: usize) -> tempfile::TempDir {
    let countries: Vec<String> = {
        let v = common::json(&["regions", "--all", "--format", "json"]);
        v.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["kind"] == "country")
            .map(|r| r["region"].as_str().unwrap().to_owned())
            .collect()
    };
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let id = format!("h{i:05}");
        let country = &countries[i % countries.len()];
        let name = if i % 500 == 0 {
            format!("Long {i} {}", "word ".repeat(100_000))
        } else {
            format!("Entry {i}")
        };
        let aliases: Vec<String> = (0..20).map(|a| format!("{id}-alias-{a}")).collect();
        let text = format!(
            "id: {id}\nname: \"{name}\"\naliases: [{}]\nkind: certification\njurisdictions: [{country}]\nscope:\n  regions:\n    - name: Region {i}\n      country: {}\nsource_updated: \"2024-01-02\"\nvalid_until: 2030-01\nevidence:\n  - type: certificate\n    reference: \"R-{i}\"\n    access: [ticket]\nsummary: A generated entry.\n",
            aliases.join(", "),
            countries[(i * 7) % countries.len()],
        );
        std::fs::write(dir.path().join(format!("{id}.yaml")), text).unwrap();
    }
    dir
}

#[test]
fn every_command_stays_within_1_gib_on_a_large_hostile_catalog() {
    let dir = hostile_catalog(3_000);
    let data = dir.path().to_str().unwrap().to_owned();
    // A manifest and a source document, so that `verify` does its work.
    std::fs::write(
        dir.path().join("catalog.toml"),
        "title = \"Hostile\"\npublisher = \"Tests\"\n[[sources]]\nid = \"doc\"\ntitle = \"Doc\"\npublisher = \"Tests\"\n",
    )
    .unwrap();
    let work = tempfile::tempdir().unwrap();
    let doc = work.path().join("doc.txt");
    std::fs::write(
        &doc,
        "Entry 1\nLast updated : 2024-01-02\nword ".repeat(10_000),
    )
    .unwrap();
    let site = work.path().join("site");
    let (doc, site) = (doc.to_str().unwrap(), site.to_str().unwrap());
    let bin = env!("CARGO_BIN_EXE_certs");
    let commands: &[&str] = &[
        "list",
        "list --explain --format json",
        "list --region apac --industry finance --format csv",
        "show h00000",
        "evidence --format csv",
        "stale --older-than 1y",
        "expiring --within 10y",
        "regions --all",
        "industries",
        "matrix --format csv",
        "matrix --by industry",
        "require h00001 h00002 --region global",
        "validate",
        "list --search 'word word word'",
        &format!("diff {data} {data}"),
        &format!("verify {doc}"),
        &format!("site {site}"),
    ];
    for command in commands {
        let script = format!("ulimit -v 1048576 && exec {bin} --data {data} {command} > /dev/null");
        let started = Instant::now();
        let out = common::isolate(std::process::Command::new("sh").args(["-c", &script]))
            .output()
            .expect("sh runs");
        let code = out.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "certs {command} under 1 GiB: {:?} after {:?}: {}",
            out.status,
            started.elapsed(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_matrix_too_large_for_a_table_is_refused_and_machine_formats_are_not() {
    let dir = hostile_catalog(1_000);
    let data = dir.path().to_str().unwrap();
    // Every country is named, so the default columns are every country: 1,000 entries
    // by about 250 columns is over the 200,000 cells a table may have.
    for format in ["table", "markdown"] {
        let (code, out, err) = run(&["--data", data, "matrix", "--format", format]);
        assert_eq!(code, 2, "{format}: {err}");
        assert!(out.is_empty(), "{format}");
        assert!(
            err.contains("is too large for a")
                && err.contains("at most 200000 cells; pick columns with --columns"),
            "{format}: {err}"
        );
    }
    let (code, out, err) = run(&["--data", data, "matrix", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1_001);
    // A few columns of the same entries are a table again.
    let (code, _, err) = run(&["--data", data, "matrix", "--columns", "global"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_tag_directive_is_refused_like_a_tag() {
    let alpha = common::entry("alpha");
    for text in [
        format!("%TAG !e! tag:example.com,2000:\n---\n{alpha}"),
        format!("%TAG !e! tag:example.com,2000:\n---\n{alpha}bogus: 1\n"),
    ] {
        let dir = common::catalog_dir(&[("alpha.yaml", &text)]);
        let (code, out, _) = run(&["validate", dir.path().to_str().unwrap()]);
        assert_eq!(code, 1, "{out}");
        assert!(
            out.contains("alpha.yaml:1:1: error: YAML `%TAG` directives are not allowed"),
            "{out}"
        );
    }
}

#[test]
fn a_site_whose_matrix_is_too_large_says_so_on_its_matrix_page() {
    let dir = hostile_catalog(1_000);
    let data = dir.path().to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let (code, _, err) = run(&["--data", data, "site", site.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("note: the coverage matrix would be 1000 entries by"),
        "{err}"
    );
    let page = std::fs::read_to_string(site.join("matrix.html")).unwrap();
    assert!(
        page.contains("more than the 200000 a page lays out"),
        "{page}"
    );
    assert!(!page.contains("<table"), "no table on the page");
    // Every page the site links to is there.
    assert!(site.join("index.html").exists() && site.join("catalog.csv").exists());
}
