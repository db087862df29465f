//! `certs`: run, map the outcome to an exit code, end quietly on a closed pipe.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use certs::cli::app;
use certs::cli::args::Cli;
use certs::cli::exit::{self, Exit};
use certs::cli::session::Session;

fn main() -> ExitCode {
    // As `Cli::try_parse`, but the parser and its matches are leaked rather than
    // dropped: freeing them was 3% of the instructions of `certs list` on the
    // embedded catalog, and the process is about to end anyway.
    let cmd = Box::leak(Box::new(Cli::command()));
    let parsed = match cmd.try_get_matches_from_mut(std::env::args_os()) {
        Ok(m) => Cli::from_arg_matches(Box::leak(Box::new(m))).map_err(|e| e.format(cmd)),
        Err(e) => Err(e),
    };
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut err = io::stderr().lock();
    let result = run(cli, &mut out, &mut err).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => code.into(),
        // `certs list | head -1`: the reader left, which is not our failure.
        Err(e) if exit::is_broken_pipe(&e) => Exit::Success.into(),
        Err(e) => {
            // Messages quote file names, keys and values: untrusted text. No message of
            // ours spans lines, so a line break here came from input and is escaped
            // too: a value cannot forge a line of output of its own.
            let message = format!("{e:#}");
            let message = certs::catalog::untrusted::printable(&message);
            let _ = writeln!(err, "error: {message}");
            exit::code_for(&e).into()
        }
    }
}

fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    if let Some(done) = app::standalone(&cli.command, out) {
        return done;
    }
    // The session owns the catalog, and lives until the process exits: it is leaked
    // rather than dropped, since freeing every string of every entry one by one was a
    // tenth of the instructions of `certs list` on the embedded catalog.
    let session: &Session = Box::leak(Box::new(app::session(&cli)?));
    app::run(cli, session, out, err)
}

/// `--help` and `--version` are "errors" to clap that go to stdout and succeed, unless
/// stdout cannot take them; usage errors go to stderr and are trouble.
fn clap_exit(e: &clap::Error) -> ExitCode {
    if e.use_stderr() {
        let _ = e.print();
        return Exit::Trouble.into();
    }
    let mut out = io::stdout().lock();
    match write!(out, "{}", e.render()).and_then(|()| out.flush()) {
        Ok(()) => Exit::Success.into(),
        Err(io) if io.kind() == io::ErrorKind::BrokenPipe => Exit::Success.into(),
        Err(io) => {
            let _ = writeln!(io::stderr(), "error: cannot write to stdout: {io}");
            Exit::Trouble.into()
        }
    }
}
