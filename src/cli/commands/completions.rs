//! `certs completions`: a shell's completion script, with the catalog's ids in it.

use std::io::Write;

use crate::cli::args::CompletionsArgs;
use crate::cli::exit::Exit;
use crate::cli::session::Session;
use crate::load;

pub fn run(
    ctx: &Session,
    args: CompletionsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    // Completion scripts are static, so the values are written into them now: ids of
    // the catalog in use for `show`, `require` and `stale`, and every `--region` value.
    let ids: Vec<String> = match load::read(&ctx.source, || ctx.today()) {
        Ok(loaded) => loaded
            .catalog
            .entries()
            .iter()
            .map(|e| e.id.to_string())
            .collect(),
        Err(e) => {
            writeln!(err, "warning: completing without entry ids: {e:#}")?;
            Vec::new()
        }
    };
    let mut cmd = crate::cli::args::command_for_completion(&ids);
    // Into a buffer first: clap_complete panics on a write error, and a full disk or a
    // closed pipe must take the normal error path.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "certs", &mut script);
    out.write_all(&script)?;
    Ok(Exit::Success)
}
