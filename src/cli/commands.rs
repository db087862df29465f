//! The commands that are not plain listings: `show`, `validate`, `matrix`, `require`,
//! `diff`, `completions`, `man`, `schema`. Each loads what it needs, asks the model,
//! and hands the result to one renderer.

use std::io::Write;

use anyhow::Context;

use crate::answer::diff;
use crate::answer::query::{Selected, Selection, StatusPick, status_as_of};
use crate::answer::report::{self, MatrixBy, MatrixColumn};
use crate::catalog::entry::{Entry, Industry};
use crate::catalog::vocab::Vocabulary;
use crate::catalog::{Catalog, Lookup};
use crate::cli::args::{
    CompletionsArgs, DiffArgs, ManArgs, MatrixArgs, RequireArgs, ShowArgs, SiteArgs, ValidateArgs,
    VerifyArgs,
};
use crate::cli::exit::{Exit, Refusal};
use crate::cli::session::Session;
use crate::load::{self, Source};
use crate::render::{self, ListFormat, ReportFormat, ShowContext, ShowFormat};

/// The entry a key finds, or why it finds none: an unknown key suggests the closest
/// entry, an ambiguous one lists every candidate.
pub fn resolve<'c>(catalog: &'c Catalog, key: &str, source: &Source) -> Result<&'c Entry, String> {
    let shown = crate::catalog::untrusted::shorten(key);
    match catalog.lookup(key) {
        Lookup::Found(e) => Ok(e),
        Lookup::Ambiguous(found) => {
            let ids: Vec<String> = found.iter().map(|e| format!("`{}`", e.id)).collect();
            Err(format!(
                "`{shown}` is ambiguous in {}: it could be {}; give one of those ids",
                source.describe(),
                ids.join(", ")
            ))
        }
        Lookup::Missing(near) => {
            let hint = near.map_or_else(
                || "; `certs list --format ids` lists the ids".to_owned(),
                |e| format!("; did you mean `{}`?", e.id),
            );
            Err(format!("no entry `{shown}` in {}{hint}", source.describe()))
        }
    }
}

/// The selection narrowed to the entries `keys` name (all selected ones without keys).
pub fn only_keys<'c>(
    catalog: &'c Catalog,
    selection: &Selection,
    keys: &[String],
    source: &Source,
) -> anyhow::Result<Vec<Selected<'c>>> {
    let selected = selection.apply(catalog.entries());
    if keys.is_empty() {
        return Ok(selected);
    }
    let mut ids = Vec::new();
    for key in keys {
        let e = resolve(catalog, key, source).map_err(Refusal::no)?;
        ids.push(e.id.clone());
    }
    Ok(selected
        .into_iter()
        .filter(|s| ids.contains(&s.entry.id))
        .collect())
}

pub fn show(
    ctx: &Session,
    args: ShowArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let entry = resolve(catalog, &args.key, &ctx.source).map_err(Refusal::no)?;
    let format = args.format.unwrap_or(match ctx.format {
        Some(ListFormat::Json) => ShowFormat::Json,
        Some(ListFormat::Yaml) => ShowFormat::Yaml,
        Some(ListFormat::Markdown) => ShowFormat::Markdown,
        _ => ShowFormat::Text,
    });
    // Status and the source page's age are both judged on the as-of day.
    let day = args.as_of.unwrap_or_else(|| ctx.today());
    let show = ShowContext {
        status: status_as_of(entry, day),
        today: day,
        manifest: catalog.manifest(),
    };
    match format {
        ShowFormat::Text => render::show_text(out, entry, &show, &ctx.style)?,
        ShowFormat::Json => render::json(out, entry)?,
        ShowFormat::Yaml => render::yaml(out, entry)?,
        ShowFormat::Markdown => render::show_markdown(out, entry, &show)?,
    }
    Ok(Exit::Success)
}

/// Most problems `validate` reports in one run.
const MAX_PROBLEMS: usize = 1000;

pub fn validate(
    ctx: &Session,
    args: ValidateArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let mut loaded = match args.paths.as_slice() {
        [] => load::load(&ctx.source, ctx.today())
            .with_context(|| format!("cannot validate {}", ctx.source.describe()))?,
        [dir] if dir.is_dir() || !dir.exists() => {
            let source = Source::Dir(dir.clone());
            load::load(&source, ctx.today())
                .with_context(|| format!("cannot validate {}", source.describe()))?
        }
        paths => load::load_paths(paths, ctx.today()).context("cannot validate")?,
    };
    loaded
        .problems
        .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let errors = loaded.error_count();
    let warnings = loaded.problems.len() - errors;
    // Thousands of problems are one mistake repeated; the first thousand show it.
    let left_out = loaded.problems.len().saturating_sub(MAX_PROBLEMS);
    loaded.problems.truncate(MAX_PROBLEMS);
    match args.format {
        ReportFormat::Json => render::json(out, &loaded.problems)?,
        ReportFormat::Text => {
            render::validation(out, &loaded, errors, warnings, args.verbose, &ctx.style)?
        }
    }
    if left_out > 0 {
        writeln!(
            err,
            "note: {left_out} more problems not shown; the first {MAX_PROBLEMS} are above"
        )?;
    }
    let failed = errors > 0 || (args.strict && warnings > 0);
    Ok(if failed { Exit::No } else { Exit::Success })
}

/// Largest matrix written as a table or Markdown.
const MAX_TABLE_CELLS: usize = 200_000;

pub fn matrix(
    ctx: &Session,
    args: MatrixArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let selection = ctx.selection(&args.listing.select);
    let selected = selection.apply(catalog.entries());
    let columns = if args.columns.is_empty() {
        report::matrix_columns(&selected, args.by)
    } else {
        args.columns
            .iter()
            .map(|c| match args.by {
                MatrixBy::Region => c.parse().map(MatrixColumn::Region),
                MatrixBy::Industry => Industry::parse_loose(c).map(MatrixColumn::Industry),
            })
            .collect::<Result<Vec<_>, String>>()
            .map_err(|e| Refusal::usage(format!("--columns: {e}")))?
    };
    let format = ctx.list_format(args.listing.format);
    // A table of millions of cells helps nobody and costs a string per cell; the
    // machine formats write any size.
    let cells = selected.len().saturating_mul(columns.len());
    if matches!(format, ListFormat::Table | ListFormat::Markdown) && cells > MAX_TABLE_CELLS {
        return Err(Refusal::usage(format!(
            "a matrix of {} entries by {} columns ({cells} cells) is too large for a {format}, at most {MAX_TABLE_CELLS} cells; pick columns with --columns, narrow the entries with the filters, or use --format csv",
            selected.len(),
            columns.len()
        )));
    }
    let m = report::matrix(&selected, &selection, &columns);
    render::matrix(out, format, &ctx.style, &m)?;
    Ok(Exit::Success)
}

pub fn require(
    ctx: &Session,
    args: RequireArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let selection = Selection {
        regions: args.region,
        industries: args.industry,
        exact: args.exact,
        statuses: StatusPick::Current,
        ..Selection::new(args.as_of.unwrap_or_else(|| ctx.today()))
    };
    let results: Vec<report::Requirement> = args
        .keys
        .iter()
        .map(|k| {
            let found = resolve(catalog, k, &ctx.source);
            report::require(k, found, &selection, args.explain)
        })
        .collect();
    match args.format {
        ReportFormat::Json => render::json(out, &results)?,
        ReportFormat::Text => render::requirements(out, &results, &ctx.style)?,
    }
    Ok(if results.iter().all(|r| r.ok()) {
        Exit::Success
    } else {
        Exit::No
    })
}

pub fn diff(
    ctx: &Session,
    args: DiffArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let old = ctx.load_source(&Source::Dir(args.old), err)?;
    let new = match args.new {
        Some(dir) => ctx.load_source(&Source::Dir(dir), err)?,
        None => ctx.load(err)?,
    };
    let d = diff::diff(old, new);
    match args.format {
        ReportFormat::Json => render::json(out, &d)?,
        ReportFormat::Text => render::diff_text(out, &d, &ctx.style)?,
    }
    Ok(if args.exit_code && d.has_material() {
        Exit::No
    } else {
        Exit::Success
    })
}

/// Largest source document `verify` reads: a long documentation page as text is a
/// few hundred kilobytes.
const MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;

pub fn verify(
    ctx: &Session,
    args: VerifyArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let shown = args.document.display().to_string();
    let bytes = crate::load::read::read_limited(&args.document, MAX_DOCUMENT_BYTES, "a text file")
        .map_err(|e| match e {
            crate::load::read::Limited::TooLarge(n) => anyhow::anyhow!(
                "cannot verify against `{shown}`: it is {n} bytes, over the {MAX_DOCUMENT_BYTES}-byte limit for a document"
            ),
            crate::load::read::Limited::Other(msg) => anyhow::anyhow!("cannot verify against `{shown}`: {msg}"),
        })?;
    let text = crate::load::read::decode(bytes).map_err(|((line, col), msg)| {
        anyhow::anyhow!("cannot verify against `{shown}`:{line}:{col}: {msg}")
    })?;
    let listed: Vec<&str> = catalog
        .manifest()
        .map(|m| m.sources.iter().map(|d| d.id.as_str()).collect())
        .unwrap_or_default();
    let document_id = match (&args.source, listed.as_slice()) {
        (Some(id), _) if listed.contains(&id.as_str()) => id.clone(),
        (Some(id), _) => {
            return Err(Refusal::usage(format!(
                "--source: `{id}` is not a document of the catalog's manifest; expected one of: {}",
                listed.join(", ")
            )));
        }
        (None, [only]) => (*only).to_owned(),
        (None, []) => {
            return Err(Refusal::usage(
                "the catalog has no catalog.toml naming its source documents; add one (see README)",
            ));
        }
        (None, _) => {
            return Err(Refusal::usage(format!(
                "the manifest lists several documents; say which with --source: {}",
                listed.join(", ")
            )));
        }
    };
    let doc = crate::check::verify::Document::parse(&text);
    let report = crate::check::verify::verify(catalog.entries().iter(), &document_id, &doc);
    match args.format {
        ReportFormat::Json => render::json(out, &report)?,
        ReportFormat::Text => render::verification(out, &report, &ctx.style)?,
    }
    Ok(if report.passed() {
        Exit::Success
    } else {
        Exit::No
    })
}

pub fn site(
    ctx: &Session,
    args: SiteArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let selection = ctx.selection(&args.select);
    let plan = crate::answer::site::plan(catalog, &selection, args.title);
    let mut files = render::html::pages(&plan, catalog);
    // The same bytes `certs list --format json|csv` writes for this selection.
    let rows: Vec<report::EntryRow> = selection
        .apply(catalog.entries())
        .into_iter()
        .map(|selected| report::EntryRow {
            selected,
            explain: false,
        })
        .collect();
    for (name, format) in [
        ("catalog.json", ListFormat::Json),
        ("catalog.csv", ListFormat::Csv),
    ] {
        let mut bytes = Vec::new();
        render::listing(&mut bytes, format, &render::Style::default(), &rows, false)?;
        files.push((name.into(), bytes));
    }
    let dir = &args.out_dir;
    let cannot = |what: &std::path::Path, e: std::io::Error| {
        anyhow::anyhow!("cannot write `{}`: {}", what.display(), e)
    };
    for (path, bytes) in &files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| cannot(parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| cannot(&path, e))?;
    }
    writeln!(
        out,
        "wrote {} files for {} entries to {}",
        files.len(),
        plan.rows.len(),
        crate::catalog::untrusted::printable(&dir.display().to_string())
    )?;
    Ok(Exit::Success)
}

pub fn completions(
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

pub fn man(args: ManArgs, out: &mut dyn Write) -> anyhow::Result<Exit> {
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

pub fn schema(out: &mut dyn Write) -> anyhow::Result<Exit> {
    render::json(out, &schemars::schema_for!(Entry))?;
    Ok(Exit::Success)
}
