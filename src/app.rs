//! The session and dispatch: flags > environment > config file > defaults, then one
//! call per command. The listing commands (`list`, `evidence`, `stale`, `expiring`,
//! `regions`, `industries`) share one handler; the rest live in [`crate::commands`].

use std::cell::OnceCell;
use std::io::{IsTerminal, Write};

use anyhow::anyhow;
use chrono::NaiveDate;

use crate::catalog::Catalog;
use crate::cli::{Cli, Command, ListingArgs, SelectArgs};
use crate::commands;
use crate::config::{self, Config};
use crate::exit::Exit;
use crate::load::{self, Source};
use crate::query::{self, Selection, StatusPick};
use crate::render::{self, ColorChoice, ListFormat, Row, Style};
use crate::report::{self, EntryRow};

/// What every command needs besides its own arguments.
pub struct Session {
    pub source: Source,
    pub style: Style,
    /// Today's date, found on first use (it reads the time zone file).
    today: OnceCell<NaiveDate>,
    /// Default `--format` from the config file.
    pub format: Option<ListFormat>,
}

pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    // These need neither config nor catalog, and must work even when either is broken.
    match cli.command {
        Command::Schema => return commands::schema(out),
        Command::Man(args) => return commands::man(args, out),
        _ => {}
    }
    let config: Config = config::load()?;
    // Flags (and CERTS_DATA, which clap folds into --data) win over the config file.
    let ctx = Session {
        source: cli
            .data
            .clone()
            .or(config.data_dir)
            .map_or(Source::Embedded, Source::Dir),
        style: style(cli.color.or(config.color).unwrap_or(ColorChoice::Auto)),
        today: OnceCell::new(),
        format: config.format,
    };
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
        Command::Validate(args) => commands::validate(&ctx, args, out),
        Command::Matrix(args) => commands::matrix(&ctx, args, out, err),
        Command::Require(args) => commands::require(&ctx, args, out, err),
        Command::Diff(args) => commands::diff(&ctx, args, out, err),
        Command::Completions(args) => commands::completions(&ctx, args, out, err),
        Command::Schema | Command::Man(_) => unreachable!("handled above"),
    }
}

/// Colour only for a terminal, unless asked; `NO_COLOR` (any non-empty value) turns it off.
fn style(choice: ColorChoice) -> Style {
    let tty = std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    Style {
        color: match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color && !dumb,
        },
        width: if tty {
            terminal_size::terminal_size().map(|(w, _)| w.0)
        } else {
            None
        },
    }
}

impl Session {
    pub fn today(&self) -> NaiveDate {
        *self.today.get_or_init(|| chrono::Local::now().date_naive())
    }

    pub fn list_format(&self, flag: Option<ListFormat>) -> ListFormat {
        flag.or(self.format).unwrap_or_default()
    }

    /// Loads the catalog in use; see [`Session::load_source`].
    pub fn load(&self, err: &mut dyn Write) -> anyhow::Result<&'static Catalog> {
        self.load_source(&self.source, err)
    }

    /// Loads a catalog for a command that reads it. Any error in the catalog stops
    /// the command: answers from a half-loaded catalog would look complete.
    ///
    /// The catalog lives until the process exits, so it is leaked rather than
    /// dropped: freeing every string of every entry one by one was a tenth of the
    /// instructions of `certs list` on the embedded catalog.
    pub fn load_source(
        &self,
        source: &Source,
        err: &mut dyn Write,
    ) -> anyhow::Result<&'static Catalog> {
        let loaded = load::read(source, || self.today())?;
        let errors = loaded.error_count();
        if errors > 0 {
            for p in loaded.problems.iter().filter(|p| p.is_error()) {
                writeln!(err, "{p}")?;
            }
            return Err(anyhow!(
                "{} has {errors} problem{}; `certs validate` lists them all",
                source.describe(),
                if errors == 1 { "" } else { "s" }
            ));
        }
        Ok(Box::leak(Box::new(loaded.catalog)))
    }

    /// The selection the flags ask for, from CLI values to the model's terms.
    pub fn selection(&self, a: &SelectArgs) -> Selection {
        Selection {
            regions: a.region.clone(),
            industries: a.industry.clone(),
            kinds: a.kind.clone(),
            statuses: if a.all_statuses {
                StatusPick::All
            } else if a.status.is_empty() {
                StatusPick::Current
            } else {
                StatusPick::Only(a.status.clone())
            },
            search: a.search.clone(),
            updated_before: a.updated_before,
            updated_since: a.updated_since,
            exact: a.exact,
            as_of: a.as_of.unwrap_or_else(|| self.today()),
        }
    }

    fn select(
        &self,
        a: &SelectArgs,
        err: &mut dyn Write,
    ) -> anyhow::Result<(&'static Catalog, Selection)> {
        Ok((self.load(err)?, self.selection(a)))
    }

    /// Writes a listing; on an empty table, says why on stderr. Exit 1 when nothing
    /// was found, as `grep` does.
    fn listing<R: Row>(
        &self,
        args: &ListingArgs,
        rows: &[R],
        out: &mut dyn Write,
        err: &mut dyn Write,
        why_empty: impl FnOnce() -> String,
    ) -> anyhow::Result<Exit> {
        let format = self.list_format(args.format);
        render::listing(out, format, &self.style, rows, args.explain)?;
        if !rows.is_empty() {
            return Ok(Exit::Success);
        }
        if format == ListFormat::Table {
            let why = why_empty();
            if !why.is_empty() {
                writeln!(err, "{why}")?;
            }
        }
        Ok(Exit::No)
    }
}
