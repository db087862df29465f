//! The command line, as clap derive types. No logic lives here: `app.rs` turns these
//! into a catalog source, a [`crate::query::Filter`] and a renderer call. The doc
//! comments are the `--help` text.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::{Industry, Kind, Status};
use crate::query::SortKey;
use crate::region::RegionQuery;
use crate::render::{ListFormat, ShowFormat};

const EXIT_CODES: &str = "\
Exit status:
  0  success
  1  not found, invalid catalog, or a requirement not met
  2  usage error (unknown flag or value)";

/// A compliance evidence catalog: which certifications, attestations and audits
/// apply to a region or industry, and what evidence backs each one.
#[derive(Debug, Parser)]
#[command(name = "certs", version, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    /// Read the catalog from this directory of YAML files instead of the embedded one.
    #[arg(long, global = true, env = "CERTS_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// When to use colour: auto (a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List entries, filtered by region, industry, kind or text.
    #[command(after_help = "Examples:
  certs list --region sg
  certs list --region eu --industry finance
  certs list --search cohasset --format ids
  certs list --sort updated --reverse --format csv")]
    List(ListArgs),

    /// Show one entry in full, by id, alias or name (any case).
    #[command(after_help = "Examples:
  certs show c5
  certs show \"PCI DSS\" --format json")]
    Show(ShowArgs),

    /// Check a catalog directory (default: the embedded catalog) and report every problem.
    #[command(after_help = "Examples:
  certs validate ./my-catalog
  certs validate ./my-catalog --strict --format json")]
    Validate(ValidateArgs),

    /// Print the JSON Schema of the entry format, for editors and CI.
    Schema,
}

#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only entries that apply in this region: an ISO country code (`sg`), a country
    /// name (`singapore`), a group (`eu`, `sea`, `apac`, `americas`) or `global`.
    /// Entries marked global apply everywhere. Repeat to match any.
    #[arg(long, short = 'r', value_name = "REGION", value_parser = parse_region)]
    pub region: Vec<RegionQuery>,

    /// Only entries aimed at this industry. Repeat to match any.
    #[arg(long, short = 'i', value_name = "INDUSTRY", ignore_case = true)]
    pub industry: Vec<Industry>,

    /// Only entries of this kind. Repeat to match any.
    #[arg(long, short = 'k', value_name = "KIND", ignore_case = true)]
    pub kind: Vec<Kind>,

    /// Only entries with this status. Repeat to match any.
    #[arg(long, value_name = "STATUS", ignore_case = true)]
    pub status: Vec<Status>,

    /// Only entries mentioning this text (case-insensitive) in a name, alias, issuer,
    /// auditor, scope, standard or summary. Repeat to match any.
    #[arg(long, short = 's', value_name = "TEXT")]
    pub search: Vec<String>,

    /// Only entries whose source page was last updated before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub updated_before: Option<NaiveDate>,

    /// Only entries whose source page was last updated on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub updated_since: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output format.
    #[arg(long, short = 'f', value_name = "FORMAT")]
    pub format: Option<ListFormat>,

    /// Order of the entries.
    #[arg(long, value_name = "KEY", default_value = "id")]
    pub sort: SortKey,

    /// Reverse the order.
    #[arg(long)]
    pub reverse: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The entry's id, an alias or its name, in any case (`c5`, `PCI`, "PCI DSS").
    pub key: String,

    /// Output format.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: ShowFormat,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The catalog directory to check; without it, `--data` or the embedded catalog.
    pub dir: Option<PathBuf>,

    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,

    /// Also list files that were skipped because they are not .yaml/.yml.
    #[arg(long, short = 'v')]
    pub verbose: bool,

    /// Output format: compiler-style lines, or a JSON array for CI annotations.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: ProblemFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProblemFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_region(s: &str) -> Result<RegionQuery, String> {
    s.parse()
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("invalid date `{s}`, expected YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
