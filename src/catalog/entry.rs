//! The catalog entry format: one YAML file per entry.
//!
//! The doc comments on these types are the format's documentation: `certs schema`
//! turns them into a JSON Schema, and docs/FORMAT.md's field table is tested against them. Closed
//! vocabularies are enums, scalars with rules are newtypes whose `FromStr` is the
//! one place that decides what is valid; deserialization goes through the same
//! `FromStr`, so a bad value is reported by the YAML parser with its line and column.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalog::region::Country;
use crate::catalog::vocab::{obj, string_scalar, vocabulary};

/// One certification, attestation, audit, assessment, licence or similar piece of
/// compliance evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable identifier: lowercase letters, digits and hyphens; equals the file name without `.yaml`.
    pub id: Id,
    /// Short name as people say it, e.g. `C5` or `PCI DSS`.
    pub name: String,
    /// Full name of the scheme, standard or regulation, where the source gives one.
    #[serde(default)]
    pub full_name: Option<String>,
    /// Other spellings people type (`pci`, `k-isms`, `17a-4`); matched case-insensitively by `certs show`.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What sort of evidence this is.
    pub kind: Kind,
    /// Lifecycle state, only where the source states one; absent means unstated.
    #[serde(default)]
    pub status: Option<Status>,
    /// The body that owns the standard or regulation (e.g. `BSI`, `PCI SSC`, `KISA`).
    #[serde(default)]
    pub issuer: Option<String>,
    /// Who performed the audit or assessment, where named (e.g. `Cohasset Associates Inc.`).
    #[serde(default)]
    pub auditor: Option<String>,
    /// ISO 3166-1 alpha-2 codes (lowercase) of the countries whose regulator or market the
    /// entry answers to; `eu` for the European Union as a whole, `global` where it is not tied to one.
    pub jurisdictions: Vec<Jurisdiction>,
    /// Industries the entry is specifically aimed at; empty when it is cross-industry.
    #[serde(default)]
    pub industries: Vec<Industry>,
    /// What the entry covers: level, cloud regions, services.
    #[serde(default)]
    pub scope: Scope,
    /// Standards, regulations and guidelines the entry is based on or references.
    #[serde(default)]
    pub standards: Vec<String>,
    /// When it was obtained, at the precision the source gives: `2020`, `2020-06` or `2020-08-31`.
    #[serde(default)]
    pub achieved: Option<PartialDate>,
    /// Last day it is valid, where known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub valid_until: Option<PartialDate>,
    /// Period a period-based report covers (e.g. a SOC 2 Type II window).
    #[serde(default)]
    pub period: Option<Period>,
    /// The source page's "Last updated" stamp, exactly: `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD`).
    #[serde(default)]
    pub source_updated: Option<Timestamp>,
    /// What a customer can obtain to prove it, and how.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// A few sentences on what the entry is and what it means for a customer.
    pub summary: String,
    /// Official web pages named by the source (http or https URLs).
    #[serde(default)]
    pub links: Vec<Link>,
    /// Other certifications the source says the provider holds, named in this
    /// entry's section (e.g. those MPAA's guidance rests on).
    #[serde(default)]
    pub related_certifications: Vec<String>,
    /// Where the entry's facts come from: a document of the catalog's manifest and
    /// the section heading in it. `certs verify` checks the facts against it.
    /// Boxed: most entries of a large catalog have no source, and the entry is held
    /// inline for every file while a catalog loads (96 bytes of 560).
    #[serde(default)]
    pub source: Option<Box<SourceRef>>,
}

/// A section of a source document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// The id of a document listed in the catalog's `catalog.toml`.
    pub document: String,
    /// The section's heading, exactly as the document writes it (`C5`, `PCI DSS Certification`).
    pub section: String,
    /// Values that deliberately differ from the document's words, each with why;
    /// `certs verify` reports them as accepted with that reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub normalised: Vec<Normalisation>,
    /// Why each classification value (kind, jurisdictions, industries, aliases) is
    /// there: a phrase of the section, or the maintainer's judgement. `certs verify`
    /// checks the phrases and reports the judgements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<Basis>,
}

/// The fields whose values decide which answers an entry appears in, and so each
/// need a basis; in data-file order.
pub const CLASSIFICATION: [&str; 4] = ["kind", "jurisdictions", "industries", "aliases"];

/// The basis of one classification value: exactly one of `quote` and `judged`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    /// `kind`, `jurisdictions`, `industries` or `aliases`.
    pub field: String,
    /// The value, exactly as the entry writes it (`cn`, `finance`, `licence`, `bsi-c5`).
    pub value: String,
    /// A short phrase of the entry's section that supports the value, as the section
    /// writes it (`Beijing`, `financial institutions`); `certs verify` looks for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Where no phrase says it: the maintainer's reason, in one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judged: Option<String>,
}

impl Entry {
    /// Every classification value of the entry as (field, value), in data-file order.
    pub fn classification(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("kind", self.kind.to_string())];
        out.extend(
            self.jurisdictions
                .iter()
                .map(|j| ("jurisdictions", j.to_string())),
        );
        out.extend(
            self.industries
                .iter()
                .map(|i| ("industries", i.to_string())),
        );
        out.extend(self.aliases.iter().map(|a| ("aliases", a.clone())));
        out
    }

    /// The basis recorded for one classification value, if any.
    pub fn basis(&self, field: &str, value: &str) -> Option<&Basis> {
        self.source
            .as_ref()?
            .basis
            .iter()
            .find(|b| b.field == field && b.value == value)
    }
}

/// A value written differently from the source on purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Normalisation {
    /// The field, as `certs verify` names it (`issuer`, `scope.level`, `standards`).
    pub field: String,
    /// The value excused, exactly as the entry writes it: one item of a list field,
    /// or the whole value of a single one.
    pub value: String,
    /// Why, in one line of a few words.
    pub reason: String,
}

/// `region-and-industry-recognition › C5`.
impl fmt::Display for SourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} › {}", self.document, self.section)
    }
}

impl Entry {
    /// The top-level fields of an entry, in the order a data file lists them,
    /// derived from [`FIELDS`].
    pub fn field_names() -> Vec<&'static str> {
        let mut names: Vec<&'static str> = FIELDS.iter().map(Field::top).collect();
        names.dedup();
        names
    }

    /// Every name the entry answers to: id, name, full name and aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [self.id.as_str(), self.name.as_str()]
            .into_iter()
            .chain(self.full_name.as_deref())
            .chain(self.aliases.iter().map(String::as_str))
    }

    /// Country codes the entry touches: jurisdictions and covered regions (`eu` expanded).
    pub fn countries(&self) -> impl Iterator<Item = Country> + '_ {
        self.jurisdictions
            .iter()
            .flat_map(|j| j.countries())
            .chain(self.scope.regions.iter().map(|r| r.country))
    }

    /// True when one of the jurisdictions is `global`.
    pub fn is_global(&self) -> bool {
        self.jurisdictions.contains(&Jurisdiction::Global)
    }
}

/// One field of the entry format, as people read it. [`FIELDS`] drives the top-level
/// field names, `certs diff`'s material set, the CSV columns and both `show`
/// renderers. The other places that must name fields one by one are held to the
/// `Entry` type: [`Entry::texts`], `verify`'s literal facts and `build/`'s struct
/// literals by the compiler (they take every struct apart without `..`); the YAML tree
/// walk, this table and the evidence columns by tests against the JSON Schema
/// (`check::tree`, `tests/schema.rs`).
pub struct Field {
    /// The name in data files; nested fields with a dot (`scope.level`).
    pub name: &'static str,
    /// Whether a change alters what the entry proves (`certs diff`), rather than its wording.
    pub material: bool,
    /// The value as one line of plain text, lists joined with [`LIST_SEPARATOR`];
    /// `None` when the entry leaves the field out.
    pub text: fn(&Entry) -> Option<String>,
}

impl Field {
    /// The top-level field this one sits in: `scope` for `scope.level`.
    pub fn top(&self) -> &'static str {
        self.name.split('.').next().unwrap_or(self.name)
    }

    /// A JSON pointer to the field's value in an entry's JSON form.
    pub fn pointer(&self) -> String {
        format!("/{}", self.name.replace('.', "/"))
    }
}

/// One value of an entry that people read as words (free text, a vocabulary token,
/// a link), with where it sits. Dates, counts and codes are not among them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text<'e> {
    /// The field as data files nest it: `["scope", "level"]`, `["evidence"]`.
    pub path: &'static [&'static str],
    pub value: &'e str,
    /// Whether the field must be present: a blank value cannot be fixed by removing it.
    pub required: bool,
    /// Whether the value is part of one item of a list (`aliases`, `evidence`).
    pub item: bool,
}

impl<'e> Text<'e> {
    /// A field's own value.
    fn field(path: &'static [&'static str], value: &'e str, required: bool) -> Self {
        Text {
            path,
            value,
            required,
            item: false,
        }
    }

    /// A value in one item of a list: text, a vocabulary token or a link.
    fn item(path: &'static [&'static str], value: &'e str) -> Self {
        Text {
            item: true,
            ..Text::field(path, value, false)
        }
    }
}

impl Entry {
    /// Every value of the entry people read as words, in data-file order: the one list
    /// that validation (blank values, forbidden characters) and `--search` walk.
    ///
    /// Each struct is taken apart without `..`, so a field added to the format does not
    /// compile until it is placed here, or named as holding no words.
    pub fn texts(&self) -> Vec<Text<'_>> {
        let Entry {
            id: _,
            name,
            full_name,
            aliases,
            kind: _,
            status: _,
            issuer,
            auditor,
            jurisdictions: _,
            industries: _,
            scope,
            standards,
            achieved: _,
            valid_until: _,
            period: _,
            source_updated: _,
            evidence,
            summary,
            links,
            related_certifications,
            source,
        } = self;
        let Scope {
            level,
            data_centres: _,
            regions,
            services,
        } = scope;
        let mut out = vec![Text::field(&["name"], name, true)];
        out.extend(
            full_name
                .as_deref()
                .map(|v| Text::field(&["full_name"], v, false)),
        );
        out.extend(aliases.iter().map(|v| Text::item(&["aliases"], v)));
        out.extend(
            issuer
                .as_deref()
                .map(|v| Text::field(&["issuer"], v, false)),
        );
        out.extend(
            auditor
                .as_deref()
                .map(|v| Text::field(&["auditor"], v, false)),
        );
        out.extend(
            level
                .as_deref()
                .map(|v| Text::field(&["scope", "level"], v, false)),
        );
        for CoveredRegion { name, country: _ } in regions {
            out.push(Text::item(&["scope", "regions"], name));
        }
        out.extend(
            services
                .iter()
                .map(|v| Text::item(&["scope", "services"], v)),
        );
        out.extend(standards.iter().map(|v| Text::item(&["standards"], v)));
        for item in evidence {
            let Evidence {
                kind,
                title,
                reference,
                access,
                contact,
                url,
            } = item;
            out.push(Text::item(&["evidence"], kind.as_str()));
            out.extend(title.as_deref().map(|v| Text::item(&["evidence"], v)));
            out.extend(reference.as_deref().map(|v| Text::item(&["evidence"], v)));
            out.extend(access.iter().map(|a| Text::item(&["evidence"], a.as_str())));
            out.extend(contact.as_deref().map(|v| Text::item(&["evidence"], v)));
            out.extend(url.as_ref().map(|u| Text::item(&["evidence"], u.as_str())));
        }
        out.push(Text::field(&["summary"], summary, true));
        out.extend(links.iter().map(|l| Text::item(&["links"], l.as_str())));
        out.extend(
            related_certifications
                .iter()
                .map(|v| Text::item(&["related_certifications"], v)),
        );
        if let Some(SourceRef {
            document,
            section,
            normalised,
            basis,
        }) = source.as_deref()
        {
            out.push(Text::field(&["source", "document"], document, true));
            out.push(Text::field(&["source", "section"], section, true));
            for Normalisation {
                field,
                value,
                reason,
            } in normalised
            {
                out.push(Text::item(&["source", "normalised"], field));
                out.push(Text::item(&["source", "normalised"], value));
                out.push(Text::item(&["source", "normalised"], reason));
            }
            for Basis {
                field,
                value,
                quote,
                judged,
            } in basis
            {
                out.push(Text::item(&["source", "basis"], field));
                out.push(Text::item(&["source", "basis"], value));
                out.extend(
                    quote
                        .as_deref()
                        .map(|q| Text::item(&["source", "basis"], q)),
                );
                out.extend(
                    judged
                        .as_deref()
                        .map(|j| Text::item(&["source", "basis"], j)),
                );
            }
        }
        out
    }
}

/// How list values are joined into one cell or line, everywhere.
pub const LIST_SEPARATOR: &str = "; ";

fn opt<T: ToString>(v: &Option<T>) -> Option<String> {
    v.as_ref().map(ToString::to_string)
}

fn list<T: ToString>(items: &[T]) -> Option<String> {
    (!items.is_empty()).then(|| {
        items
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR)
    })
}

/// Every field, in data-file order. One row a field, so the table reads as one.
#[rustfmt::skip]
pub const FIELDS: &[Field] = &[
    Field { name: "id", material: false, text: |e| Some(e.id.to_string()) },
    Field { name: "name", material: false, text: |e| Some(e.name.clone()) },
    Field { name: "full_name", material: false, text: |e| e.full_name.clone() },
    Field { name: "aliases", material: false, text: |e| list(&e.aliases) },
    Field { name: "kind", material: true, text: |e| Some(e.kind.to_string()) },
    Field { name: "status", material: true, text: |e| opt(&e.status) },
    Field { name: "issuer", material: true, text: |e| e.issuer.clone() },
    Field { name: "auditor", material: true, text: |e| e.auditor.clone() },
    Field { name: "jurisdictions", material: true, text: |e| list(&e.jurisdictions) },
    Field { name: "industries", material: true, text: |e| list(&e.industries) },
    Field { name: "scope.level", material: true, text: |e| e.scope.level.clone() },
    Field { name: "scope.data_centres", material: true, text: |e| opt(&e.scope.data_centres) },
    Field { name: "scope.regions", material: true, text: |e| list(&e.scope.regions) },
    Field { name: "scope.services", material: true, text: |e| list(&e.scope.services) },
    Field { name: "standards", material: true, text: |e| list(&e.standards) },
    Field { name: "achieved", material: true, text: |e| opt(&e.achieved) },
    Field { name: "valid_until", material: true, text: |e| opt(&e.valid_until) },
    Field { name: "period", material: true, text: |e| opt(&e.period) },
    Field { name: "source", material: false, text: |e| opt(&e.source) },
    Field { name: "source_updated", material: false, text: |e| opt(&e.source_updated) },
    Field { name: "evidence", material: true, text: |e| list(&e.evidence) },
    Field { name: "summary", material: false, text: |e| Some(e.summary.split_whitespace().collect::<Vec<_>>().join(" ")) },
    Field { name: "links", material: false, text: |e| list(&e.links) },
    Field { name: "related_certifications", material: false, text: |e| list(&e.related_certifications) },
];

/// `Beijing (cn)`.
impl fmt::Display for CoveredRegion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name, self.country)
    }
}

/// `2020-01 to 2020-12`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.start, self.end)
    }
}

/// Plain data, no prose: `certificate: CRS Fusion Cloud Storage Service #01018 [download]`.
impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.as_str())?;
        if let Some(t) = &self.title {
            write!(f, ": {t}")?;
        }
        if let Some(r) = &self.reference {
            write!(f, " #{r}")?;
        }
        if !self.access.is_empty() {
            let how: Vec<&str> = self.access.iter().map(|a| a.as_str()).collect();
            write!(f, " [{}]", how.join(", "))?;
        }
        Ok(())
    }
}

/// What the entry covers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// Level, class or grade reached, as the source words it (`Assessment Level 3`, `Class IV`).
    #[serde(default)]
    pub level: Option<String>,
    /// Number of data centres (IDCs) covered, where the source gives a count.
    #[serde(default, deserialize_with = "whole_number")]
    pub data_centres: Option<u32>,
    /// Cloud regions or data-centre locations covered, each with its country.
    #[serde(default)]
    pub regions: Vec<CoveredRegion>,
    /// Products and services covered, by the names the source uses.
    #[serde(default)]
    pub services: Vec<String>,
}

/// A count written as a number: `'3'` is text, and a count written as text is a
/// slip the parser would otherwise let through.
fn whole_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = Option<u32>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(COUNT_EXPECTED)
        }
        // The count as written, so `0x10`, `1_0`, `1e1` and `05` are refused by what
        // they are, wherever the value stands, rather than read as YAML numbers.
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            match s {
                // `null`, as `--format json` and `yaml` write an absent count.
                "null" | "Null" | "NULL" | "~" => Ok(None),
                _ => parse_count(s).map(Some).map_err(E::custom),
            }
        }
        // JSON (and YAML through `deserialize_any`) may hand over a number.
        fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
            self.visit_str(&n.to_string())
        }
        fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Self::Value, E> {
            self.visit_str(&n.to_string())
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    d.deserialize_str(V)
}

const COUNT_EXPECTED: &str = "a whole number written as digits (e.g. `15`)";

impl Entry {
    /// An entry from its JSON form, as `list --format json` writes it (less what
    /// `list` computes: `status_as_of`, `why`). JSON writes the count as a number;
    /// the typed parse reads every count as the text a YAML file spells it with, so
    /// the number is handed over as its digits.
    pub fn from_json(mut value: serde_json::Value) -> Result<Entry, serde_json::Error> {
        if let Some(serde_json::Value::Object(scope)) = value.pointer_mut("/scope") {
            match scope.get("data_centres") {
                Some(serde_json::Value::Number(n)) => {
                    let digits = serde_json::Value::String(n.to_string());
                    scope.insert("data_centres".to_owned(), digits);
                }
                // `null`: no count, as an absent field.
                Some(serde_json::Value::Null) => {
                    scope.remove("data_centres");
                }
                _ => {}
            }
        }
        serde_json::from_value(value)
    }
}

/// A count as the format allows it: plain decimal digits with no leading zero, at
/// most `u32::MAX`. The typed parse and the tree walk both ask here.
pub fn parse_count(text: &str) -> Result<u32, String> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if !digits || (text.len() > 1 && text.starts_with('0')) {
        return Err(format!(
            "`scope.data_centres` is `{}`, expected {COUNT_EXPECTED}",
            crate::catalog::untrusted::shorten(text)
        ));
    }
    text.parse().map_err(|_| {
        format!("`scope.data_centres` is `{text}`, larger than any count of data centres")
    })
}

/// A cloud region or data-centre location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoveredRegion {
    /// The region's name, e.g. `Beijing`.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the country it is in, lowercase.
    pub country: Country,
}

/// One thing a customer can hand an auditor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// What it is.
    #[serde(rename = "type")]
    pub kind: EvidenceType,
    /// Its title, or what it covers (e.g. the service a certificate is for).
    #[serde(default)]
    pub title: Option<String>,
    /// A certificate or report number.
    #[serde(default)]
    pub reference: Option<String>,
    /// How a customer gets it; empty when the source does not say.
    #[serde(default)]
    pub access: Vec<Access>,
    /// Whom to contact or where to file the request, when access is `contact` or `ticket`.
    #[serde(default)]
    pub contact: Option<String>,
    /// Where to download or view it.
    #[serde(default)]
    pub url: Option<Link>,
}

/// Start and end of the period a report covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day covered.
    pub start: PartialDate,
    /// Last day covered.
    pub end: PartialDate,
}

vocabulary! {
    /// What sort of evidence an entry is.
    Kind ("kind") {
        /// A certificate issued by a certification body after an audit.
        Certification = "certification",
        /// An independent auditor's attestation or assurance report.
        Attestation = "attestation",
        /// An audit against a catalogue of criteria or regulations.
        Audit = "audit",
        /// An assessment with a graded outcome (e.g. a TISAX assessment level).
        Assessment = "assessment",
        /// The provider's own assessment against a framework.
        SelfAssessment = "self-assessment",
        /// Testing and registration with an authority (e.g. classified protection filing).
        Registration = "registration",
        /// A licence or permit to operate a regulated business.
        Licence = "licence" | "license",
        /// Guidance on how customers can meet a framework, without a certificate of its own.
        Guidance = "guidance",
        /// A white paper explaining how the provider supports a framework.
        WhitePaper = "white-paper",
    }
}

vocabulary! {
    /// Industries an entry can be aimed at.
    Industry ("industry") {
        /// Car makers and their suppliers.
        Automotive = "automotive" | "auto",
        /// Banking, insurance, securities, payments.
        Finance = "finance" | "financial" | "banking" | "fsi",
        /// Public sector.
        Government = "government" | "public-sector",
        /// Healthcare and life sciences.
        Healthcare = "healthcare" | "health" | "life-sciences",
        /// Media and entertainment.
        Media = "media" | "entertainment",
        /// Telecommunications.
        Telecom = "telecom" | "telecommunications",
    }
}

vocabulary! {
    /// Lifecycle state of an entry, as its source states it.
    Status ("status") {
        /// In force.
        Active = "active",
        /// Being worked towards.
        InProgress = "in-progress",
        /// Lapsed.
        Expired = "expired",
        /// Replaced by a newer entry.
        Superseded = "superseded",
        /// Given up or revoked.
        Withdrawn = "withdrawn",
    }
}

vocabulary! {
    /// What a piece of evidence is.
    EvidenceType ("evidence type") {
        /// A certificate, usually with a number.
        Certificate = "certificate",
        /// An audit report.
        AuditReport = "audit-report",
        /// An attestation or assurance report.
        AttestationReport = "attestation-report",
        /// A SOC 1, SOC 2 or SOC 3 report.
        SocReport = "soc-report",
        /// The provider's self-assessment report.
        SelfAssessmentReport = "self-assessment-report",
        /// A white paper.
        WhitePaper = "white-paper",
        /// A statement of what is covered (regions, services).
        ScopeStatement = "scope-statement",
        /// A public listing or register entry.
        Listing = "listing",
        /// The provider's help during a customer's own assessment, such as proof of
        /// how the platform it runs on is operated.
        Assistance = "assistance",
    }
}

vocabulary! {
    /// How a customer obtains a piece of evidence.
    Access ("access") {
        /// Published for anyone to read.
        Public = "public",
        /// Downloadable by customers.
        Download = "download",
        /// Requested through a support ticket.
        Ticket = "ticket",
        /// Requested from a named team or contact.
        Contact = "contact",
        /// Available under NDA.
        Nda = "nda",
    }
}

/// An entry id: 1 to 64 characters of `a-z`, `0-9` and `-`, starting with a letter or digit.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(String);

impl Id {
    pub const MAX_LEN: usize = 64;

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Id {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let short = crate::catalog::untrusted::shorten(s);
        let valid = !s.is_empty()
            && s.len() <= Self::MAX_LEN
            && !s.starts_with('-')
            && s.bytes()
                .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'));
        if valid {
            Ok(Id(s.to_owned()))
        } else {
            Err(format!(
                "invalid id `{short}`, expected 1 to {} lowercase letters, digits and hyphens (e.g. `pci-dss`)",
                Self::MAX_LEN
            ))
        }
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
string_scalar!(
    Id,
    "an id such as `pci-dss`",
    obj(&[("pattern", "^[a-z0-9][a-z0-9-]{0,63}$".into())])
);

/// Where an entry applies: a country, the European Union, or everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Jurisdiction {
    Global,
    Eu,
    Country(Country),
}

impl Jurisdiction {
    /// The countries this jurisdiction stands for (none for `global`, which matches any).
    pub fn countries(&self) -> Vec<Country> {
        match self {
            Jurisdiction::Global => Vec::new(),
            Jurisdiction::Eu => crate::catalog::region::EU.to_vec(),
            Jurisdiction::Country(c) => vec![*c],
        }
    }
}

impl FromStr for Jurisdiction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let short = crate::catalog::untrusted::shorten(s);
        match s {
            "global" => Ok(Jurisdiction::Global),
            "eu" => Ok(Jurisdiction::Eu),
            _ => s.parse::<Country>().map(Jurisdiction::Country).map_err(|_| {
                format!(
                    "unknown jurisdiction `{short}`, expected a lowercase ISO 3166-1 alpha-2 country code (e.g. `sg`), `eu` or `global`"
                )
            }),
        }
    }
}

impl fmt::Display for Jurisdiction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Jurisdiction::Global => f.write_str("global"),
            Jurisdiction::Eu => f.write_str("eu"),
            Jurisdiction::Country(c) => c.fmt(f),
        }
    }
}
string_scalar!(
    Jurisdiction,
    "a lowercase ISO 3166-1 alpha-2 country code, `eu` or `global`",
    obj(&[(
        "enum",
        ["global", "eu"]
            .into_iter()
            .map(String::from)
            .chain(Country::all().map(|c| c.to_string()))
            .collect::<Vec<_>>()
            .into()
    )])
);

/// A date known to a year, a month or a day, printed back exactly as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartialDate {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl PartialDate {
    /// Years a catalog date may have: compliance evidence is modern, and year 0 or
    /// 9999 is a typo that would make every date comparison meaningless.
    pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

    /// The first day the date can mean.
    pub fn first_day(&self) -> NaiveDate {
        match *self {
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            PartialDate::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            PartialDate::Day(d) => Some(d),
        }
        .unwrap_or(NaiveDate::MIN)
    }

    /// The last day the date can mean.
    pub fn last_day(&self) -> NaiveDate {
        match *self {
            PartialDate::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
            PartialDate::Month(y, m) => {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
            PartialDate::Day(d) => Some(d),
        }
        .unwrap_or(NaiveDate::MAX)
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first_day(), self.last_day()).cmp(&(other.first_day(), other.last_day()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl FromStr for PartialDate {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let short = crate::catalog::untrusted::shorten(s);
        let bad = || {
            format!(
                "invalid date `{short}`, expected `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a year from {} to {}",
                Self::YEARS.start(),
                Self::YEARS.end()
            )
        };
        let b = s.as_bytes();
        let year = digits(b, 0, 4).ok_or_else(bad)? as i32;
        if !Self::YEARS.contains(&year) {
            return Err(bad());
        }
        match b.len() {
            4 => Ok(PartialDate::Year(year)),
            7 if b[4] == b'-' => match digits(b, 5, 2) {
                Some(m @ 1..=12) => Ok(PartialDate::Month(year, m)),
                _ => Err(bad()),
            },
            10 if b[4] == b'-' && b[7] == b'-' => {
                let (m, d) = (
                    digits(b, 5, 2).ok_or_else(bad)?,
                    digits(b, 8, 2).ok_or_else(bad)?,
                );
                NaiveDate::from_ymd_opt(year, m, d)
                    .map(PartialDate::Day)
                    .ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }
}

/// The number written by `len` ASCII digits at `at`, if they are all digits.
///
/// Dates are read by hand rather than with chrono's format strings: that parser was
/// a measurable part of loading a catalog (see BENCHMARKS.md).
fn digits(b: &[u8], at: usize, len: usize) -> Option<u32> {
    let part = b.get(at..at + len)?;
    part.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        PartialDate::Day(d)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}
string_scalar!(
    PartialDate,
    "a date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`",
    obj(&[("pattern", r"^\d{4}(-\d{2}(-\d{2})?)?$".into())])
);

/// A page's "Last updated" stamp: `YYYY-MM-DD HH:MM:SS`, or `YYYY-MM-DD` when only the day is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    at: NaiveDateTime,
    has_time: bool,
}

impl Timestamp {
    pub fn date(&self) -> NaiveDate {
        self.at.date()
    }

    /// The moment, midnight for a stamp written as a day alone.
    pub fn date_time(&self) -> NaiveDateTime {
        self.at
    }
}

impl FromStr for Timestamp {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let short = crate::catalog::untrusted::shorten(s);
        let bad = || {
            format!("invalid timestamp `{short}`, expected `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD`")
        };
        let b = s.as_bytes();
        let date = match s.get(..10).map(str::parse::<PartialDate>) {
            Some(Ok(PartialDate::Day(d))) => d,
            _ => return Err(bad()),
        };
        let time = match b.len() {
            10 => None,
            19 if b[10] == b' ' && b[13] == b':' && b[16] == b':' => {
                let (h, m, sec) = (digits(b, 11, 2), digits(b, 14, 2), digits(b, 17, 2));
                let t = h
                    .zip(m)
                    .zip(sec)
                    .and_then(|((h, m), sec)| chrono::NaiveTime::from_hms_opt(h, m, sec));
                Some(t.ok_or_else(bad)?)
            }
            _ => return Err(bad()),
        };
        Ok(Timestamp {
            at: date.and_time(time.unwrap_or(chrono::NaiveTime::MIN)),
            has_time: time.is_some(),
        })
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        PartialDate::Day(self.at.date()).fmt(f)?;
        if self.has_time {
            let t = self.at.time();
            write!(f, " {:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())?;
        }
        Ok(())
    }
}
string_scalar!(
    Timestamp,
    "a timestamp `YYYY-MM-DD HH:MM:SS` or a date `YYYY-MM-DD`",
    obj(&[(
        "pattern",
        r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$".into()
    )])
);

/// An absolute `http` or `https` URL without spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Link(String);

impl Link {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Link {
    type Err = String;
    /// A URL a browser would follow: parsed as a URI (the `http` crate's parser, which
    /// refuses control and non-ASCII characters), with an `http` or `https` scheme, a
    /// host name that is one (labels of letters, digits and inner hyphens, or an IP
    /// address), a port that is one, and no user name or password. No `<`, `>`,
    /// quote, backslash, backtick or space anywhere, the fragment included (the
    /// `http` crate does not look at it), so a link can be written into Markdown or an
    /// HTML attribute without breaking out of it; percent-encode them instead.
    fn from_str(s: &str) -> Result<Self, String> {
        let short = crate::catalog::untrusted::shorten(s);
        let bad = |why: &str| {
            format!(
                "invalid link `{short}`: {why}; expected an absolute http:// or https:// URL with a host"
            )
        };
        if let Some(c) = s
            .chars()
            .find(|c| "<>\"'\\` ".contains(*c) || c.is_whitespace())
        {
            return Err(bad(&format!("`{c}` must be percent-encoded")));
        }
        let uri: http::Uri = s.parse().map_err(|_| bad("not a URL"))?;
        if !matches!(uri.scheme_str(), Some("http" | "https")) {
            return Err(bad("it does not start with http:// or https://"));
        }
        let Some(authority) = uri.authority() else {
            return Err(bad("no host"));
        };
        if authority.as_str().contains('@') {
            return Err(bad("a user name or password in a link is refused"));
        }
        // What follows the host, read from the text: `http` gives no port for one it
        // cannot read as a number, rather than an error.
        let after_host = authority
            .as_str()
            .rsplit_once(']')
            .map_or(authority.as_str(), |(_, r)| r);
        let port = after_host.rsplit_once(':').map(|(_, p)| p);
        if port.is_some_and(|p| p.parse::<u16>().is_err() || p == "0" || p.starts_with('0')) {
            return Err(bad("the port is not a number from 1 to 65535"));
        }
        if !is_host(authority.host()) {
            return Err(bad("the host is not a host name or an IP address"));
        }
        Ok(Link(s.to_owned()))
    }
}

/// A DNS host name (RFC 1123 labels), an IPv4 address or a bracketed IPv6 address.
fn is_host(host: &str) -> bool {
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return v6.parse::<std::net::Ipv6Addr>().is_ok();
    }
    let label = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let name = host.strip_suffix('.').unwrap_or(host);
    // All-digit labels are an IPv4 address, which must then be one.
    let numeric = name
        .split('.')
        .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()));
    if numeric {
        return name.parse::<std::net::Ipv4Addr>().is_ok();
    }
    name.len() <= 253 && name.split('.').all(label)
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
string_scalar!(
    Link,
    "an absolute http:// or https:// URL",
    obj(&[("pattern", r"^https?://[^\s/]\S*$".into())])
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_keep_their_precision() {
        for s in ["2017", "2017-03", "2020-08-31"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
        for s in [
            "17",
            "2017-3",
            "2017-13",
            "2021-02-29",
            "2020-08-31T00:00",
            "",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s} should be rejected");
        }
    }

    #[test]
    fn partial_dates_order_by_what_they_can_mean() {
        let y: PartialDate = "2020".parse().unwrap();
        let m: PartialDate = "2020-06".parse().unwrap();
        assert!(y < m);
        assert_eq!(m.last_day(), NaiveDate::from_ymd_opt(2020, 6, 30).unwrap());
        let dec: PartialDate = "2020-12".parse().unwrap();
        assert_eq!(
            dec.last_day(),
            NaiveDate::from_ymd_opt(2020, 12, 31).unwrap()
        );
    }

    #[test]
    fn timestamps_round_trip() {
        for s in ["2024-06-24 17:03:11", "2024-06-24"] {
            assert_eq!(s.parse::<Timestamp>().unwrap().to_string(), s);
        }
        assert!("2024-06-24 17:03".parse::<Timestamp>().is_err());
        assert!("2024-06-24 24:00:00".parse::<Timestamp>().is_err());
        assert!("2024-02-30 10:00:00".parse::<Timestamp>().is_err());
        assert!("2024-06-24 1:03:11 ".parse::<Timestamp>().is_err());
        assert!("2024-06-24T17:03:11".parse::<Timestamp>().is_err());
    }

    #[test]
    fn ids_are_strict() {
        assert!("pci-dss".parse::<Id>().is_ok());
        for bad in ["", "PCI", "-x", "a b", "é", &"a".repeat(65)] {
            assert!(bad.parse::<Id>().is_err(), "{bad}");
        }
    }

    #[test]
    fn vocabularies_accept_aliases_and_list_values_on_error() {
        assert_eq!("license".parse::<Kind>().unwrap(), Kind::Licence);
        assert!(
            "License".parse::<Kind>().is_err(),
            "data files are lowercase"
        );
        let err = "cert".parse::<Kind>().unwrap_err();
        assert!(err.contains("certification, attestation"), "{err}");
    }

    #[test]
    fn field_list_is_exactly_the_serialized_fields() {
        let e: Entry = serde_saphyr::from_str(
            "id: x\nname: X\nkind: audit\njurisdictions: [sg]\nsummary: s\n",
        )
        .unwrap();
        let v = serde_json::to_value(&e).unwrap();
        let mut written: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut listed = Entry::field_names();
        written.sort_unstable();
        listed.sort_unstable();
        assert_eq!(written, listed);
    }

    #[test]
    fn links_must_be_http() {
        assert!("https://www.kexinyun.org/".parse::<Link>().is_ok());
        for ok in [
            "http://127.0.0.1:8080/x",
            "https://[::1]/",
            "https://a.example/#top%3Cx%3E",
        ] {
            assert!(ok.parse::<Link>().is_ok(), "{ok}");
        }
        for bad in [
            "https://a.example/#<script>alert(document.domain)</script>",
            "https://127.0.0.1:99999/",
            "https://a.example:0/",
            "https://-/",
            "https://user:pass@a.example/",
            "https://a.example/x`y",
            "https://999.1.1.1/",
        ] {
            assert!(bad.parse::<Link>().is_err(), "{bad}");
        }
        for bad in [
            "www.dca.org.cn",
            "ftp://x",
            "https://",
            "https://a b",
            "javascript:x",
            "https://:",
            "https://<>",
            "https://ok.example/><script>",
            "https://\u{202e}evil",
            "https://x.example/\"onmouseover",
        ] {
            assert!(bad.parse::<Link>().is_err(), "{bad}");
        }
    }
}
