//! Dispatch: the session from flags > environment > config file > defaults, then one
//! call per command. The listing commands (`list`, `evidence`, `stale`, `expiring`,
//! `regions`, `industries`) share one handler; the rest live in [`crate::cli::commands`].

use std::io::Write;

use crate::answer::query;
use crate::answer::report::{self, EntryRow};
use crate::cli::args::{Cli, Command};
use crate::cli::commands;
use crate::cli::config::{self, Config};
use crate::cli::exit::{Exit, Refusal};
use crate::cli::session::Session;
use crate::load::Source;
use crate::render::ColorChoice;

pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    // These need neither config nor catalog, and must work even when either is broken.
    match cli.command {
        Command::Schema => return commands::schema(out),
        Command::Man(args) => return commands::man(args, out),
        _ => {}
    }
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
    let ctx = Session::new(
        cli.data
            .clone()
            .or(from_env)
            .or(config.data_dir)
            .map_or(Source::Embedded, Source::Dir),
        cli.color.or(config.color).unwrap_or(ColorChoice::Auto),
        config.format,
    );
    match cli.command {
        Command::List(args) => {
            let (catalog, selection) = ctx.select(&args.listing.select, err)?;
            let mut rows = selection.apply(catalog.entries());
            query::sort(&mut rows, args.sort, args.reverse);
            let explain = args.listing.explain;
            let rows: Vec<EntryRow> = rows
                .into_iter()
                .map(|selected| EntryRow { selected, explain })
                .collect();
            ctx.listing(&args.listing, &rows, out, err, || "no entries match".into())
        }
        Command::Evidence(args) => {
            let (catalog, selection) = ctx.select(&args.select, err)?;
            let rows = report::evidence(&selection.apply(catalog.entries()), args.explain);
            ctx.listing(&args, &rows, out, err, || "no entries match".into())
        }
        Command::Stale(args) => {
            let (catalog, selection) = ctx.select(&args.listing.select, err)?;
            let picked = commands::only_keys(catalog, &selection, &args.keys, &ctx.source)?;
            let rows = report::stale(&picked, args.older_than, selection.as_of);
            let span = args.older_than;
            ctx.listing(&args.listing, &rows, out, err, || {
                format!("no source page is older than {span}")
            })
        }
        Command::Expiring(args) => {
            let (catalog, selection) = ctx.select(&args.listing.select, err)?;
            let selected = selection.apply(catalog.entries());
            let rows = report::expiring(&selected, args.within, selection.as_of);
            let span = args.within;
            ctx.listing(&args.listing, &rows, out, err, || {
                let undated = selected.iter().filter(|s| s.entry.valid_until.is_none());
                format!(
                    "nothing expires within {span} ({} of {} entries give no `valid_until`)",
                    undated.count(),
                    selected.len()
                )
            })
        }
        Command::Regions(args) => {
            let (catalog, selection) = ctx.select(&args.listing.select, err)?;
            let rows = report::regions(catalog.entries(), &selection, args.all);
            ctx.listing(&args.listing, &rows, out, err, String::new)
                .map(|_| Exit::Success)
        }
        Command::Industries(args) => {
            let (catalog, selection) = ctx.select(&args.select, err)?;
            let rows = report::industries_facets(catalog.entries(), &selection);
            ctx.listing(&args, &rows, out, err, String::new)
                .map(|_| Exit::Success)
        }
        Command::Show(args) => commands::show(&ctx, args, out, err),
        Command::Validate(args) => commands::validate(&ctx, args, out, err),
        Command::Matrix(args) => commands::matrix(&ctx, args, out, err),
        Command::Require(args) => commands::require(&ctx, args, out, err),
        Command::Diff(args) => commands::diff(&ctx, args, out, err),
        Command::Verify(args) => commands::verify(&ctx, args, out, err),
        Command::Site(args) => commands::site(&ctx, args, out, err),
        Command::Completions(args) => commands::completions(&ctx, args, out, err),
        Command::Schema | Command::Man(_) => unreachable!("handled above"),
    }
}
