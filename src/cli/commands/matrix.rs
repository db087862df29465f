//! `certs matrix`: entries against regions or industries, one mark per cell.

use std::io::Write;

use crate::answer::report::{self, MAX_TABLE_CELLS, MatrixBy, MatrixColumn};
use crate::catalog::entry::Industry;
use crate::catalog::vocab::Vocabulary;
use crate::cli::args::MatrixArgs;
use crate::cli::exit::{Exit, Refusal};
use crate::cli::session::Session;
use crate::render::{self, ListFormat};

pub fn run(
    ctx: &Session,
    args: MatrixArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let selection = ctx.selection(&args.listing.select);
    let selected = selection.apply(catalog.entries());
    let columns = if args.columns.is_empty() {
        report::matrix_columns(&selected, args.by, args.expand)
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
