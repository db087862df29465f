//! Reading values from the command line, one way everywhere: vocabularies in any
//! case with suggestions ([`Choice`]), regions, spans and strict dates; and the
//! command as completion scripts and man pages see it.

use std::ffi::OsStr;
use std::marker::PhantomData;

use chrono::NaiveDate;
use clap::CommandFactory;
use clap::builder::{PossibleValue, TypedValueParser};

use super::args::Cli;
use crate::answer::query::Span;
use crate::catalog::region::RegionQuery;
use crate::catalog::vocab::Vocabulary;

/// The whole command, every subcommand built, for man pages.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    cmd
}

/// The command with value lists for completion scripts: entry ids for `show`,
/// `require` and `stale`, and every region value. They are not set for parsing, where
/// keys may be aliases or names, and `--help` would drown in 249 country codes.
pub fn command_for_completion(ids: &[String]) -> clap::Command {
    use clap::builder::PossibleValuesParser;
    let regions: Vec<String> = RegionQuery::all().map(|q| q.label().to_owned()).collect();
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

/// A value parser for a [`Vocabulary`]: loose reading, our error with a suggestion,
/// and the values listed for `--help` and completion scripts.
#[derive(Clone)]
pub struct Choice<T>(PhantomData<T>);

pub fn choice<T>() -> Choice<T> {
    Choice(PhantomData)
}

impl<T: Vocabulary + Send + Sync> TypedValueParser for Choice<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        let usage = |msg: String| {
            let flag = arg.map_or_else(String::new, |a| match a.get_long() {
                Some(l) => format!("--{l}: "),
                None => format!("{}: ", a.get_id()),
            });
            clap::Error::raw(
                clap::error::ErrorKind::InvalidValue,
                format!("{flag}{msg}\n"),
            )
            .with_cmd(cmd)
        };
        let text = value
            .to_str()
            .ok_or_else(|| usage(format!("`{}` is not UTF-8", value.to_string_lossy())))?;
        T::parse_loose(text).map_err(usage)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(T::all().iter().map(|v| {
            PossibleValue::new(v.name()).aliases(v.aliases().iter().copied())
        })))
    }
}

pub(super) fn parse_region(s: &str) -> Result<RegionQuery, String> {
    s.parse()
}

pub(super) fn parse_span(s: &str) -> Result<Span, String> {
    s.parse()
}

pub(super) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::answer::query::parse_day(s)
}
