//! The answer wing: a catalog and a question into rows with reasons. Takes a
//! [`Catalog`](crate::catalog::Catalog) and a [`Selection`](query::Selection) (plain
//! data, never clap types); hands on the selected entries with the reasons each applies
//! ([`query`]), their status as of a day ([`lifecycle`]), the derived rows each report
//! shows ([`report`]), differences between catalogs ([`diff`]), the plan of a site
//! ([`site`]), one question answered as a document ([`brief`]) and a questionnaire's
//! rows answered ([`questions`]). No words and no bytes: the `render` wing writes them.

pub(crate) mod brief;
pub(crate) mod diff;
pub mod history;
pub(crate) mod lifecycle;
pub mod query;
pub(crate) mod questions;
pub mod report;
pub(crate) mod site;
