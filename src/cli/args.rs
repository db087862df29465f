//! The command line, as clap derive types. No logic lives here: `app.rs` turns these
//! into a catalog source, a [`crate::answer::query::Selection`] and a renderer call. The doc
//! comments are the `--help` text.
//!
//! Every value is read the same way: repeatable flags take commas too
//! (`--region sg,my`), vocabularies ignore case and read `_` or a space as `-`, and an
//! unknown value is a usage error listing the valid ones and the closest.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::answer::query::{Lifecycle, SortKey, Span};
use crate::answer::report::MatrixBy;
use crate::catalog::entry::{Industry, Kind};
use crate::catalog::region::RegionQuery;
use crate::render::{
    BriefFormat, ColorChoice, DocumentFormat, ListFormat, ReportFormat, SheetFormat, ShowFormat,
};

pub use super::values::{Choice, choice, command, command_for_completion};
use super::values::{parse_date, parse_region, parse_span};

/// A compliance evidence catalog: which certifications, attestations and audits
/// apply to a region or industry, and what evidence backs each one.
#[derive(Debug, Parser)]
#[command(name = "certs", version, long_version = concat!(env!("CARGO_PKG_VERSION"), "\nembedded catalog: ", env!("CERTS_CATALOG_SUMMARY")), after_help = crate::cli::exit::HELP, max_term_width = 100)]
pub struct Cli {
    /// Read the catalog from this directory of YAML files instead of the embedded one
    /// (default: the environment variable CERTS_DATA, then the config file).
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// When to use colour: auto (a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_name = "WHEN", value_parser = choice::<ColorChoice>())]
    pub color: Option<ColorChoice>,

    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands are deferred: clap builds the arguments of only the one that runs.
/// Building all of them was the largest single cost of starting `certs` (BENCHMARKS.md).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// List the entries that apply, filtered by region, industry, kind, status or text.
    #[command(after_help = "Examples:
  certs list --region sg
  certs list --region eu --industry finance --explain
  certs list --search soc2 --format ids
  certs list --all-statuses --as-of 2027-01-01 --format csv")]
    List(ListArgs),

    /// Show entries in full, by id, alias or name (case, spaces and hyphens aside).
    #[command(after_help = "Examples:
  certs show c5
  certs show c5 ospar mtcs
  certs show \"k isms\" --format markdown
  certs show \"SEC 17a-4\" --format json")]
    Show(ShowArgs),

    /// Check catalog directories or files (default: the catalog in use) and report every problem.
    #[command(
        after_help = "Files are checked as given, and the checks across entries (unique ids,
aliases and names) run within the set, so a pre-commit hook can pass the files it
stages. Files whose names start with a dot are skipped in directories.

Examples:
  certs validate ./my-catalog
  certs validate ./my-catalog --strict --format json
  certs validate my-catalog/soc2.yaml my-catalog/iso27001.yaml"
    )]
    Validate(ValidateArgs),

    /// Print the JSON Schema of the entry format, for editors and CI.
    Schema(SchemaArgs),

    /// List the evidence a customer can obtain, one row per item, and the gaps.
    #[command(
        after_help = "Every selected entry has at least one row: an entry that names no
evidence says `none stated`, and a blank access or contact says `not stated`.

Examples:
  certs evidence --region jp
  certs evidence --search trusted --format csv"
    )]
    Evidence(ListingArgs),

    /// List entries whose source page is older than a span, oldest first.
    #[command(after_help = "Examples:
  certs stale
  certs stale --older-than 2y
  certs stale c5 tisax --older-than 18m --as-of 2026-01-01 --format json")]
    Stale(StaleArgs),

    /// List entries whose `valid_until` falls within a span from the as-of day.
    #[command(after_help = "Examples:
  certs expiring --within 90d
  certs --data ./my-catalog expiring --within 6m --format ids")]
    Expiring(ExpiringArgs),

    /// Count, for each region value, the entries `list --region VALUE` returns.
    #[command(
        after_help = "ENTRIES is what `certs list --region VALUE` returns with the same flags;
EXACT is the same with `--exact` (no global matches)."
    )]
    Regions(RegionsArgs),

    /// Count, for each industry, the entries `list --industry VALUE` returns.
    #[command(
        after_help = "ENTRIES is what `certs list --industry VALUE` returns with the same flags;
EXACT is the same with `--exact` (no cross-industry matches)."
    )]
    Industries(ListingArgs),

    /// Show a coverage matrix: entries as rows, regions or industries as columns.
    #[command(
        after_help = "A cell is marked exactly when `certs list` with that column's value returns
the entry: `●` where the entry names the value, `○` where it applies because it is
global or cross-industry. CSV and TSV write `named`, `global` or `any`; JSON writes
`{columns, rows: [{id, marks}]}` with the same words and `null` for no mark.

Examples:
  certs matrix
  certs matrix --by industry
  certs matrix --columns de,sg,jp,global --format csv"
    )]
    Matrix(MatrixArgs),

    /// Check that entries exist, are current and apply to a region and industry; exit 1 if not.
    #[command(
        after_help = "Each entry must be current (active or unstated) on the as-of day and apply
in every --region (every member of a group) and to every --industry, by the rules
of `certs list`. Exit 0 when every requirement is met, 1 when one is not, 2 when a
key finds no entry or several, or the catalog cannot be read.

Examples:
  certs require ospar mtcs --region sg
  certs require pci-dss --industry finance --region my && deploy
  certs require c5 --region eu --valid-for 90d --active"
    )]
    Require(RequireArgs),

    /// Compare two catalogs: entries added, removed and changed, field by field.
    #[command(
        after_help = "OLD and NEW are catalog directories, or catalog.json files as `certs list
--format json` or `certs site` wrote them; without NEW, OLD is compared with the
catalog in use (--data, or the embedded one). A change is material when an entry is
added or removed, or a field that alters what it proves changes (kind, status,
issuer, auditor, jurisdictions, industries, scope, standards, dates, evidence);
names, aliases, wording, links and the page stamp are editorial.
With --exit-code, exit 1 when any change is material.

Examples:
  certs diff ./release-1.0/data
  certs diff ./main/data ./my-branch/data --format json
  certs diff public/catalog.json data/"
    )]
    Diff(DiffArgs),

    /// Check the catalog's literal facts against a plain-text copy of its source document.
    #[command(
        after_help = "Each entry names its section in `source`; every date, level, count, name
of a body, standard, certificate number and link must appear in that section, and
the section's \"Last updated\" stamp must equal `source_updated` (otherwise the page
has drifted). Exit 0 when all is verified, 1 when something is not found or has
drifted, 2 when the document cannot be read.

Examples:
  certs verify ./region-and-industry-recognition.txt
  certs --data ./my-catalog verify ./policy.txt --source policy --format json"
    )]
    Verify(VerifyArgs),

    /// Write a static trust page of the selected entries into a directory.
    #[command(
        after_help = "The site is self-contained (no request leaves it) and uses relative links only,
so it works from file:// and any sub-path; the same catalog and flags give the
same bytes. index.html lists the entries with filters; entries/, regions/ and
industries/ hold a page each; matrix.html the coverage; catalog.json and
catalog.csv the same bytes as `certs list --format json|csv` with the same flags,
catalog.oscal.json as `certs export oscal`, schema/entry.schema.json the schema
of catalog.json's records; every page links them in its head.

Examples:
  certs site public/
  certs site public/ --region eu --title \"Our certifications in the EU\""
    )]
    Site(SiteArgs),

    /// Answer one question as a document to send, with evidence, citations and gaps.
    #[command(
        after_help = "The entries are exactly what `certs list` returns with the same flags. The
gaps: entries with no evidence stated, source sections older than --stale-after,
entries expiring within --expiring-within, and what the status filter left out.
The date in the document is the as-of day, never the wall clock, so a report is
reproducible. HTML is one file with no script or request, laid out for print.

Examples:
  certs report --region sg --industry finance
  certs report --region eu --format html -o eu-report.html
  certs report --search soc --as-of 2026-06-30 --format text"
    )]
    Report(ReportArgs),

    /// Answer a questionnaire's rows: yes, no, or needs review, each with why and a citation.
    #[command(
        after_help = "Reads a CSV or TSV of questions. The question column is --column, else a header
named `question`, else the one header holding both \"question\" and \"text\". Every
other column passes through unchanged; `answer`, `entries`, `why`, `citation` and
`evidence` are added (`certs answer` and so on when the input has such a column).

A row is `yes` when it names exactly one entry and that entry applies as `certs
require` decides (current, in every place and industry the row names); `no` when
it does not, with why; `needs review` for anything else. Entries are read by their
ids, names, aliases and certificate numbers as whole words; places as --region
reads them, a two-letter code only in capitals; industries as --industry reads
them. Exit 0 when every row was answered yes or no, 1 when some need review, 2 on
trouble.

Examples:
  certs answer questionnaire.csv > answered.csv
  certs answer caiq.csv --column \"Question Text\" --format markdown
  certs answer questions.tsv --as-of 2026-12-31 -o answered.tsv"
    )]
    Answer(AnswerArgs),

    /// Export the selected entries for other tools: `oscal`, a NIST OSCAL component definition.
    #[command(subcommand)]
    Export(ExportCommand),

    /// Print a shell completion script: bash, zsh, fish, powershell or elvish.
    #[command(after_help = "Examples:
  certs completions bash > ~/.local/share/bash-completion/completions/certs
  certs completions zsh > ~/.zfunc/_certs
  certs completions fish > ~/.config/fish/completions/certs.fish")]
    Completions(CompletionsArgs),

    /// Print the manual page of certs, or of one subcommand, as roff for `man -l -`.
    #[command(after_help = "Examples:
  certs man > certs.1 && man ./certs.1
  certs man list > certs-list.1")]
    Man(ManArgs),
}

// Which entries a command looks at, shared by every selecting command. A plain
// comment, not a doc comment: clap would take a doc comment here for the `--help`
// summary of every command that flattens it.
#[derive(Debug, Args, Default)]
pub struct SelectArgs {
    /// Only entries that apply in this region: an ISO country code (`sg`), a country
    /// name (`singapore`), a group (`eu`, `sea`, `apac`, `americas`) or `global`.
    /// Global entries apply everywhere (see --exact). Commas or repeats match any.
    #[arg(long, short = 'r', value_name = "REGION", value_delimiter = ',', value_parser = parse_region)]
    pub region: Vec<RegionQuery>,

    /// Only entries for this industry; entries aimed at no industry in particular
    /// serve every industry (see --exact). Commas or repeats match any.
    #[arg(long, short = 'i', value_name = "INDUSTRY", value_delimiter = ',', value_parser = choice::<Industry>())]
    pub industry: Vec<Industry>,

    /// Only entries of this kind. Commas or repeats match any.
    #[arg(long, short = 'k', value_name = "KIND", value_delimiter = ',', value_parser = choice::<Kind>())]
    pub kind: Vec<Kind>,

    /// Only entries with this status on the as-of day (default: active or unstated).
    /// Commas or repeats match any.
    #[arg(long, value_name = "STATUS", value_delimiter = ',', value_parser = choice::<Lifecycle>(), conflicts_with = "all_statuses")]
    pub status: Vec<Lifecycle>,

    /// Entries in every status, expired and not yet achieved included.
    #[arg(long)]
    pub all_statuses: bool,

    /// Only entries that name the region or industry themselves: no global and no
    /// cross-industry matches.
    #[arg(long)]
    pub exact: bool,

    /// Judge status on this day instead of today (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// Only entries mentioning this text anywhere, evidence and certificate numbers
    /// included; case, spaces, hyphens and underscores do not count (`soc2` finds
    /// `SOC 2`). Repeat to match any.
    #[arg(long, short = 's', value_name = "TEXT")]
    pub search: Vec<String>,

    /// Only entries whose source page was last updated before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub updated_before: Option<NaiveDate>,

    /// Only entries whose source page was last updated on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub updated_since: Option<NaiveDate>,
}

// A selection and how to write it (a plain comment, for the same reason).
#[derive(Debug, Args)]
pub struct ListingArgs {
    #[command(flatten)]
    pub select: SelectArgs,

    /// Output format: table, json, yaml, csv, tsv, ids, markdown.
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = choice::<ListFormat>())]
    pub format: Option<ListFormat>,

    /// Add why each entry is in the answer: a WHY column, or a `why` list in JSON and YAML.
    #[arg(long, short = 'e')]
    pub explain: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub listing: ListingArgs,

    /// Order of the entries: id, name, updated, achieved.
    #[arg(long, value_name = "KEY", default_value = "id", value_parser = choice::<SortKey>())]
    pub sort: SortKey,

    /// Reverse the order.
    #[arg(long)]
    pub reverse: bool,
}

#[derive(Debug, Args)]
pub struct StaleArgs {
    /// Only these entries, by id, alias or name.
    #[arg(value_name = "ID")]
    pub keys: Vec<String>,

    /// Age past which a source page counts as stale: `90d`, `6w`, `18m`, `2y`.
    #[arg(long, value_name = "SPAN", default_value = "12m", value_parser = parse_span)]
    pub older_than: Span,

    #[command(flatten)]
    pub listing: ListingArgs,
}

#[derive(Debug, Args)]
pub struct ExpiringArgs {
    /// How far ahead to look: `90d`, `6w`, `6m`, `1y`.
    #[arg(long, value_name = "SPAN", default_value = "12m", value_parser = parse_span)]
    pub within: Span,

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
    /// What the columns are: region or industry.
    #[arg(long, value_name = "WHAT", default_value = "region", value_parser = choice::<MatrixBy>())]
    pub by: MatrixBy,

    /// Only these columns (`de,sg,global` or `finance,media`), to fit a narrow terminal.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub columns: Vec<String>,

    /// By default `eu` is one column; show its member states as columns of their own.
    #[arg(long)]
    pub expand: bool,

    #[command(flatten)]
    pub listing: ListingArgs,
}

#[derive(Debug, Args)]
pub struct RequireArgs {
    /// Entries that must be present, by id, alias or name.
    #[arg(required = true, value_name = "ID")]
    pub keys: Vec<String>,

    /// Each entry must apply in every one of these regions (values as `list --region`);
    /// a group (`sea`, `eu`) means every one of its member countries.
    #[arg(long, short = 'r', value_name = "REGION", value_delimiter = ',', value_parser = parse_region)]
    pub region: Vec<RegionQuery>,

    /// Each entry must serve every one of these industries.
    #[arg(long, short = 'i', value_name = "INDUSTRY", value_delimiter = ',', value_parser = choice::<Industry>())]
    pub industry: Vec<Industry>,

    /// Count only regions and industries the entry names itself.
    #[arg(long)]
    pub exact: bool,

    /// Each entry must still be valid this long after the day (`90d`, `6m`, `1y`): its
    /// `valid_until` must fall after it. An entry that gives no `valid_until` fails.
    #[arg(long, value_name = "SPAN", value_parser = parse_span)]
    pub valid_for: Option<Span>,

    /// Each entry must be stated as active: `unstated` does not pass.
    #[arg(long)]
    pub active: bool,

    /// Judge status on this day instead of today (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// Also say why each entry that passes meets the requirement.
    #[arg(long, short = 'e')]
    pub explain: bool,

    /// Output format: text or json.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text", value_parser = choice::<ReportFormat>())]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Entries by id, alias or name (`c5`, `PCI`, "PCI DSS", "k isms"); several are
    /// shown one after another (text: a blank line between; JSON, YAML: a list).
    #[arg(required = true, value_name = "KEY")]
    pub keys: Vec<String>,

    /// Judge status on this day instead of today (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// Output format: text, json, yaml, markdown.
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = choice::<ShowFormat>())]
    pub format: Option<ShowFormat>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of an entry as `list` and `show` write it in JSON and YAML (the data
    /// file's fields, then `status_as_of` and `why`), instead of a data file's.
    #[arg(long)]
    pub output: bool,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Catalog directories or files to check; without them, `--data` or the embedded catalog.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,

    /// Also list the files that were skipped, and why.
    #[arg(long, short = 'v')]
    pub verbose: bool,

    /// Output format: compiler-style lines (text), or a JSON array for CI annotations.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text", value_parser = choice::<ReportFormat>())]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier catalog: a directory, or a published catalog.json.
    #[arg(required = true)]
    pub old: PathBuf,

    /// The later catalog: a directory or a catalog.json (default: the catalog in use).
    pub new: Option<PathBuf>,

    /// Output format: text or json.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text", value_parser = choice::<ReportFormat>())]
    pub format: ReportFormat,

    /// Exit 1 when there are material changes (see above).
    #[arg(long)]
    pub exit_code: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The source document, saved as plain text.
    pub document: PathBuf,

    /// Which document of the manifest it is (default: the only one it lists).
    #[arg(long, value_name = "ID")]
    pub source: Option<String>,

    /// Also fail (exit 1) when a classification value (kind, jurisdiction, industry,
    /// alias) has no basis in `source.basis`.
    #[arg(long)]
    pub strict: bool,

    /// Output format: text or json.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "text", value_parser = choice::<ReportFormat>())]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The folder to write the site into (created if missing). A rebuild replaces what
    /// certs wrote there before and keeps every other file.
    pub out_dir: PathBuf,

    /// Write into a non-empty folder certs did not build, beside what is there (it
    /// still never deletes or overwrites a file it did not write).
    #[arg(long)]
    pub force: bool,

    /// The site's title (default: the catalog manifest's title).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Read the change history from this file (a `changes.json` a previous build
    /// published) instead of the output folder, and the catalog that build published
    /// from the `catalog.json` beside it: for sites built in a clean checkout.
    #[arg(long, value_name = "FILE", conflicts_with = "no_history")]
    pub history: Option<PathBuf>,

    /// Start the change history afresh: no record of earlier builds is kept.
    #[arg(long)]
    pub no_history: bool,

    /// How far back changes.html and feed.xml show changes (changes.json keeps all).
    #[arg(long, value_name = "SPAN", default_value = "3y", value_parser = parse_span)]
    pub keep: Span,

    #[command(flatten)]
    pub select: SelectArgs,
}

#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The questionnaire: a CSV or TSV file with a header row.
    pub file: PathBuf,

    /// The header of the question column (any case).
    #[arg(long, value_name = "NAME")]
    pub column: Option<String>,

    /// Output format: csv, tsv, json or markdown (default: the input's, csv or tsv).
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = choice::<SheetFormat>())]
    pub format: Option<SheetFormat>,

    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Judge status on this day instead of today (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Output format: markdown, html or text.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "markdown", value_parser = choice::<BriefFormat>())]
    pub format: BriefFormat,

    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Age past which a source section counts as stale in the gaps: `90d`, `18m`, `2y`.
    #[arg(long, value_name = "SPAN", default_value = "12m", value_parser = parse_span)]
    pub stale_after: Span,

    /// How far ahead the gaps look for expiries: `90d`, `6m`, `1y`.
    #[arg(long, value_name = "SPAN", default_value = "12m", value_parser = parse_span)]
    pub expiring_within: Span,

    #[command(flatten)]
    pub select: SelectArgs,
}

#[derive(Debug, clap::Subcommand)]
pub enum ExportCommand {
    /// The selected entries as one NIST OSCAL 1.2.1 component definition: a
    /// `validation` component per entry, its issuer and auditor as parties, its source
    /// document in the back matter.
    #[command(
        after_help = "Every value comes from one field of an entry (README, \"OSCAL\", maps them);
absent facts stay absent. UUIDs are version-5 UUIDs of the catalog's title and each
entry's id, so the same catalog exports the same bytes. last-modified takes its zone
from the manifest's `timezone`, else SOURCE_DATE_EPOCH (UTC), else reads the newest
stamp as UTC and says so in metadata.remarks.

Examples:
  certs export oscal > catalog.oscal.json
  certs export oscal --region eu --format yaml -o eu.oscal.yaml
  trestle validate -f catalog.oscal.json"
    )]
    Oscal(OscalArgs),
}

#[derive(Debug, Args)]
pub struct OscalArgs {
    /// Output format: json or yaml.
    #[arg(long, short = 'f', value_name = "FORMAT", default_value = "json", value_parser = choice::<DocumentFormat>())]
    pub format: DocumentFormat,

    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The document's title (default: the catalog manifest's title).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    #[command(flatten)]
    pub select: SelectArgs,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write a script for.
    #[arg(ignore_case = true)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A subcommand, for its own page (`certs-list.1`); without it, the page for `certs`.
    pub command: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
