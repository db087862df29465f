//! Dispatch: turns parsed arguments into a catalog source, a filter and a renderer
//! call. Each command is one small function reading the catalog once.

use std::io::{IsTerminal, Write};

use anyhow::{Context, anyhow};
use chrono::NaiveDate;

use crate::catalog::{self, Catalog, Loaded, Source};
use crate::cli::{
    Cli, ColorChoice, Command, CompletionsArgs, DiffArgs, ExpiringArgs, FilterArgs, ListArgs,
    ListingArgs, MatrixArgs, ProblemFormat, RegionsArgs, RequireArgs, ShowArgs, StaleArgs,
    ValidateArgs,
};
use crate::config::{self, Config};
use crate::diff;
use crate::model::Entry;
use crate::problem::Problem;
use crate::query::{self, Filter};
use crate::render::{self, Column, ListFormat, ShowFormat, Style};
use crate::views::{self, Dated, EvidenceRow, IndustryFacet, RegionFacet};

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
    /// Today's date, found on first use (it reads the time zone file).
    today: std::cell::OnceCell<NaiveDate>,
    /// Default `--format` from the config file.
    pub format: Option<ListFormat>,
}

pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Exit> {
    // These two need neither config nor catalog, and must work even when either is broken.
    match &cli.command {
        Command::Schema => {
            render::json(out, &schemars::schema_for!(Entry))?;
            return Ok(Exit::Success);
        }
        Command::Man => {
            clap_mangen::Man::new(crate::cli::command()).render(out)?;
            return Ok(Exit::Success);
        }
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
        today: std::cell::OnceCell::new(),
        format: config.format,
    };
    match cli.command {
        Command::List(args) => list(&ctx, args, out, err),
        Command::Show(args) => show(&ctx, args, out, err),
        Command::Validate(args) => validate(&ctx, args, out),
        Command::Evidence(args) => evidence(&ctx, args, out, err),
        Command::Stale(args) => stale(&ctx, args, out, err),
        Command::Expiring(args) => expiring(&ctx, args, out, err),
        Command::Regions(args) => regions(&ctx, args, out, err),
        Command::Industries(args) => industries(&ctx, args, out, err),
        Command::Matrix(args) => matrix(&ctx, args, out, err),
        Command::Require(args) => require(&ctx, args, out, err),
        Command::Diff(args) => diff(&ctx, args, out, err),
        Command::Completions(args) => completions(&ctx, args, out, err),
        Command::Schema | Command::Man => unreachable!("handled above"),
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
fn load(ctx: &Session, err: &mut dyn Write) -> anyhow::Result<&'static Catalog> {
    load_source(&ctx.source, ctx, err)
}

/// The catalog lives until the process exits, so it is leaked rather than dropped:
/// freeing every string of every entry one by one was a tenth of the instructions of
/// `certs list` on the embedded catalog, and the operating system frees it at once.
fn load_source(
    source: &Source,
    ctx: &Session,
    err: &mut dyn Write,
) -> anyhow::Result<&'static Catalog> {
    let loaded = catalog::read(source, || ctx.today())?;
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

impl Session {
    fn today(&self) -> NaiveDate {
        *self.today.get_or_init(|| chrono::Local::now().date_naive())
    }

    fn list_format(&self, flag: Option<ListFormat>) -> ListFormat {
        flag.or(self.format).unwrap_or_default()
    }

    /// `show` takes the config's format where it has one of the same name.
    fn show_format(&self, flag: Option<ShowFormat>) -> ShowFormat {
        flag.unwrap_or(match self.format {
            Some(ListFormat::Json) => ShowFormat::Json,
            Some(ListFormat::Yaml) => ShowFormat::Yaml,
            Some(ListFormat::Markdown) => ShowFormat::Markdown,
            _ => ShowFormat::Text,
        })
    }

    /// Applies a listing's filter to a loaded catalog.
    fn select<'c>(&self, catalog: &'c Catalog, filter: FilterArgs) -> Vec<&'c Entry> {
        Filter::from(filter).apply(catalog.entries())
    }
}

fn list(
    ctx: &Session,
    args: ListArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = load(ctx, err)?;
    let mut entries = ctx.select(catalog, args.filter);
    query::sort(&mut entries, args.sort, args.reverse);
    let format = ctx.list_format(args.format);
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
    match ctx.show_format(args.format) {
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
    let loaded: Loaded = catalog::load(&source, ctx.today())
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
            let entries = loaded.files;
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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn evidence(
    ctx: &Session,
    args: ListingArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = load(ctx, err)?;
    let entries = ctx.select(catalog, args.filter);
    let rows = views::evidence(&entries);
    let access = |r: &EvidenceRow| {
        r.access
            .iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join(";")
    };
    let table: [Column<EvidenceRow>; 6] = [
        Column::new("ENTRY", |r| r.entry.to_owned()),
        Column::new("TYPE", |r| r.kind.to_string()),
        Column::new("TITLE", |r| r.title.unwrap_or_default().to_owned()),
        Column::new("REFERENCE", |r| r.reference.unwrap_or_default().to_owned()),
        Column::new("ACCESS", |r| {
            r.access
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }),
        Column::new("CONTACT", |r| r.contact.unwrap_or_default().to_owned()),
    ];
    let data: [Column<EvidenceRow>; 8] = [
        Column::new("entry", |r| r.entry.to_owned()),
        Column::new("name", |r| r.name.to_owned()),
        Column::new("type", |r| r.kind.to_string()),
        Column::new("title", |r| r.title.unwrap_or_default().to_owned()),
        Column::new("reference", |r| r.reference.unwrap_or_default().to_owned()),
        Column::new("access", access),
        Column::new("contact", |r| r.contact.unwrap_or_default().to_owned()),
        Column::new("url", |r| r.url.unwrap_or_default().to_owned()),
    ];
    let format = ctx.list_format(args.format);
    render::listing(out, format, &ctx.style, &rows, &table, &data)?;
    if rows.is_empty() && format == ListFormat::Table {
        writeln!(err, "no evidence listed for the selected entries")?;
    }
    Ok(Exit::Success)
}

/// Columns of `stale` and `expiring`; only the date's header differs.
fn dated_columns<'a>(
    date_header: &'static str,
    age_header: &'static str,
) -> ([Column<Dated<'a>>; 4], [Column<Dated<'a>>; 6]) {
    (
        [
            Column::new("ID", |d| d.id.to_owned()),
            Column::new("NAME", |d| d.name.to_owned()),
            Column::new(date_header, |d| d.date.clone()),
            Column::new(age_header, |d| d.age.clone()),
        ],
        [
            Column::new("id", |d| d.id.to_owned()),
            Column::new("name", |d| d.name.to_owned()),
            Column::new("date", |d| d.date.clone()),
            Column::new("days", |d| d.days.to_string()),
            Column::new("age", |d| d.age.clone()),
            Column::new("status", |d| d.status.to_string()),
        ],
    )
}

fn stale(
    ctx: &Session,
    args: StaleArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let as_of = args.as_of.unwrap_or_else(|| ctx.today());
    let span = args.older_than;
    dated_listing(
        ctx,
        args.listing,
        ("UPDATED", "AGE"),
        |entries| views::stale(entries, span, as_of),
        |_| format!("no source page is older than {span}"),
        out,
        err,
    )
}

fn expiring(
    ctx: &Session,
    args: ExpiringArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let as_of = args.as_of.unwrap_or_else(|| ctx.today());
    let span = args.within;
    dated_listing(
        ctx,
        args.listing,
        ("VALID UNTIL", "EXPIRES"),
        |entries| views::expiring(entries, span, as_of),
        |entries| {
            let undated = entries.iter().filter(|e| e.valid_until.is_none()).count();
            format!(
                "nothing expires within {span} ({undated} of {} entries give no `valid_until`)",
                entries.len()
            )
        },
        out,
        err,
    )
}

/// `stale` and `expiring`: select, pick the dated rows, write them, or say why
/// there are none.
fn dated_listing<'c>(
    ctx: &Session,
    listing: ListingArgs,
    headers: (&'static str, &'static str),
    pick: impl Fn(&[&'c Entry]) -> Vec<Dated<'c>>,
    why_empty: impl Fn(&[&'c Entry]) -> String,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog: &'c Catalog = load(ctx, err)?;
    let entries = ctx.select(catalog, listing.filter);
    let rows = pick(&entries);
    let (table, data) = dated_columns(headers.0, headers.1);
    let format = ctx.list_format(listing.format);
    render::listing(out, format, &ctx.style, &rows, &table, &data)?;
    if rows.is_empty() && format == ListFormat::Table {
        writeln!(err, "{}", why_empty(&entries))?;
    }
    Ok(Exit::Success)
}

fn regions(
    ctx: &Session,
    args: RegionsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = load(ctx, err)?;
    let entries = ctx.select(catalog, args.listing.filter);
    let rows = views::regions(&entries, args.all);
    let table: [Column<RegionFacet>; 4] = [
        Column::new("REGION", |r| r.code.clone()),
        Column::new("NAME", |r| r.name.clone()),
        Column::new("ENTRIES", |r| r.entries.to_string()),
        Column::new("MEMBERS", |r| r.members.join(" ")),
    ];
    let data: [Column<RegionFacet>; 5] = [
        Column::new("code", |r| r.code.clone()),
        Column::new("name", |r| r.name.clone()),
        Column::new("kind", |r| r.kind.to_owned()),
        Column::new("entries", |r| r.entries.to_string()),
        Column::new("members", |r| r.members.join(";")),
    ];
    render::listing(
        out,
        ctx.list_format(args.listing.format),
        &ctx.style,
        &rows,
        &table,
        &data,
    )?;
    Ok(Exit::Success)
}

fn industries(
    ctx: &Session,
    args: ListingArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = load(ctx, err)?;
    let entries = ctx.select(catalog, args.filter);
    let rows = views::industries(&entries);
    let table: [Column<IndustryFacet>; 2] = [
        Column::new("INDUSTRY", |r| r.industry.to_string()),
        Column::new("ENTRIES", |r| r.entries.to_string()),
    ];
    let data: [Column<IndustryFacet>; 2] = [
        Column::new("industry", |r| r.industry.to_string()),
        Column::new("entries", |r| r.entries.to_string()),
    ];
    render::listing(
        out,
        ctx.list_format(args.format),
        &ctx.style,
        &rows,
        &table,
        &data,
    )?;
    Ok(Exit::Success)
}

fn matrix(
    ctx: &Session,
    args: MatrixArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = load(ctx, err)?;
    let entries = ctx.select(catalog, args.listing.filter);
    // Columns the user picks must be values the matrix understands.
    let m = match views::matrix(&entries, args.by, &args.columns) {
        Ok(m) => m,
        Err(c) => {
            writeln!(
                err,
                "error: unknown column `{c}` for --by {:?}; `certs regions` and `certs industries` list the values",
                args.by
            )?;
            return Ok(Exit::Usage);
        }
    };
    let format = ctx.list_format(args.listing.format);
    match format {
        ListFormat::Json => render::json(out, &m)?,
        ListFormat::Yaml => render::yaml(out, &m)?,
        ListFormat::Ids => {
            for r in &m.rows {
                writeln!(out, "{}", r.id)?;
            }
        }
        _ => {
            // A mark people can see in a table; plain `x` for CSV and TSV.
            let mark = if matches!(format, ListFormat::Table | ListFormat::Markdown) {
                "●"
            } else {
                "x"
            };
            let mut headers = vec![if mark == "x" { "id" } else { "ID" }];
            headers.extend(m.columns.iter().map(String::as_str));
            let rows: Vec<Vec<String>> = m
                .rows
                .iter()
                .map(|r| {
                    std::iter::once(r.id.clone())
                        .chain(
                            r.marks
                                .iter()
                                .map(|&b| if b { mark.to_owned() } else { String::new() }),
                        )
                        .collect()
                })
                .collect();
            render::grid(out, format, &ctx.style, &headers, &rows)?;
        }
    }
    Ok(Exit::Success)
}

fn require(
    ctx: &Session,
    args: RequireArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = load(ctx, err)?;
    let results: Vec<views::Requirement> = args
        .keys
        .iter()
        .map(|k| views::require(k, catalog.get(k), &args.region, &args.industry))
        .collect();
    match args.format {
        ProblemFormat::Json => render::json(out, &results)?,
        ProblemFormat::Text => {
            for r in &results {
                let name = r.id.as_deref().unwrap_or(&r.key);
                if r.ok {
                    writeln!(out, "ok: {name}")?;
                }
                for reason in &r.reasons {
                    writeln!(out, "not met: {reason}")?;
                }
            }
        }
    }
    Ok(if results.iter().all(|r| r.ok) {
        Exit::Success
    } else {
        Exit::Failure
    })
}

fn diff(
    ctx: &Session,
    args: DiffArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let mut side = |dir: Option<std::path::PathBuf>| {
        let source = dir.map_or_else(|| ctx.source.clone(), Source::Dir);
        load_source(&source, ctx, err)
    };
    let old = side(args.old)?;
    let new = side(args.new)?;
    let d = diff::diff(old, new);
    match args.format {
        ProblemFormat::Json => render::json(out, &d)?,
        ProblemFormat::Text => render::diff_text(out, &d, &ctx.style)?,
    }
    Ok(if args.exit_code && d.has_material() {
        Exit::Failure
    } else {
        Exit::Success
    })
}

fn completions(
    ctx: &Session,
    args: CompletionsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    // Completion scripts are static, so the values are written into them now: ids of
    // the catalog in use for `show` and `require`, and every `--region` value.
    let ids: Vec<String> = match catalog::read(&ctx.source, || ctx.today()) {
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
    let mut cmd = crate::cli::command_for_completion(&ids);
    clap_complete::generate(args.shell, &mut cmd, "certs", out);
    Ok(Exit::Success)
}
