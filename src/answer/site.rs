//! `certs site`: the selected entries as a static trust page, planned here and
//! written by [`crate::render::html`].
//!
//! Everything a page shows comes from the applicability model: the region and
//! industry pages hold exactly what `certs list --region VALUE` (or `--industry`)
//! returns with the same flags, with the same reasons; each index row carries the
//! values it matches, so the page's script only shows and hides. The files are a
//! pure function of the catalog and the flags: the same input gives the same bytes.

use std::collections::HashSet;

use crate::answer::query::{Selected, Selection, searchable};
use crate::answer::report::{self, IndustryFacet, Matrix, MatrixBy, RegionFacet};
use crate::catalog::Catalog;
use crate::catalog::entry::{Entry, Industry};
use crate::catalog::vocab::squeeze;

/// One page per region or industry value: the facet and its entries with reasons.
pub struct ValuePage<'e, F> {
    pub facet: F,
    /// The file name stem: `sg`, `finance`.
    pub slug: String,
    pub entries: Vec<Selected<'e>>,
}

/// One entry of the index with what the filters compare.
pub struct IndexRow<'e> {
    pub selected: Selected<'e>,
    /// Region values (labels) the entry matches, as `list --region` decides.
    pub regions: Vec<String>,
    /// Industries the entry matches, as `list --industry` decides.
    pub industries: Vec<Industry>,
    /// The entry's searchable text, folded as `--search` folds it.
    pub text: String,
}

/// Everything the site shows.
pub struct Plan<'e> {
    pub title: String,
    pub publisher: Option<String>,
    pub rows: Vec<IndexRow<'e>>,
    pub regions: Vec<ValuePage<'e, RegionFacet>>,
    pub industries: Vec<ValuePage<'e, IndustryFacet>>,
    pub matrix: SiteMatrix,
    pub as_of: chrono::NaiveDate,
    /// What changed between builds, newest first (empty for a first build).
    pub history: crate::answer::history::History,
    /// How far back the page and the feed show changes.
    pub keep: crate::answer::lifecycle::Span,
}

/// The site's coverage matrix, or why it is left out.
pub enum SiteMatrix {
    Built(Matrix),
    /// Over [`report::MAX_TABLE_CELLS`], the limit the `matrix` command keeps for a
    /// table: no page grows with entries times places. The page says so instead.
    TooLarge {
        entries: usize,
        columns: usize,
    },
}

pub fn plan<'e>(catalog: &'e Catalog, selection: &Selection, title: Option<String>) -> Plan<'e> {
    let entries = catalog.entries();
    let selected = selection.apply(entries);
    // The selection defines every page: a value gets a page when a selected entry
    // applies there, and the page lists the selected entries that do, with the
    // reasons `list` gives for that value.
    let within = |value: &Selection| -> Vec<Selected<'e>> {
        selected
            .iter()
            .filter_map(|s| {
                value.verdict(s.entry).map(|why| Selected {
                    entry: s.entry,
                    why,
                })
            })
            .collect()
    };
    let regions: Vec<ValuePage<'e, RegionFacet>> =
        report::region_values(selected.iter().map(|s| s.entry))
            .into_iter()
            .filter_map(|q| {
                let page = within(&selection.for_region(q));
                let exact = page.iter().filter(|s| s.why.holds_exactly()).count();
                (!page.is_empty()).then(|| ValuePage {
                    slug: q.label().to_owned(),
                    facet: RegionFacet::new(&q, page.len(), exact),
                    entries: page,
                })
            })
            .collect();
    let industries: Vec<ValuePage<'e, IndustryFacet>> = Industry::ALL
        .iter()
        .filter_map(|&industry| {
            let page = within(&selection.for_industry(industry));
            let exact = page.iter().filter(|s| s.why.holds_exactly()).count();
            (!page.is_empty()).then(|| ValuePage {
                slug: industry.to_string(),
                facet: IndustryFacet {
                    industry,
                    entries: page.len(),
                    exact,
                },
                entries: page,
            })
        })
        .collect();
    // Which pages list each entry: the same answers, looked up rather than searched.
    let on_page = |entries: &[Selected<'e>]| -> HashSet<&'e str> {
        entries.iter().map(|x| x.entry.id.as_str()).collect()
    };
    let region_ids: Vec<HashSet<&str>> = regions.iter().map(|p| on_page(&p.entries)).collect();
    let industry_ids: Vec<HashSet<&str>> = industries.iter().map(|p| on_page(&p.entries)).collect();
    let rows = selected
        .iter()
        .map(|s| IndexRow {
            regions: regions
                .iter()
                .zip(&region_ids)
                .filter(|(_, ids)| ids.contains(s.entry.id.as_str()))
                .map(|(p, _)| p.slug.clone())
                .collect(),
            industries: industries
                .iter()
                .zip(&industry_ids)
                .filter(|(_, ids)| ids.contains(s.entry.id.as_str()))
                .map(|(p, _)| p.facet.industry)
                .collect(),
            text: searchable(s.entry)
                .map(squeeze)
                .collect::<Vec<_>>()
                .join(" "),
            selected: s.clone(),
        })
        .collect();
    let columns = report::matrix_columns(&selected, MatrixBy::Region, false);
    let matrix = if selected.len().saturating_mul(columns.len()) > report::MAX_TABLE_CELLS {
        SiteMatrix::TooLarge {
            entries: selected.len(),
            columns: columns.len(),
        }
    } else {
        SiteMatrix::Built(report::matrix(&selected, selection, &columns))
    };
    let manifest = catalog.manifest();
    Plan {
        title: title
            .or_else(|| manifest.map(|m| m.title.clone()))
            .unwrap_or_else(|| "Compliance certifications".to_owned()),
        publisher: manifest.map(|m| m.publisher.clone()),
        rows,
        regions,
        industries,
        matrix,
        as_of: selection.as_of,
        history: Default::default(),
        keep: crate::answer::lifecycle::Span::Months(36),
    }
}

/// The entry a page is about, for links: `entries/c5.html`.
pub fn entry_path(e: &Entry) -> String {
    format!("entries/{}.html", e.id)
}
