//! Dispatch: turns parsed arguments into a catalog source, a filter and a renderer
//! call. Each command is one small function reading the catalog once.

use std::io::{IsTerminal, Write};

use anyhow::{Context, anyhow};
use chrono::NaiveDate;

use crate::catalog::{self, Catalog, Loaded, Source};
use crate::cli::{
    Cli, ColorChoice, Command, FilterArgs, ListArgs, ProblemFormat, ShowArgs, ValidateArgs,
};
use crate::model::Entry;
use crate::problem::Problem;
use crate::query::{self, Filter};
use crate::render::{self, Column, ListFormat, ShowFormat, Style};

/// Process exit statuses, documented in `--help` and README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    /// Not found, invalid catalog, or a requirement not met.
    Failure = 1,
    /// Unknown flag or value.
    Usage = 2,
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(e as u8)
    }
}

/// What every command needs besides its own arguments.
pub struct Session {
    pub source: Source,
    pub style: Style,
    pub today: NaiveDate,
}

pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    let ctx = Session {
        source: cli.data.clone().map_or(Source::Embedded, Source::Dir),
        style: style(cli.color.unwrap_or(ColorChoice::Auto)),
        today: chrono::Local::now().date_naive(),
    };
    match cli.command {
        Command::List(args) => list(&ctx, args, out, err),
        Command::Show(args) => show(&ctx, args, out, err),
        Command::Validate(args) => validate(&ctx, args, out),
        Command::Schema => {
            render::json(out, &schemars::schema_for!(Entry))?;
            Ok(Exit::Success)
        }
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

/// Loads the catalog for a command that reads it. Any error in the catalog stops the
/// command: listing from a half-loaded catalog would give answers that look complete.
fn load(ctx: &Session, err: &mut dyn Write) -> anyhow::Result<Catalog> {
    let loaded = catalog::load(&ctx.source, ctx.today)?;
    let errors = loaded.error_count();
    if errors > 0 {
        for p in loaded.problems.iter().filter(|p| p.is_error()) {
            writeln!(err, "{p}")?;
        }
        return Err(anyhow!(
            "{} has {errors} problem{}; `certs validate` lists them all",
            ctx.source.describe(),
            if errors == 1 { "" } else { "s" }
        ));
    }
    Ok(loaded.catalog)
}

impl From<FilterArgs> for Filter {
    fn from(a: FilterArgs) -> Self {
        Filter {
            regions: a.region,
            industries: a.industry,
            kinds: a.kind,
            statuses: a.status,
            search: a.search,
            updated_before: a.updated_before,
            updated_since: a.updated_since,
        }
    }
}

fn list(
    ctx: &Session,
    args: ListArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = load(ctx, err)?;
    let filter = Filter::from(args.filter);
    let mut entries = filter.apply(catalog.entries());
    query::sort(&mut entries, args.sort, args.reverse);
    let format = args.format.unwrap_or_default();
    render::listing(
        out,
        format,
        &ctx.style,
        &entries,
        &entry_table(),
        &entry_data(),
    )?;
    if entries.is_empty() && format == ListFormat::Table {
        writeln!(err, "no entries match")?;
    }
    Ok(Exit::Success)
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// Columns of `list` for people.
fn entry_table<'a>() -> [Column<&'a Entry>; 6] {
    [
        Column::new("ID", |e| e.id.to_string()),
        Column::new("NAME", |e| e.name.clone()),
        Column::new("KIND", |e| e.kind.to_string()),
        Column::new("WHERE", |e| render::join(&e.jurisdictions, " ")),
        Column::new("INDUSTRIES", |e| render::join(&e.industries, " ")),
        Column::new("UPDATED", |e| {
            e.source_updated
                .map(|t| t.date().to_string())
                .unwrap_or_default()
        }),
    ]
}

/// Columns of `list` for CSV and TSV, headed by the data files' field names. Lists are
/// joined with `;` (values never contain one, except free text in standards, which
/// uses `; ` and is rare in scripts).
fn entry_data<'a>() -> [Column<&'a Entry>; 19] {
    [
        Column::new("id", |e| e.id.to_string()),
        Column::new("name", |e| e.name.clone()),
        Column::new("full_name", |e| opt(&e.full_name)),
        Column::new("aliases", |e| e.aliases.join(";")),
        Column::new("kind", |e| e.kind.to_string()),
        Column::new("status", |e| e.status.to_string()),
        Column::new("issuer", |e| opt(&e.issuer)),
        Column::new("auditor", |e| opt(&e.auditor)),
        Column::new("jurisdictions", |e| render::join(&e.jurisdictions, ";")),
        Column::new("industries", |e| render::join(&e.industries, ";")),
        Column::new("scope.level", |e| opt(&e.scope.level)),
        Column::new("scope.regions", |e| {
            e.scope
                .regions
                .iter()
                .map(|r| format!("{} ({})", r.name, r.country))
                .collect::<Vec<_>>()
                .join(";")
        }),
        Column::new("scope.services", |e| e.scope.services.join(";")),
        Column::new("standards", |e| e.standards.join("; ")),
        Column::new("achieved", |e| opt(&e.achieved)),
        Column::new("valid_until", |e| opt(&e.valid_until)),
        Column::new("source_updated", |e| opt(&e.source_updated)),
        Column::new("evidence", |e| e.evidence.len().to_string()),
        Column::new("summary", |e| {
            e.summary.split_whitespace().collect::<Vec<_>>().join(" ")
        }),
    ]
}

fn show(
    ctx: &Session,
    args: ShowArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = load(ctx, err)?;
    let Some(entry) = catalog.get(&args.key) else {
        let hint = catalog
            .suggest(&args.key)
            .map(|id| format!("; did you mean `{id}`?"))
            .unwrap_or_else(|| "; `certs list --format ids` lists the ids".to_owned());
        writeln!(
            err,
            "error: no entry `{}` in {}{hint}",
            args.key,
            ctx.source.describe()
        )?;
        return Ok(Exit::Failure);
    };
    match args.format {
        ShowFormat::Text => render::show_text(out, entry, &ctx.style)?,
        ShowFormat::Json => render::json(out, entry)?,
        ShowFormat::Yaml => render::yaml(out, entry)?,
        ShowFormat::Markdown => render::show_markdown(out, entry)?,
    }
    Ok(Exit::Success)
}

fn validate(ctx: &Session, args: ValidateArgs, out: &mut dyn Write) -> anyhow::Result<Exit> {
    let source = match args.dir {
        Some(dir) => Source::Dir(dir),
        None => ctx.source.clone(),
    };
    let loaded: Loaded = catalog::load(&source, ctx.today)
        .with_context(|| format!("cannot validate {}", source.describe()))?;
    let errors = loaded.error_count();
    let warnings = loaded.problems.len() - errors;
    let mut problems: Vec<&Problem> = loaded.problems.iter().collect();
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    match args.format {
        ProblemFormat::Json => render::json(out, &problems)?,
        ProblemFormat::Text => {
            if args.verbose {
                for s in &loaded.skipped {
                    writeln!(out, "{s}: note: skipped, not a .yaml or .yml file")?;
                }
            }
            for p in &problems {
                writeln!(out, "{p}")?;
            }
            let entries = loaded.catalog.entries().len() + count_unparsed(&loaded);
            let entries = match entries {
                1 => "1 entry".to_owned(),
                n => format!("{n} entries"),
            };
            let summary = match (errors, warnings) {
                (0, 0) => format!("{entries}, 0 problems"),
                (e, w) => format!(
                    "{entries}, {e} error{}, {w} warning{}",
                    plural(e),
                    plural(w)
                ),
            };
            writeln!(out, "{summary}")?;
        }
    }
    let failed = errors > 0 || (args.strict && warnings > 0);
    Ok(if failed { Exit::Failure } else { Exit::Success })
}

/// Files that failed to parse still count as entries of the catalog being checked.
fn count_unparsed(loaded: &Loaded) -> usize {
    let parsed: std::collections::HashSet<&str> = loaded
        .catalog
        .entries()
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    let mut files: Vec<&str> = loaded
        .problems
        .iter()
        .filter(|p| p.entry.as_deref().is_none_or(|id| !parsed.contains(id)))
        .map(|p| p.file.as_str())
        .collect();
    files.sort_unstable();
    files.dedup();
    files.len()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
