//! The command line, as clap derive types. No logic lives here: `app.rs` turns these
//! into a catalog source, a [`crate::query::Filter`] and a renderer call. The doc
//! comments are the `--help` text.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::model::{Industry, Kind, Status};
use crate::query::SortKey;
use crate::region::RegionQuery;
use crate::render::{ListFormat, ShowFormat};
use crate::views::{MatrixBy, Span};

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

/// Subcommands are deferred: clap builds the arguments of only the one that runs.
/// Building all fifteen was the largest single cost of starting `certs` (BENCHMARKS.md).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
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

    /// List the evidence a customer can obtain: one row per item, with how to get it.
    #[command(after_help = "Examples:
  certs evidence --region jp
  certs evidence --search trusted --format csv")]
    Evidence(ListingArgs),

    /// List entries whose source page is older than a span, oldest first.
    #[command(after_help = "Examples:
  certs stale --older-than 2y
  certs stale --older-than 18m --as-of 2026-01-01 --format json")]
    Stale(StaleArgs),

    /// List entries whose `valid_until` falls within a span from today.
    #[command(after_help = "Examples:
  certs expiring --within 90d
  certs --data ./my-catalog expiring --within 6m --format ids")]
    Expiring(ExpiringArgs),

    /// List the region values `--region` accepts, with how many entries apply in each.
    Regions(RegionsArgs),

    /// List the industry values `--industry` accepts, with how many entries aim at each.
    Industries(ListingArgs),

    /// Show a coverage matrix: entries as rows, regions or industries as columns.
    #[command(after_help = "Examples:
  certs matrix
  certs matrix --by industry
  certs matrix --columns de,sg,jp,global --format csv")]
    Matrix(MatrixArgs),

    /// Check that entries exist, are active and apply to a region and industry; exit 1 if not.
    #[command(after_help = "Examples:
  certs require ospar mtcs --region sg
  certs require pci-dss --industry finance --region my && deploy")]
    Require(RequireArgs),

    /// Compare two catalogs: entries added, removed and changed, field by field.
    #[command(
        after_help = "OLD and NEW are catalog directories. Without NEW, OLD is compared with the
catalog in use (--data, or the embedded one); without either, that catalog with itself.

Examples:
  certs diff ./release-1.0/data
  certs diff ./main/data ./my-branch/data --format json"
    )]
    Diff(DiffArgs),

    /// Print a shell completion script: bash, zsh, fish, powershell or elvish.
    #[command(after_help = "Examples:
  certs completions bash > ~/.local/share/bash-completion/completions/certs
  certs completions zsh > ~/.zfunc/_certs
  certs completions fish > ~/.config/fish/completions/certs.fish")]
    Completions(CompletionsArgs),

    /// Print the manual page (roff) to stdout.
    #[command(after_help = "Example:
  certs man > certs.1 && man ./certs.1")]
    Man,
}

#[derive(Debug, Args)]
pub struct ListingArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output format.
    #[arg(long, short = 'f', value_name = "FORMAT")]
    pub format: Option<ListFormat>,
}

#[derive(Debug, Args)]
pub struct StaleArgs {
    /// Age past which a source page counts as stale: `90d`, `6w`, `18m`, `2y`.
    #[arg(long, value_name = "SPAN", value_parser = parse_span)]
    pub older_than: Span,

    /// Measure from this day instead of today (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    #[command(flatten)]
    pub listing: ListingArgs,
}

#[derive(Debug, Args)]
pub struct ExpiringArgs {
    /// How far ahead to look: `90d`, `6w`, `6m`, `1y`.
    #[arg(long, value_name = "SPAN", value_parser = parse_span)]
    pub within: Span,

    /// Measure from this day instead of today (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    #[command(flatten)]
    pub listing: ListingArgs,
}

#[derive(Debug, Args)]
pub struct RegionsArgs {
    /// List every known country, not only those the entries name.
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub listing: ListingArgs,
}

#[derive(Debug, Args)]
pub struct MatrixArgs {
    /// What the columns are.
    #[arg(long, value_name = "WHAT", default_value = "region")]
    pub by: MatrixBy,

    /// Only these columns, comma-separated (`de,sg,global` or `finance,media`), to fit a narrow terminal.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub columns: Vec<String>,

    #[command(flatten)]
    pub listing: ListingArgs,
}

#[derive(Debug, Args)]
pub struct RequireArgs {
    /// Entries that must be present, by id, alias or name.
    #[arg(required = true, value_name = "ID")]
    pub keys: Vec<String>,

    /// Each entry must apply in this region (same values as `list --region`). Repeatable.
    #[arg(long, short = 'r', value_name = "REGION", value_parser = parse_region)]
    pub region: Vec<RegionQuery>,

    /// Each entry must be aimed at this industry. Repeatable.
    #[arg(long, short = 'i', value_name = "INDUSTRY", ignore_case = true)]
    pub industry: Vec<Industry>,

    /// Output format: a line per entry, or JSON.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: ProblemFormat,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier catalog directory.
    pub old: Option<PathBuf>,

    /// The later catalog directory (default: the catalog in use).
    pub new: Option<PathBuf>,

    /// Output format.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text")]
    pub format: ProblemFormat,

    /// Exit 1 when there are material changes (entries added or removed, or a material field changed).
    #[arg(long)]
    pub exit_code: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write a script for.
    pub shell: clap_complete::Shell,
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
    #[arg(long, short = 'f', value_name = "FORMAT")]
    pub format: Option<ShowFormat>,
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

/// The whole command, every subcommand built, for the man page.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    cmd
}

/// The command with value lists for completion scripts: entry ids for `show` and
/// `require`, and every region value. They are not set for parsing, where `show`
/// must accept aliases and names, and `--help` would drown in 249 country codes.
pub fn command_for_completion(ids: &[String]) -> clap::Command {
    use clap::builder::PossibleValuesParser;
    let regions: Vec<String> = ["global".to_owned()]
        .into_iter()
        .chain(crate::region::GROUPS.iter().map(|g| g.name.to_owned()))
        .chain(crate::region::Country::all().map(|c| c.to_string()))
        .collect();
    let mut cmd = command();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |mut sub| {
            let has = |sub: &clap::Command, id: &str| sub.get_arguments().any(|a| a.get_id() == id);
            if has(&sub, "region") {
                let values = regions.clone();
                sub = sub.mut_arg("region", |a| {
                    a.value_parser(PossibleValuesParser::new(values))
                });
            }
            for key in ["key", "keys"] {
                if has(&sub, key) && !ids.is_empty() {
                    let values = ids.to_vec();
                    sub = sub.mut_arg(key, |a| a.value_parser(PossibleValuesParser::new(values)));
                }
            }
            sub
        });
    }
    cmd
}

fn parse_region(s: &str) -> Result<RegionQuery, String> {
    s.parse()
}

fn parse_span(s: &str) -> Result<Span, String> {
    s.parse()
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("invalid date `{s}`, expected YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
