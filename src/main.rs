//! `certs`: run, map the outcome to an exit code, end quietly on a closed pipe.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;

use certs::app::{self, Exit};
use certs::cli::Cli;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are "errors" to clap that go to stdout and succeed.
            let _ = e.print();
            return if e.use_stderr() {
                Exit::Usage.into()
            } else {
                Exit::Success.into()
            };
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut err = io::stderr().lock();
    let result = app::run(cli, &mut out, &mut err).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => code.into(),
        // `certs list | head -1`: the reader left, which is not our failure.
        Err(e) if is_broken_pipe(&e) => Exit::Success.into(),
        Err(e) => {
            let _ = writeln!(err, "error: {e:#}");
            Exit::Failure.into()
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}
