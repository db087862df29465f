//! `certs man`: the man page of certs or of one subcommand.

use std::io::Write;

use crate::cli::args::ManArgs;
use crate::cli::exit::{Exit, Refusal};

pub fn run(args: &ManArgs, out: &mut dyn Write) -> anyhow::Result<Exit> {
    let cmd = crate::cli::args::command();
    let page = match &args.command {
        None => cmd,
        Some(name) => {
            let sub = cmd
                .get_subcommands()
                .find(|s| s.get_name() == name)
                .cloned();
            let names: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
            sub.ok_or_else(|| {
                Refusal::usage(format!(
                    "no subcommand `{name}`, expected one of: {}",
                    names.join(", ")
                ))
            })?
            .name(format!("certs-{name}"))
        }
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).render(&mut buf)?;
    out.write_all(&buf)?;
    Ok(Exit::Success)
}
