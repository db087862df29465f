//! The shape of `src/`: one folder per stage of the pipeline (a wing), and imports
//! between wings running one way only. ARCHITECTURE.md explains the wings; this test
//! keeps them true. It reads the sources as text, so it also runs on a tree planted
//! with a wrong import, to show that it fails.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The wings, top first: a wing may import from the wings after it, never before.
const WINGS: [&str; 6] = ["cli", "render", "answer", "load", "check", "catalog"];

/// Crates that belong to one wing alone: the command line's parser and its error type.
const CLI_ONLY: [&str; 3] = ["clap", "clap_complete", "clap_mangen"];

/// Every broken rule in the tree at `src`, one line each.
fn violations(src: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut top = BTreeSet::new();
    for item in fs::read_dir(src).expect("src/ is readable") {
        let item = item.expect("src/ is readable");
        let name = item.file_name().to_string_lossy().into_owned();
        if item.path().is_dir() {
            top.insert(name);
        } else if name.ends_with(".rs") && name != "main.rs" && name != "lib.rs" {
            found.push(format!("src/{name}: a module outside the wings"));
        }
    }
    for dir in &top {
        if !WINGS.contains(&dir.as_str()) {
            found.push(format!("src/{dir}/: not one of the wings {WINGS:?}"));
        }
    }
    for (rank, wing) in WINGS.iter().enumerate() {
        for file in rust_files(&src.join(wing)) {
            let code = strip_comments(&fs::read_to_string(&file).expect("a source file"));
            let shown = file
                .strip_prefix(src.parent().unwrap_or(src))
                .unwrap_or(&file);
            for used in crate_paths(&code) {
                if let Some(other) = WINGS.iter().position(|w| *w == used)
                    && other < rank
                {
                    found.push(format!(
                        "{}: the {wing} wing imports from the {used} wing above it",
                        shown.display()
                    ));
                }
            }
            if *wing != "cli" {
                for name in CLI_ONLY.iter().chain(["anyhow"].iter()) {
                    if uses_crate(&code, name) {
                        found.push(format!(
                            "{}: `{name}` outside the cli wing",
                            shown.display()
                        ));
                    }
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(items) = fs::read_dir(dir) else {
        return files;
    };
    for item in items.flatten() {
        let path = item.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The first segment after every `crate::` (or `$crate::` in a macro) in the code.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut wings = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `mycrate::`, not ours
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        wings.insert(name);
    }
    wings
}

/// Whether the code names the crate `name` as a path (`clap::…`, `use clap`).
fn uses_crate(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = &code[at + name.len()..];
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            && (after.starts_with("::") || after.starts_with(';') || after.starts_with(" as"))
    })
}

/// The code with comments and string literals blanked out, so that a doc link or a
/// message that mentions another wing does not count as an import.
fn strip_comments(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('"' | '#')) {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            while j < chars.len() {
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && (chars.get(i + 2) == Some(&'\'') || next == Some('\\')) {
            // A char literal ('"', '\''), not a lifetime.
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

#[test]
fn wings_import_one_way_and_clap_stays_in_the_cli() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(
        found.is_empty(),
        "the wings are out of shape:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_planted_upward_import_or_a_stray_module_fails() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    for wing in WINGS {
        fs::create_dir_all(src.join(wing)).unwrap();
        fs::write(src.join(wing).join("mod.rs"), "//! ok\n").unwrap();
    }
    fs::write(src.join("lib.rs"), "pub mod catalog;\n").unwrap();
    // Mentions in comments, doc links and strings are not imports.
    fs::write(
        src.join("catalog/entry.rs"),
        "//! See [`crate::render`].\nconst S: &str = \"crate::cli\";\nuse crate::catalog::vocab;\n",
    )
    .unwrap();
    assert_eq!(violations(&src), Vec::<String>::new());

    fs::write(
        src.join("catalog/entry.rs"),
        "use crate::answer::query::squeeze; // a cycle: answer uses catalog\n",
    )
    .unwrap();
    fs::write(
        src.join("render/text.rs"),
        "fn f() -> anyhow::Result<()> { Ok(()) }\n",
    )
    .unwrap();
    fs::write(src.join("check/x.rs"), "use clap::Parser;\n").unwrap();
    fs::write(src.join("stray.rs"), "\n").unwrap();
    assert_eq!(
        violations(&src),
        [
            "src/catalog/entry.rs: the catalog wing imports from the answer wing above it",
            "src/check/x.rs: `clap` outside the cli wing",
            "src/render/text.rs: `anyhow` outside the cli wing",
            "src/stray.rs: a module outside the wings",
        ]
    );
}

#[test]
fn comments_and_strings_are_blanked_but_code_is_kept() {
    let code = strip_comments(
        "let a = '\"'; // crate::cli\nlet b = r#\"crate::cli \"# ; /* crate::cli /* nested */ */ crate::load::x",
    );
    assert_eq!(crate_paths(&code), BTreeSet::from(["load".to_owned()]));
    assert!(uses_crate("use clap::Parser;", "clap"));
    assert!(!uses_crate("use clap_mangen::Man;", "clap"));
    assert!(!uses_crate("let clapping = 1;", "clap"));
}
