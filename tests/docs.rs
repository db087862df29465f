//! The documents' examples are real: every `$ certs ...` line in a ```console block of
//! every document is run, and its output must be what the document shows. Lines that
//! pipe into other tools (jq, cut) are skipped, since those tools may not be
//! installed. `UPDATE_DOCS=1` rewrites each example's output from what `certs` prints.

mod common;
use common::certs;

/// Splits a command line the way a shell would for these examples: spaces, with
/// single and double quotes grouping.
fn split(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quote, mut started) = (Vec::new(), String::new(), None, false);
    for c in line.chars() {
        match (quote, c) {
            (None, '"' | '\'') => (quote, started) = (Some(c), true),
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            (_, c) => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

/// `(6 years ago)` becomes `(… ago)`: a page's age moves with the calendar, and the
/// README should not go stale on a birthday.
fn without_ages(text: &str) -> String {
    text.lines()
        .map(|l| match (l.rfind(" ("), l.strip_suffix(" ago)")) {
            (Some(open), Some(_)) => format!("{} (… ago)", &l[..open]),
            _ => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every document a reader is pointed to.
const DOCS: [&str; 5] = [
    "README.md",
    "docs/GUIDE.md",
    "docs/FORMAT.md",
    "SECURITY.md",
    "ARCHITECTURE.md",
];

fn read(doc: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(doc))
        .unwrap_or_else(|e| panic!("{doc}: {e}"))
}

#[test]
fn the_exit_status_table_is_the_one_certs_uses() {
    let guide = read("docs/GUIDE.md");
    for (exit, meaning) in certs::cli::exit::Exit::ALL {
        let row = format!("| {} | {meaning} |", exit.code());
        assert!(guide.contains(&row), "docs/GUIDE.md lacks `{row}`");
    }
}

/// Runs `certs ARGS` from the crate's folder, as a reader of the documents would:
/// the exit code, and stdout followed by stderr.
fn run_example(cmd: &str) -> (i32, String) {
    let args = split(&cmd["certs ".len()..]);
    let out = certs()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(&args)
        .output()
        .unwrap();
    let got = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), got.trim_end().to_owned())
}

/// Checks one document's examples, or rewrites their output when `update` is set;
/// returns how many it ran, and the document as it should read.
fn examples(doc: &str, text: &str, update: bool) -> (usize, String) {
    let mut checked = 0;
    let mut last_code = 0;
    let mut rewritten = Vec::new();
    let mut in_console = false;
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        rewritten.push(line.to_owned());
        if line == "```console" {
            in_console = true;
            continue;
        }
        if line.starts_with("```") {
            in_console = false;
            continue;
        }
        let Some(cmd) = line.strip_prefix("$ ").filter(|_| in_console) else {
            continue;
        };
        let mut expected = Vec::new();
        while let Some(next) = lines
            .peek()
            .filter(|l| !l.starts_with("$ ") && !l.starts_with("```"))
        {
            expected.push(*next);
            lines.next();
        }
        let expected = expected.join("\n");
        let got = if cmd == "echo $?" {
            last_code.to_string()
        } else if cmd.contains('|') || !cmd.starts_with("certs ") {
            expected.clone()
        } else {
            let (code, got) = run_example(cmd);
            last_code = code;
            checked += 1;
            got
        };
        if update {
            rewritten.extend(got.lines().map(str::to_owned));
        } else {
            assert_eq!(
                without_ages(&got),
                without_ages(&expected),
                "{doc}: example `{cmd}`"
            );
            rewritten.extend(expected.lines().map(str::to_owned));
        }
    }
    (checked, rewritten.join("\n") + "\n")
}

#[test]
fn every_documented_example_prints_what_the_document_shows() {
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    let mut checked = 0;
    for doc in DOCS {
        let text = read(doc);
        let (n, rewritten) = examples(doc, &text, update);
        if update && rewritten != text {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(doc);
            std::fs::write(path, rewritten).unwrap();
        }
        checked += n;
    }
    assert!(checked >= 25, "only {checked} examples found");
}

#[test]
fn a_wrong_example_fails_and_update_mends_it() {
    let doc = "```console\n$ certs show tisx\nsomething else\n$ echo $?\n0\n```\n";
    let caught = std::panic::catch_unwind(|| examples("test.md", doc, false));
    assert!(caught.is_err());
    let (n, fixed) = examples("test.md", doc, true);
    assert_eq!(n, 1);
    assert!(
        fixed.contains("did you mean `tisax`?\n$ echo $?\n1\n"),
        "{fixed}"
    );
    assert_eq!(examples("test.md", &fixed, false).0, 1);
}

/// The field table of docs/FORMAT.md names exactly the fields of the entry type (the
/// scope's one by one), with the same required ones.
#[test]
fn the_format_field_table_is_the_entry_type() {
    let out = certs().arg("schema").output().unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let format = read("docs/FORMAT.md");
    let mut table: Vec<(String, bool)> = format
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| {
            let (field, rest) = l.split_once("` |")?;
            Some((field.to_owned(), rest.trim_start().starts_with("yes")))
        })
        .collect();
    table.sort();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    let mut fields = Vec::new();
    for name in schema["properties"].as_object().unwrap().keys() {
        if name == "scope" {
            let scope = schema["$defs"]["Scope"]["properties"].as_object().unwrap();
            fields.extend(scope.keys().map(|inner| (format!("scope.{inner}"), false)));
        } else {
            fields.push((name.clone(), required.contains(&name.as_str())));
        }
    }
    fields.sort();
    assert!(table.len() > 20, "{table:?}");
    assert_eq!(table, fields);
}

#[test]
fn splitting_follows_quotes() {
    assert_eq!(
        split(r#"show "PCI DSS" --format json"#),
        ["show", "PCI DSS", "--format", "json"]
    );
    assert_eq!(
        split("evidence --search 'trusted cloud'"),
        ["evidence", "--search", "trusted cloud"]
    );
}
