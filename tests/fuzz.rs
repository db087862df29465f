//! Property tests: nothing a file contains may panic, hang or blow up the loader.
//!
//! Inputs are arbitrary bytes, and the shipped entries with random edits (bytes
//! deleted, YAML punctuation inserted, lines repeated or swapped). Each must give an
//! entry or at least one problem, quickly. The default run is a few hundred cases
//! per property; for a longer search:
//!
//!     PROPTEST_CASES=20000 cargo test --release --test fuzz

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use proptest::prelude::*;

use certs::load::{Origin, check_bytes};

/// A hang shows up as many seconds; a normal parse takes well under a millisecond.
const HANG: Duration = Duration::from_secs(5);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn shipped() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".yaml"))
        })
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Checks one input the way the loader would, and asserts the contract.
fn load_one(name: &str, bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let started = Instant::now();
    let certs::load::Parsed {
        entry, problems, ..
    } = check_bytes(&Origin::named(name), bytes, today());
    prop_assert!(started.elapsed() < HANG, "took {:?}", started.elapsed());
    prop_assert!(
        entry.is_some() || !problems.is_empty(),
        "neither an entry nor a problem"
    );
    for p in &problems {
        prop_assert_eq!(&p.file, name);
        prop_assert!(!p.message.is_empty());
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    RepeatLine { line: usize },
    SwapLines { a: usize, b: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    let punct = prop::sample::select(vec![
        ":",
        "-",
        " ",
        "\n",
        "[",
        "]",
        "{",
        "}",
        "&a",
        "*a",
        "!!str",
        "!tag",
        "'",
        "\"",
        "#",
        "|",
        ">",
        "---",
        "...",
        "%YAML 1.2",
        "@",
        "`",
        "\t",
        "<<: *a",
        "? ",
        "0x1F",
        "~",
        "null",
        "\u{feff}",
        "é",
        "\u{0}",
    ]);
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), prop::collection::vec(punct, 1..4)).prop_map(|(at, t)| Edit::Insert {
            at,
            text: t.concat()
        }),
        any::<usize>().prop_map(|line| Edit::RepeatLine { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines { a, b }),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for e in edits {
        match e {
            Edit::Delete { at, len } if !bytes.is_empty() => {
                let at = at % bytes.len();
                let end = (at + len).min(bytes.len());
                bytes.drain(at..end);
            }
            Edit::Insert { at, text } => {
                let at = if bytes.is_empty() {
                    0
                } else {
                    at % bytes.len()
                };
                bytes.splice(at..at, text.bytes());
            }
            Edit::RepeatLine { line } | Edit::SwapLines { a: line, .. } => {
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                let n = lines.len();
                let i = line % n;
                match e {
                    Edit::SwapLines { b, .. } => lines.swap(i, b % n),
                    _ => {
                        let l = lines[i].clone();
                        lines.insert(i, l);
                    }
                }
                bytes = lines.join(&b'\n');
            }
            _ => {}
        }
    }
    bytes
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        load_one("fuzz.yaml", bytes)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        load_one("fuzz.yaml", text.into_bytes())?;
    }

    #[test]
    fn edited_entries_never_panic(index in any::<usize>(), edits in prop::collection::vec(edit(), 1..6)) {
        let files = shipped();
        let (name, text) = &files[index % files.len()];
        load_one(name, apply(text, &edits))?;
    }
}

#[test]
fn unedited_entries_load() {
    // The edits above start from valid text; make sure it is.
    for (name, text) in shipped() {
        let certs::load::Parsed {
            entry, problems, ..
        } = check_bytes(&Origin::named(name.as_str()), text.into_bytes(), today());
        assert!(entry.is_some(), "{name}: {problems:?}");
        assert!(
            problems.iter().all(|p| !p.is_error()),
            "{name}: {problems:?}"
        );
    }
}
