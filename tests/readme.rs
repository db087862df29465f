//! The README's examples are real: every `$ certs ...` line in a ```console block is
//! run, and its output must be what the README shows. Lines that pipe into other
//! tools (jq, cut) are skipped, since those tools may not be installed.

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

#[test]
fn the_exit_status_table_is_the_one_certs_uses() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (exit, meaning) in certs::cli::exit::Exit::ALL {
        let row = format!("| {} | {meaning} |", exit.code());
        assert!(readme.contains(&row), "README lacks `{row}`");
    }
}

#[test]
fn every_readme_example_prints_what_the_readme_shows() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut checked = 0;
    let mut last_code = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("\n```").next().unwrap();
        let mut lines = block.lines().peekable();
        while let Some(line) = lines.next() {
            let Some(cmd) = line.strip_prefix("$ ") else {
                continue;
            };
            let mut expected = Vec::new();
            while let Some(next) = lines.peek().filter(|l| !l.starts_with("$ ")) {
                expected.push(*next);
                lines.next();
            }
            let expected = expected.join("\n");
            if cmd == "echo $?" {
                assert_eq!(
                    expected,
                    last_code.to_string(),
                    "exit status shown after the previous example"
                );
                continue;
            }
            if cmd.contains('|') || !cmd.starts_with("certs ") {
                continue;
            }
            let args = split(&cmd["certs ".len()..]);
            let out = certs()
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .args(&args)
                .output()
                .unwrap();
            last_code = out.status.code().unwrap_or(-1);
            let got = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(
                without_ages(got.trim_end()),
                without_ages(&expected),
                "README example `{cmd}`"
            );
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} examples found");
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
