//! Shared helpers: a `certs` command isolated from the user's environment, and
//! small parsers for its output.

#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

/// Variables that change what `certs` does, removed for every test run.
const ISOLATED: [&str; 6] = [
    "NO_COLOR",
    "CERTS_DATA",
    "CERTS_CONFIG",
    "XDG_CONFIG_HOME",
    "COLUMNS",
    "TERM",
];

/// Removes every variable that could change what `certs` does from `cmd`, and gives
/// it a home without a config file, so a developer's own config cannot leak in. Every
/// test run of the binary, direct or through a shell, goes through here.
pub fn isolate(cmd: &mut std::process::Command) -> &mut std::process::Command {
    for var in ISOLATED {
        cmd.env_remove(var);
    }
    cmd.env("HOME", env!("CARGO_TARGET_TMPDIR"))
}

/// The real binary as a plain `std::process::Command`, isolated, for tests that wire
/// stdin or stdout themselves.
pub fn certs_std() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_certs"));
    isolate(&mut cmd);
    cmd
}

/// Makes a named pipe at `path`: a file that blocks whoever opens it to read.
pub fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("no NUL in a path");
    // SAFETY: a valid NUL-terminated path that outlives the call.
    assert_eq!(
        unsafe { libc::mkfifo(c.as_ptr(), 0o600) },
        0,
        "mkfifo {}",
        path.display()
    );
}

/// The same, as an `assert_cmd` command.
pub fn certs() -> Command {
    Command::from_std(certs_std())
}

/// Runs `certs ARGS`: the exit code, stdout and stderr.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = certs().args(args).output().expect("certs runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// Runs `certs ARGS`, expects success, returns stdout.
pub fn stdout(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "certs {args:?}: {err}");
    out
}

/// The ids printed by `certs list --format ids ARGS`, in order: exit 0 with ids, or
/// exit 1 (nothing found, as grep) with none.
pub fn ids(args: &[&str]) -> Vec<String> {
    let mut all = vec!["list", "--format", "ids"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all);
    assert_eq!(
        code,
        if out.is_empty() { 1 } else { 0 },
        "certs {all:?}: {err}"
    );
    out.lines().map(str::to_owned).collect()
}

/// Parses stdout as JSON.
pub fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(args)).expect("stdout is JSON")
}

/// Writes `files` (name, text) into a fresh temporary catalog directory.
pub fn catalog_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write fixture");
    }
    dir
}

/// A valid entry with the given id, for building catalogs in tests.
pub fn entry(id: &str) -> String {
    format!(
        "id: {id}\nname: {id}\nkind: certification\njurisdictions: [sg]\nsource_updated: \"2024-01-02 03:04:05\"\nevidence:\n  - type: certificate\n    reference: \"{id}-1\"\nsummary: A test entry.\n"
    )
}

/// The path of a fixture catalog under tests/fixtures.
pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// Runs `certs ARGS` (a shell word list) on a pseudo-terminal `cols` wide, through
/// util-linux `script`: the width and colour decisions a person at a terminal gets.
pub fn on_terminal(cols: u16, env: &[(&str, &str)], args: &str) -> String {
    let bin = env!("CARGO_BIN_EXE_certs");
    let mut cmd = std::process::Command::new("script");
    cmd.args([
        "-qec",
        &format!("stty rows 50 cols {cols}; {bin} {args}"),
        "/dev/null",
    ]);
    isolate(&mut cmd).env("TERM", "xterm");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("util-linux `script` runs");
    String::from_utf8(out.stdout).unwrap().replace('\r', "")
}
