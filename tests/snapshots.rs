//! One exact-output snapshot per human renderer (table, text, Markdown), so that a
//! change in what people read shows up in review as a diff of `tests/snapshots/`.
//! After an intended change: `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`, then
//! read the diff before committing it.

mod common;

use std::path::Path;

fn check(name: &str, args: &[&str]) {
    let got = common::stdout(args);
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_SNAPSHOTS=1 to write it",
            path.display()
        )
    });
    assert!(
        got == want,
        "`certs {}` differs from {}:\n--- want\n{want}\n--- got\n{got}",
        args.join(" "),
        path.display()
    );
}

#[test]
fn table() {
    check("list-table", &["list", "--region", "sg", "--explain"]);
}

#[test]
fn evidence_table() {
    check("evidence-table", &["evidence", "--region", "sg"]);
}

#[test]
fn show_text() {
    check("show-text", &["show", "tisax", "--as-of", "2026-11-28"]);
}

#[test]
fn show_markdown() {
    check(
        "show-markdown",
        &[
            "show",
            "tisax",
            "--format",
            "markdown",
            "--as-of",
            "2026-11-28",
        ],
    );
}

#[test]
fn list_markdown() {
    check(
        "list-markdown",
        &[
            "list",
            "--industry",
            "finance",
            "--exact",
            "--format",
            "markdown",
        ],
    );
}

#[test]
fn matrix_table() {
    check("matrix-table", &["matrix", "--columns", "sg,my,jp,global"]);
}
