//! Hostile input, second round: the site, `verify`, symlinks, the environment and
//! unbounded work. Each test is named after its class (injection, exposure, hangs,
//! memory, silent acceptance, confusing errors) and holds the reproductions of that
//! class, run through the real binary.

mod common;
use common::{catalog_dir, certs_std, entry, isolate, mkfifo, run};

use std::path::Path;
use std::time::{Duration, Instant};

/// Runs `certs ARGS` with `env` from `dir`, killing it after 20 s (a hang) and
/// under a 1 GiB address-space limit. Output goes to files, so a long message cannot
/// fill a pipe and stall the child.
fn bounded(args: &[&str], env: &[(&str, &str)], dir: Option<&Path>) -> (i32, String, String) {
    let tmp = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (tmp.path().join("out"), tmp.path().join("err"));
    let bin = env!("CARGO_BIN_EXE_certs");
    let mut cmd = std::process::Command::new("sh");
    cmd.args(["-c", "ulimit -v 1048576 && exec \"$0\" \"$@\"", bin])
        .args(args)
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap());
    isolate(&mut cmd);
    for (k, v) in env {
        cmd.env(k, v);
    }
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let mut child = cmd.spawn().expect("certs starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("certs {args:?} still running after 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (
        status.code().unwrap_or(-1),
        std::fs::read_to_string(&out_path).unwrap_or_default(),
        std::fs::read_to_string(&err_path).unwrap_or_default(),
    )
}

/// No raw control character from input in what reaches a terminal: escapes, and line
/// breaks other than the ones that end lines.
fn assert_inert(text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || !(c.is_control() || ('\u{80}'..='\u{9f}').contains(&c)),
            "raw U+{:04X} in output:\n{text}",
            c as u32
        );
    }
}

const MANIFEST: &str = "title = \"T\"\npublisher = \"P\"\n[[sources]]\nid = \"doc\"\ntitle = \"D\"\npublisher = \"P\"\n";

/// An entry citing section `S` of document `doc`, with an issuer.
fn cited(id: &str, extra: &str) -> String {
    format!(
        "id: {id}\nname: {id}\nkind: audit\nissuer: Real Body\njurisdictions: [sg]\nsource_updated: \"2024-01-02 03:04:05\"\nevidence:\n  - type: certificate\nsummary: A test entry.\nsource:\n  document: doc\n  section: S\n{extra}"
    )
}

#[test]
fn injection_verify_prints_a_documents_stamp_escaped() {
    let data = catalog_dir(&[("a.yaml", &cited("a", "")), ("catalog.toml", MANIFEST)]);
    let doc = data.path().join("doc.txt");
    std::fs::write(
        &doc,
        "S\nLast updated : \u{1b}]0;PWNED\u{7}\u{1b}[2J2024\nReal Body\n",
    )
    .unwrap();
    let data_dir = data.path().to_str().unwrap();
    let (code, out, err) = run(&["--data", data_dir, "verify", doc.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("drifted"), "{out}");
    assert!(out.contains("\\u{1b}]0;PWNED\\u{7}"), "{out}");
    assert_inert(&out);
}

#[test]
fn injection_links_that_break_out_of_markup_or_mislead_are_refused() {
    for link in [
        "https://a.example/#<script>alert(document.domain)</script>",
        "https://127.0.0.1:99999/",
        "https://-/",
        "https://user:pass@a.example/",
        "https://a.example/\"onmouseover=x",
    ] {
        let text = format!("{}links: ['{link}']\n", entry("a"));
        let dir = catalog_dir(&[("a.yaml", &text)]);
        let (code, out, _) = run(&["validate", dir.path().to_str().unwrap()]);
        assert_eq!(code, 1, "{link}: {out}");
        assert!(out.contains("error: invalid link"), "{link}: {out}");
    }
}

#[test]
fn injection_site_never_writes_through_a_link_in_its_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("bashrc");
    std::fs::write(&outside, "mine\n").unwrap();
    let public = tmp.path().join("public");
    std::fs::create_dir(&public).unwrap();
    std::os::unix::fs::symlink("../bashrc", public.join("index.html")).unwrap();
    let out_dir = public.to_str().unwrap();
    for args in [&["site", out_dir][..], &["site", "--force", out_dir]] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
    }
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "mine\n");

    // A site certs built, whose entries/ folder someone swapped for a link.
    let built = tmp.path().join("built");
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let built_dir = built.to_str().unwrap();
    assert_eq!(run(&["site", built_dir]).0, 0);
    std::fs::remove_dir_all(built.join("entries")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, built.join("entries")).unwrap();
    let (code, _, err) = run(&["site", built_dir]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("would overwrite `entries`"), "{err}");
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

#[test]
fn injection_input_cannot_forge_a_line_of_output() {
    let forged = "x\nok: all 146 literal facts verified";
    let manifest = format!(
        "title = \"T\"\npublisher = \"P\"\n[[sources]]\nid = \"{}\"\ntitle = \"D\"\npublisher = \"P\"\n",
        forged.replace('\n', "\\n")
    );
    let data = catalog_dir(&[("a.yaml", &entry("a")), ("catalog.toml", &manifest)]);
    let data_dir = data.path().to_str().unwrap();
    let (code, out, _) = run(&["validate", data_dir]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("`sources[0].id` contains U+000A (LF, a line break)"),
        "{out}"
    );
    let doc = data.path().join("doc.txt");
    std::fs::write(&doc, "S\nLast updated : 2024\n").unwrap();
    let (code, out, err) = run(&["--data", data_dir, "verify", doc.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        !format!("{out}{err}").lines().any(|l| l.starts_with("ok:")),
        "{err}"
    );

    // A path with a line break, from a flag or a config file, is one line of error.
    let (code, _, err) = run(&["--data", "no\nsuch: thing", "list"]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no\\u{a}such"), "{err}");
}

#[test]
fn exposure_links_out_of_a_catalog_are_refused_unread() {
    let tmp = tempfile::tempdir().unwrap();
    let secret = tmp.path().join("shadow");
    std::fs::write(&secret, "root:*:19000:0:99999:7:::\n").unwrap();
    let cat = tmp.path().join("cat");
    std::fs::create_dir(&cat).unwrap();
    std::fs::write(cat.join("a.yaml"), entry("a")).unwrap();
    std::os::unix::fs::symlink(&secret, cat.join("x.yaml")).unwrap();
    // A link that stays inside the catalog is followed.
    std::fs::create_dir(cat.join("real")).unwrap();
    std::fs::write(cat.join("real").join("b.txt"), entry("b")).unwrap();
    std::os::unix::fs::symlink("real/b.txt", cat.join("b.yaml")).unwrap();
    std::os::unix::fs::symlink(&secret, cat.join("catalog.toml")).unwrap();
    let (code, out, _) = run(&["validate", cat.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("root:"), "{out}");
    assert!(
        out.contains("x.yaml: error: a symbolic link to a file outside the catalog directory"),
        "{out}"
    );
    assert!(
        out.contains(
            "catalog.toml: error: a symbolic link that leads outside the catalog directory"
        ),
        "{out}"
    );
    assert!(!out.contains("b.yaml: error"), "{out}");
}

#[test]
fn exposure_config_is_never_read_from_the_current_directory() {
    let cwd = tempfile::tempdir().unwrap();
    for base in [
        cwd.path().join(".config/certs"),
        cwd.path().join("rel/certs"),
    ] {
        std::fs::create_dir_all(&base).unwrap();
        std::fs::write(base.join("config.toml"), "data_dir = \"/nonexistent\"\n").unwrap();
    }
    for env in [
        &[("HOME", "")][..],
        &[("HOME", "."), ("XDG_CONFIG_HOME", "rel")],
        &[("XDG_CONFIG_HOME", "rel")],
    ] {
        let (code, out, err) = bounded(&["list", "--format", "ids"], env, Some(cwd.path()));
        assert_eq!(code, 0, "{env:?}: {err}");
        assert_eq!(out.lines().count(), 21, "{env:?}");
    }
}

#[test]
fn hangs_fifos_and_endless_files_are_refused_without_waiting() {
    let tmp = tempfile::tempdir().unwrap();
    // A FIFO inside the site's folder.
    let public = tmp.path().join("public");
    std::fs::create_dir(&public).unwrap();
    mkfifo(&public.join("pipe"));
    let (code, _, err) = bounded(&["site", "--force", public.to_str().unwrap()], &[], None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`pipe` in"), "{err}");
    // TZ naming a FIFO, a device, or a path out of the zone folder.
    let fifo = tmp.path().join("tz");
    mkfifo(&fifo);
    for tz in [fifo.to_str().unwrap(), "/dev/zero", ":../../../../dev/zero"] {
        let (code, _, err) = bounded(&["stale"], &[("TZ", tz)], None);
        assert_eq!(code, 2, "TZ={tz}: {err}");
        assert!(err.contains("is not a time zone file"), "TZ={tz}: {err}");
    }
    // Real zones and rules still work.
    for tz in ["Europe/Berlin", "UTC0", ":Asia/Singapore"] {
        let (code, _, err) = bounded(&["stale"], &[("TZ", tz)], None);
        assert_eq!(code, 0, "TZ={tz}: {err}");
    }
}

#[test]
fn hangs_placing_many_problems_in_one_file_is_one_pass() {
    // 45,000 aliases with a trailing space: each is a problem to place.
    let aliases: String = (0..45_000).map(|i| format!("  - \"a{i:05} \"\n")).collect();
    let text = format!(
        "id: x\nname: X\nkind: audit\njurisdictions: [sg]\naliases:\n{aliases}evidence:\n  - type: certificate\nsummary: s\n"
    );
    let dir = catalog_dir(&[("x.yaml", &text)]);
    let (code, out, err) = bounded(&["validate", dir.path().to_str().unwrap()], &[], None);
    assert_eq!(code, 1, "{err}");
    // The first is placed at its own line; the rest are counted, not collected.
    assert!(out.contains("x.yaml:6:6: error: alias `a00000 `"), "{out}");
    assert!(out.ends_with("1 entry, 101 errors, 0 warnings\n"), "{out}");
}

#[test]
fn hangs_verify_finds_sections_by_lookup() {
    // 2,000 entries against a document of 300,000 headings.
    let mut files: Vec<(String, String)> = (0..2_000)
        .map(|i| {
            let id = format!("e{i:04}");
            let text = cited(&id, "").replace("section: S", &format!("section: H{i}"));
            (format!("{id}.yaml"), text)
        })
        .collect();
    files.push(("catalog.toml".into(), MANIFEST.into()));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let data = catalog_dir(&refs);
    let doc: String = (0..300_000)
        .rev()
        .map(|i| format!("H{i}\nLast updated : 2024-01-02 03:04:05\nReal Body\n"))
        .collect();
    let doc_path = data.path().join("doc.txt");
    std::fs::write(&doc_path, doc).unwrap();
    let data_dir = data.path().to_str().unwrap();
    let (code, out, err) = bounded(
        &["--data", data_dir, "verify", doc_path.to_str().unwrap()],
        &[],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\n4000 of 4000 literal facts verified, 0 accepted with a reason, 0 not found, 0 drifted\n"),
        "{out}"
    );
}

#[test]
fn hangs_search_terms_are_folded_once_per_entry() {
    let mut args: Vec<String> = vec!["regions".into(), "--all".into()];
    for i in 0..600 {
        args.push("-s".into());
        args.push(format!("zz{i}"));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = bounded(&args, &[], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().count() > 200, "{out}");
}

#[test]
fn memory_lint_problems_are_capped_while_collected() {
    let body: String = (0..90_000).map(|n| format!("k{n:06}: v\n")).collect();
    let files: Vec<(String, String)> = (0..4)
        .map(|i| (format!("e{i}.yaml"), format!("id: e{i}\n{body}")))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = catalog_dir(&refs);
    let (code, out, err) = bounded(&["validate", dir.path().to_str().unwrap()], &[], None);
    assert_eq!(code, 1, "{err}");
    for i in 0..4 {
        let file = format!("e{i}.yaml:");
        let count = out.lines().filter(|l| l.contains(&file)).count();
        assert_eq!(count, 101, "{file}");
    }
    assert!(out.contains("more problems in this file are not listed (the first 100 are)"));
}

#[test]
fn silent_manifest_text_is_checked_like_an_entry() {
    let manifest = "title = \"T\\u001b]0;x\\u0007\"\npublisher = \"\\u3164\"\n[[sources]]\nid = \"\"\ntitle = \"\\u202eD\"\npublisher = \"P\"\n[[sources]]\nid = \"d\"\ntitle = \"D\"\npublisher = \"P\"\n[[sources]]\nid = \"d\"\ntitle = \"E\"\npublisher = \"P\"\n";
    let data = catalog_dir(&[("a.yaml", &entry("a")), ("catalog.toml", manifest)]);
    let (code, out, _) = run(&["validate", data.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    for wanted in [
        "catalog.toml:1:1: error: `title` contains U+001B",
        "catalog.toml:2:1: error: `publisher` is blank",
        "catalog.toml:4:1: error: `sources[0].id` is blank",
        "catalog.toml:5:1: error: `sources[0].title` contains U+202E",
        "catalog.toml:12:1: error: source id `d` is listed twice",
    ] {
        assert!(out.contains(wanted), "wanted {wanted} in\n{out}");
    }
    // A link to nowhere, or a loop, named catalog.toml is broken, not absent.
    let data = catalog_dir(&[("a.yaml", &entry("a"))]);
    std::os::unix::fs::symlink("catalog.toml", data.path().join("catalog.toml")).unwrap();
    let (code, out, _) = run(&["validate", data.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("catalog.toml: error: "), "{out}");
}

#[test]
fn silent_normalised_cannot_whitewash_an_invented_fact() {
    let doc_text = "S\nLast updated : 2024-01-02 03:04:05\nReal Body\n";
    let cases = [
        (
            "no value",
            "    - {field: issuer, reason: the source abbreviates it}\n",
            "missing required field `source.normalised[0].value`",
        ),
        (
            "a value the entry does not have",
            "    - {field: issuer, value: Other Body, reason: the source abbreviates it}\n",
            "excuses `Other Body` in `issuer`, but the entry's `issuer` has no such value",
        ),
        (
            "a field that holds no fact",
            "    - {field: summary, value: x, reason: the source abbreviates it}\n",
            "names the field `summary`, which holds no fact",
        ),
        (
            "no real reason",
            "    - {field: issuer, value: Totally Fabricated Body, reason: x}\n",
            "gives `x` as the reason",
        ),
    ];
    for (what, normalised, wanted) in cases {
        let text = cited("a", &format!("  normalised:\n{normalised}"))
            .replace("Real Body", "Totally Fabricated Body");
        let data = catalog_dir(&[("a.yaml", &text), ("catalog.toml", MANIFEST)]);
        let data_dir = data.path().to_str().unwrap();
        let (code, out, _) = run(&["validate", data_dir]);
        assert_eq!(code, 1, "{what}: {out}");
        assert!(out.contains(wanted), "{what}: wanted {wanted} in\n{out}");
        let doc = data.path().join("doc.txt");
        std::fs::write(&doc, doc_text).unwrap();
        let (code, _, _) = run(&["--data", data_dir, "verify", doc.to_str().unwrap()]);
        assert_ne!(code, 0, "{what}: verify passed an invented issuer");
    }
}

#[test]
fn silent_counts_spelled_otherwise_are_refused_wherever_they_stand() {
    for scope in [
        "# data_centres: 12\nscope:\n  data_centres: 0x10\n",
        "scope:\n  data_centres:\n    0x10\n",
        "scope: {data_centres: 0o20}\n",
        "scope:\n  data_centres: 05\n",
        "scope:\n  data_centres: 1e1\n",
    ] {
        let dir = catalog_dir(&[("a.yaml", &format!("{}{scope}", entry("a")))]);
        let (code, out, _) = run(&["validate", dir.path().to_str().unwrap()]);
        assert_eq!(code, 1, "{scope}: {out}");
        assert!(
            out.contains("expected a whole number written as digits"),
            "{scope}: {out}"
        );
    }
}

#[test]
fn silent_text_that_looks_the_same_is_the_same() {
    let named = |id: &str, name: &str| {
        entry(id).replace(&format!("name: {id}\n"), &format!("name: \"{name}\"\n"))
    };
    // Each pair shows as one name: the second is refused as a clash.
    for (a, b) in [
        ("C5", "\u{421}5"),
        ("C5", "\u{ff23}\u{ff15}"),
        ("Caf\u{e9}", "Cafe\u{301}"),
    ] {
        let dir = catalog_dir(&[("a.yaml", &named("a", a)), ("b.yaml", &named("b", b))]);
        let (code, out, _) = run(&["validate", dir.path().to_str().unwrap()]);
        assert_eq!(code, 1, "{a:?} {b:?}: {out}");
        assert!(
            out.contains("is already the name of `a`"),
            "{a:?} {b:?}: {out}"
        );
    }
    // Invisible characters, and names of fillers only.
    for (name, wanted) in [
        ("C5\u{ad}", "U+00AD"),
        ("C5\u{e0020}", "U+E0020"),
        ("C5\u{2028}x", "U+2028"),
        ("C\u{2061}5", "U+2061"),
        ("C\u{34f}5", "U+034F"),
        ("C5\u{fe0f}", "U+FE0F"),
        ("C\u{180e}5", "U+180E"),
        ("\u{3164}\u{3164}", "is blank"),
        ("\u{2800}", "is blank"),
    ] {
        let dir = catalog_dir(&[("a.yaml", &named("a", name))]);
        let (code, out, _) = run(&["validate", dir.path().to_str().unwrap()]);
        assert_eq!(code, 1, "{name:?}: {out}");
        assert!(out.contains(wanted), "{name:?}: wanted {wanted} in\n{out}");
    }
}

#[test]
fn silent_a_binary_document_is_refused_not_read() {
    let data = catalog_dir(&[("a.yaml", &cited("a", "")), ("catalog.toml", MANIFEST)]);
    let doc = data.path().join("zeros.txt");
    std::fs::write(&doc, vec![0u8; 16 * 1024 * 1024]).unwrap();
    let data_dir = data.path().to_str().unwrap();
    let (code, _, err) = bounded(
        &["--data", data_dir, "verify", doc.to_str().unwrap()],
        &[],
        None,
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("holds a NUL byte (at byte 0), so it is not text"),
        "{err}"
    );
    std::fs::write(&doc, b"S\nLast updated : \xff\n").unwrap();
    let (code, _, err) = run(&["--data", data_dir, "verify", doc.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("a document must be UTF-8 text"), "{err}");
}

#[test]
fn confusing_site_errors_are_worded_like_every_other() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("afile");
    std::fs::write(&file, "x").unwrap();
    let dangling = tmp.path().join("dangling");
    std::os::unix::fs::symlink("nowhere", &dangling).unwrap();
    for out_dir in [
        file.to_str().unwrap(),
        "/dev/null",
        dangling.to_str().unwrap(),
    ] {
        let (code, _, err) = run(&["site", out_dir]);
        assert_eq!(code, 2, "{out_dir}: {err}");
        assert!(err.starts_with("error: `"), "{out_dir}: {err}");
        assert!(!err.contains("os error"), "{out_dir}: {err}");
    }
}

#[test]
fn confusing_manifest_errors_name_the_manifest() {
    let data = catalog_dir(&[("a.yaml", &entry("a"))]);
    std::fs::create_dir(data.path().join("catalog.toml")).unwrap();
    let (_, out, _) = run(&["validate", data.path().to_str().unwrap()]);
    assert!(
        out.contains(
            "catalog.toml: error: not a regular file; expected a TOML file (the catalog manifest)"
        ),
        "{out}"
    );
    let data = catalog_dir(&[("a.yaml", &entry("a"))]);
    mkfifo(&data.path().join("catalog.toml"));
    let (code, out, _) = bounded(&["validate", data.path().to_str().unwrap()], &[], None);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("expected a TOML file (the catalog manifest)"),
        "{out}"
    );
    let data = catalog_dir(&[("a.yaml", &entry("a"))]);
    std::fs::write(data.path().join("catalog.toml"), "#".repeat(2 << 20)).unwrap();
    let (_, out, _) = run(&["validate", data.path().to_str().unwrap()]);
    assert!(out.contains("limit for a manifest"), "{out}");
}

#[test]
fn confusing_errors_say_what_is_wrong() {
    let (code, _, err) = run(&["stale", "--older-than", "1000000000y"]);
    assert_eq!(code, 2);
    assert!(err.contains("is too long; at most 1000 years"), "{err}");

    // One file named twice is one file.
    let dir = catalog_dir(&[("a.yaml", &entry("a"))]);
    let mut cmd = certs_std();
    let out = cmd
        .current_dir(dir.path())
        .args(["validate", "a.yaml", "./a.yaml"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.ends_with("1 entry, 0 problems\n"), "{text}");

    // A very long path is cut in a message, as values are.
    let long = format!("/{}/catalog", "d".repeat(60_000));
    let (code, _, err) = run(&["--data", &long, "list"]);
    assert_eq!(code, 2);
    assert!(err.len() < 400, "{} bytes: {}", err.len(), &err[..200]);
    assert!(err.contains("…"), "{err}");
}

/// A file whose name is not UTF-8 is shown with a replacement character but read by
/// its real name: the loader keeps the path itself for such a file. Read, its id
/// cannot match a name nobody can type, and that is the one problem reported.
#[cfg(unix)]
#[test]
fn exposure_a_file_named_in_bytes_that_are_not_utf8_is_read_by_its_real_name() {
    use std::os::unix::ffi::OsStrExt;
    let dir = catalog_dir(&[("alpha.yaml", &entry("alpha"))]);
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.yaml");
    std::fs::write(dir.path().join(name), entry("beta")).expect("write");
    let data = dir.path().to_str().expect("a UTF-8 temp dir");
    let (code, out, _) = run(&["validate", "--format", "json", data]);
    assert_eq!(code, 1, "{out}");
    let problems: serde_json::Value = serde_json::from_str(&out).expect("JSON report");
    let errors: Vec<&str> = problems
        .as_array()
        .expect("a list")
        .iter()
        .filter(|p| p["severity"] == "error")
        .filter_map(|p| p["message"].as_str())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("id `beta` does not match the file name"),
        "{errors:?}"
    );
}
