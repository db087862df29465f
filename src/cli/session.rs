//! The session: what every command needs besides its own arguments (the catalog
//! source, the output style, today, the config's default format), decided once from
//! flags > environment > config file > defaults.

use std::cell::OnceCell;
use std::io::{IsTerminal, Write};

use anyhow::anyhow;
use chrono::NaiveDate;

use crate::answer::query::{Search, Selection, StatusPick};
use crate::catalog::Catalog;
use crate::cli::args::SelectArgs;
use crate::load::{self, Source};
use crate::render::{ColorChoice, ListFormat, Style};

/// What every command needs besides its own arguments.
pub struct Session {
    pub source: Source,
    pub style: Style,
    /// Today's date, found on first use (it reads the time zone file).
    today: OnceCell<NaiveDate>,
    /// The catalog in use, loaded on first use.
    catalog: OnceCell<Catalog>,
    /// Default `--format` from the config file.
    pub format: Option<ListFormat>,
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
    pub fn new(source: Source, color: ColorChoice, format: Option<ListFormat>) -> Self {
        Session {
            source,
            style: style(color),
            today: OnceCell::new(),
            catalog: OnceCell::new(),
            format,
        }
    }

    pub fn today(&self) -> NaiveDate {
        *self.today.get_or_init(|| chrono::Local::now().date_naive())
    }

    /// The day statuses and ages are judged on: `--as-of`, else today. The one place
    /// every command decides it.
    pub fn as_of(&self, flag: Option<NaiveDate>) -> NaiveDate {
        flag.unwrap_or_else(|| self.today())
    }

    pub fn list_format(&self, flag: Option<ListFormat>) -> ListFormat {
        flag.or(self.format).unwrap_or_default()
    }

    /// The catalog in use, loaded once; see [`Session::load_source`].
    pub fn load(&self, err: &mut dyn Write) -> anyhow::Result<&Catalog> {
        if let Some(catalog) = self.catalog.get() {
            return Ok(catalog);
        }
        let catalog = self.load_source(&self.source, err)?;
        Ok(self.catalog.get_or_init(|| catalog))
    }

    /// Loads a catalog for a command that reads it. Any error in the catalog stops
    /// the command: answers from a half-loaded catalog would look complete.
    pub fn load_source(&self, source: &Source, err: &mut dyn Write) -> anyhow::Result<Catalog> {
        let loaded = load::read(source, || self.today())?;
        let errors = loaded.error_count();
        if errors > 0 {
            // A few lines say what is wrong; `validate` lists the rest.
            for p in loaded.problems.iter().filter(|p| p.is_error()).take(20) {
                writeln!(err, "{p}")?;
            }
            return Err(anyhow!(
                "{} has {errors} problem{}; `certs validate` lists them all",
                source.describe(),
                if errors == 1 { "" } else { "s" }
            ));
        }
        Ok(loaded.catalog)
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
            search: Search::new(&a.search),
            updated_before: a.updated_before,
            updated_since: a.updated_since,
            exact: a.exact,
            as_of: self.as_of(a.as_of),
        }
    }

    pub fn select(
        &self,
        a: &SelectArgs,
        err: &mut dyn Write,
    ) -> anyhow::Result<(&Catalog, Selection)> {
        Ok((self.load(err)?, self.selection(a)))
    }
}
