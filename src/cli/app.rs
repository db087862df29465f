//! Dispatch: the session from flags > environment > config file > defaults, then one
//! call to the command's own file in [`crate::cli::commands`]. `main.rs` strings the
//! three steps together: [`standalone`], [`session`], [`run`].

use std::io::Write;

use crate::cli::args::{Cli, Command};
use crate::cli::commands;
use crate::cli::config::{self, Config};
use crate::cli::exit::{Exit, Refusal};
use crate::cli::session::Session;
use crate::load::Source;
use crate::render::ColorChoice;

/// The commands that need neither config nor catalog, and must work even when either
/// is broken; `None` for every other command.
pub fn standalone(command: &Command, out: &mut dyn Write) -> Option<anyhow::Result<Exit>> {
    match command {
        Command::Schema(args) => Some(commands::schema::run(args, out)),
        Command::Man(args) => Some(commands::man::run(args, out)),
        _ => None,
    }
}

/// What every command needs besides its own arguments, from the flags, the
/// environment and the config file.
pub fn session(cli: &Cli) -> anyhow::Result<Session> {
    check_time_zone()?;
    let config: Config = config::load()?;
    // The flag wins over CERTS_DATA, which wins over the config file.
    let from_env = match std::env::var_os("CERTS_DATA") {
        Some(v) if v.is_empty() => {
            return Err(Refusal::usage(
                "the environment variable CERTS_DATA is set but empty; set it to a catalog directory, or unset it",
            ));
        }
        v => v.map(std::path::PathBuf::from),
    };
    Ok(Session::new(
        cli.data
            .clone()
            .or(from_env)
            .or(config.data_dir)
            .map_or(Source::Embedded, Source::Dir),
        cli.color.or(config.color).unwrap_or(ColorChoice::Auto),
        config.format,
    ))
}

/// Largest time zone file: a TZif file is a few kilobytes.
const MAX_TZ_BYTES: u64 = 256 * 1024;

/// Refuses a `TZ` that names something other than a time zone file, before chrono
/// reads it to find today: chrono opens and reads the whole file, so a FIFO would hang
/// every command and `/dev/zero` would fill memory. The file is found as chrono finds
/// it (an absolute path, else the first zoneinfo folder that has it); a name no folder
/// has is a POSIX rule such as `UTC0`, which is not a file at all.
fn check_time_zone() -> anyhow::Result<()> {
    // As chrono reads it: a TZ that is not UTF-8 is ignored there too.
    let Ok(tz) = std::env::var("TZ") else {
        return Ok(());
    };
    let name = std::path::Path::new(tz.strip_prefix(':').unwrap_or(&tz));
    let candidates: Vec<std::path::PathBuf> = if name.is_absolute() {
        vec![name.to_path_buf()]
    } else {
        [
            "/usr/share/zoneinfo",
            "/share/zoneinfo",
            "/etc/zoneinfo",
            "/usr/share/lib/zoneinfo",
        ]
        .iter()
        .map(|d| std::path::Path::new(d).join(name))
        .collect()
    };
    for path in candidates {
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() && m.len() <= MAX_TZ_BYTES => return Ok(()),
            Ok(_) => {
                return Err(Refusal::usage(format!(
                    "the environment variable TZ names `{}`, which is not a time zone file; set TZ to a zone such as Europe/Berlin, or unset it",
                    crate::catalog::untrusted::shown_path(&path)
                )));
            }
            Err(_) => continue,
        }
    }
    Ok(())
}

/// Runs one command.
pub fn run(
    cli: Cli,
    ctx: &Session,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    match cli.command {
        Command::List(args) => commands::list::run(ctx, args, out, err),
        Command::Evidence(args) => commands::evidence::run(ctx, args, out, err),
        Command::Stale(args) => commands::stale::run(ctx, args, out, err),
        Command::Expiring(args) => commands::expiring::run(ctx, args, out, err),
        Command::Regions(args) => commands::regions::run(ctx, args, out, err),
        Command::Industries(args) => commands::industries::run(ctx, args, out, err),
        Command::Show(args) => commands::show::run(ctx, args, out, err),
        Command::Validate(args) => commands::validate::run(ctx, args, out, err),
        Command::Matrix(args) => commands::matrix::run(ctx, args, out, err),
        Command::Require(args) => commands::require::run(ctx, args, out, err),
        Command::Diff(args) => commands::diff::run(ctx, args, out, err),
        Command::Verify(args) => commands::verify::run(ctx, args, out, err),
        Command::Site(args) => commands::site::run(ctx, args, out, err),
        Command::Export(command) => commands::export::run(ctx, command, out, err),
        Command::Report(args) => commands::report::run(ctx, args, out, err),
        Command::Answer(args) => commands::answer::run(ctx, args, out, err),
        Command::Completions(args) => commands::completions::run(ctx, args, out, err),
        Command::Schema(_) | Command::Man(_) => standalone(&cli.command, out)
            .unwrap_or_else(|| unreachable!("schema and man are standalone")),
    }
}
