//! The selected entries as one NIST OSCAL component definition (OSCAL 1.2.1), for
//! compliance-as-code tools such as compliance-trestle.
//!
//! One component of type `validation` per entry ("an external assessment performed
//! on some other component, that has been validated by a third-party"). Every value
//! comes from one field of the entry (README, "OSCAL", maps them); an absent fact is
//! left out, and a date keeps its stored precision (`2017-03` with class `month`).
//! Issuers and auditors are parties with responsible roles; each source document is a
//! back-matter resource that components link to, with their section and its stamp.
//!
//! Deterministic: every UUID is a version-5 UUID of [`NAMESPACE`] and a name made of
//! the catalog's title and the thing's own key (an entry's id, a party's name, a
//! document's id), so the same catalog exports the same bytes and an entry keeps its
//! component UUID when other entries change. `last-modified` carries a zone: the
//! manifest's `timezone` where declared, else `SOURCE_DATE_EPOCH` in UTC, else the
//! newest stamp read as UTC, and `metadata.remarks` says which; never the wall clock.

use chrono::NaiveDateTime;
use serde::Serialize;
use uuid::Uuid;

use crate::answer::query::{Selected, status_as_of};
use crate::catalog::entry::{Entry, PartialDate};
use crate::catalog::manifest::Manifest;

/// The OSCAL version written: the newest compliance-trestle 5.x reads.
pub const OSCAL_VERSION: &str = "1.2.1";

/// The namespace of every prop certs defines. A URN rather than a web address: it
/// names the vocabulary and is never fetched.
pub const NS: &str = "urn:certs:oscal";

/// The version-5 namespace of every UUID: itself the version-5 UUID of [`NS`] in the
/// URL namespace, `uuid5(NAMESPACE_URL, "urn:certs:oscal")`.
pub fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, NS.as_bytes())
}

/// The UUID of a thing of a catalog: `uuid5(namespace, "<catalog title>\n<kind>\n<key>")`.
pub fn uuid(catalog: &str, kind: &str, key: &str) -> String {
    Uuid::new_v5(&namespace(), format!("{catalog}\n{kind}\n{key}").as_bytes()).to_string()
}

#[derive(Serialize)]
pub struct Document {
    #[serde(rename = "component-definition")]
    pub definition: ComponentDefinition,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ComponentDefinition {
    pub uuid: String,
    pub metadata: Metadata,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub back_matter: Option<BackMatter>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Metadata {
    pub title: String,
    pub last_modified: String,
    pub version: String,
    pub oscal_version: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub responsible_parties: Vec<RoleParties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

#[derive(Serialize)]
pub struct Role {
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
}

#[derive(Serialize)]
pub struct Party {
    pub uuid: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
}

/// A role and the parties in it: OSCAL's `responsible-parties` of the metadata and
/// `responsible-roles` of a component have this one shape.
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct RoleParties {
    pub role_id: &'static str,
    pub party_uuids: Vec<String>,
}

#[derive(Serialize, Clone)]
pub struct Prop {
    pub name: &'static str,
    pub value: String,
    pub ns: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

#[derive(Serialize)]
pub struct Link {
    pub href: String,
    pub rel: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Component {
    pub uuid: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    pub props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub responsible_roles: Vec<RoleParties>,
}

#[derive(Serialize)]
pub struct BackMatter {
    pub resources: Vec<Resource>,
}

#[derive(Serialize)]
pub struct Resource {
    pub uuid: String,
    pub title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rlinks: Vec<Rlink>,
}

#[derive(Serialize)]
pub struct Rlink {
    pub href: String,
}

/// Where `last-modified` comes from when no manifest zone is declared.
pub enum Clock {
    /// `SOURCE_DATE_EPOCH`, seconds since 1970 in UTC, as reproducible builds set it.
    SourceDateEpoch(i64),
    /// Nothing given: the newest stamp is read as UTC, and the remarks say so.
    None,
}

fn prop(name: &'static str, value: impl ToString) -> Prop {
    Prop {
        name,
        value: value.to_string(),
        ns: NS,
        class: None,
        group: None,
    }
}

/// A date with its stored precision as the class: `day`, `month` or `year`.
fn dated(name: &'static str, d: &PartialDate) -> Prop {
    let precision = match d {
        PartialDate::Year(_) => "year",
        PartialDate::Month(..) => "month",
        PartialDate::Day(_) => "day",
    };
    Prop {
        class: Some(precision.to_owned()),
        ..prop(name, d)
    }
}

/// The export of the selected entries of a catalog.
pub fn export(
    selected: &[Selected<'_>],
    manifest: Option<&Manifest>,
    title: &str,
    as_of: chrono::NaiveDate,
    clock: Clock,
) -> Document {
    let party = |name: &str| uuid(title, "party", name);
    let document_uuid = |id: &str| uuid(title, "document", id);

    let mut parties: Vec<Party> = Vec::new();
    let mut add_party = |name: &str| {
        let id = party(name);
        if !parties.iter().any(|p| p.uuid == id) {
            parties.push(Party {
                uuid: id.clone(),
                kind: "organization",
                name: name.to_owned(),
            });
        }
        id
    };
    let publisher = manifest.map(|m| add_party(&m.publisher));

    let components: Vec<Component> = selected
        .iter()
        .map(|s| component(s.entry, title, as_of, &mut add_party))
        .collect();

    // One resource per document the selected entries cite.
    let mut cited: Vec<&str> = selected
        .iter()
        .filter_map(|s| s.entry.source.as_ref().map(|r| r.document.as_str()))
        .collect();
    cited.sort_unstable();
    cited.dedup();
    let resources: Vec<Resource> = cited
        .iter()
        .map(|id| {
            let doc = manifest.and_then(|m| m.document(id));
            let mut props = vec![prop("document-id", id)];
            if let Some(d) = doc {
                props.push(prop("publisher", &d.publisher));
                props.extend(d.timezone.as_ref().map(|z| prop("timezone", z)));
            }
            Resource {
                uuid: document_uuid(id),
                title: doc.map_or_else(|| (*id).to_owned(), |d| d.title.clone()),
                props,
                rlinks: doc
                    .and_then(|d| d.url.clone())
                    .map(|href| Rlink { href })
                    .into_iter()
                    .collect(),
            }
        })
        .collect();

    // The newest stamp of the selection, and the zone it is in, where declared.
    let newest = selected
        .iter()
        .filter_map(|s| s.entry.source_updated.map(|u| (u, s.entry)))
        .max_by_key(|(u, _)| *u);
    let zone = newest.and_then(|(_, e)| {
        let doc = manifest?.document(&e.source.as_ref()?.document)?;
        doc.timezone.as_deref().and_then(offset_of)
    });
    let stamp: Option<NaiveDateTime> = newest.map(|(u, _)| u.date_time());
    let (last_modified, remarks) = match (zone, &clock, stamp) {
        (Some(offset), _, Some(t)) => (
            format!("{}{offset}", t.format("%Y-%m-%dT%H:%M:%S")),
            None,
        ),
        (_, Clock::SourceDateEpoch(secs), _) => (
            chrono::DateTime::from_timestamp(*secs, 0)
                .unwrap_or_default()
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string(),
            Some("last-modified is SOURCE_DATE_EPOCH, in UTC.".to_owned()),
        ),
        (None, Clock::None, Some(t)) => (
            t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            Some("The source documents' \"Last updated\" stamps state no time zone; last-modified is the newest of them, read as UTC.".to_owned()),
        ),
        (_, Clock::None, None) => (
            format!("{as_of}T00:00:00Z"),
            Some("No entry has a \"Last updated\" stamp; last-modified is the start of the day statuses are judged on, in UTC.".to_owned()),
        ),
    };
    let version = stamp.map_or_else(
        || as_of.to_string(),
        |t| t.format("%Y-%m-%d %H:%M:%S").to_string(),
    );

    let ids: Vec<&str> = selected.iter().map(|s| s.entry.id.as_str()).collect();
    Document {
        definition: ComponentDefinition {
            // The selection, not the day: the same entries keep the same document UUID.
            uuid: uuid(title, "component-definition", &ids.join(",")),
            metadata: Metadata {
                title: title.to_owned(),
                last_modified,
                version,
                oscal_version: OSCAL_VERSION,
                props: vec![prop("status-as-of", as_of)],
                roles: ROLES
                    .iter()
                    .map(|(id, title, description)| Role {
                        id,
                        title,
                        description,
                    })
                    .collect(),
                responsible_parties: publisher
                    .map(|p| RoleParties {
                        role_id: "publisher",
                        party_uuids: vec![p],
                    })
                    .into_iter()
                    .collect(),
                parties,
                remarks,
            },
            components,
            back_matter: (!resources.is_empty()).then_some(BackMatter { resources }),
        },
    }
}

/// The roles parties play: who publishes the catalog, who issues a certification
/// (or owns the scheme), who audits against it.
const ROLES: [(&str, &str, &str); 3] = [
    (
        "publisher",
        "Publisher",
        "Publishes the catalog's source documents.",
    ),
    (
        "issuer",
        "Issuer",
        "Issues the certification or owns the scheme.",
    ),
    ("auditor", "Auditor", "Performed the audit or assessment."),
];

/// `+08:00` for `UTC+08:00`, `Z` for `UTC`.
fn offset_of(zone: &str) -> Option<String> {
    if zone == "UTC" {
        return Some("Z".to_owned());
    }
    zone.strip_prefix("UTC").map(str::to_owned)
}

fn component(
    e: &Entry,
    catalog: &str,
    as_of: chrono::NaiveDate,
    add_party: &mut dyn FnMut(&str) -> String,
) -> Component {
    // Taken apart without `..`: a field added to the format does not compile until
    // the export maps it (README's table says where).
    let Entry {
        id,
        name,
        full_name,
        aliases,
        kind,
        status,
        issuer,
        auditor,
        jurisdictions,
        industries,
        scope,
        standards,
        achieved,
        valid_until,
        period,
        source_updated,
        evidence,
        summary,
        links,
        related_certifications,
        source,
    } = e;
    let now = status_as_of(e, as_of);
    let mut props = vec![prop("id", id), prop("kind", kind)];
    props.extend(full_name.as_ref().map(|v| prop("full-name", v)));
    props.extend(aliases.iter().map(|v| prop("alias", v)));
    props.extend(status.map(|v| prop("stated-status", v)));
    // As of the day in metadata's `status-as-of` prop.
    props.push(prop("status", now.status));
    props.extend(jurisdictions.iter().map(|v| prop("jurisdiction", v)));
    props.extend(industries.iter().map(|v| prop("industry", v)));
    props.extend(scope.level.as_ref().map(|v| prop("level", v)));
    props.extend(scope.data_centres.map(|v| prop("data-centres", v)));
    props.extend(scope.regions.iter().map(|r| Prop {
        class: Some(r.country.to_string()),
        ..prop("covered-region", &r.name)
    }));
    props.extend(scope.services.iter().map(|v| prop("service", v)));
    props.extend(standards.iter().map(|v| prop("standard", v)));
    props.extend(achieved.as_ref().map(|d| dated("achieved", d)));
    props.extend(valid_until.as_ref().map(|d| dated("valid-until", d)));
    if let Some(p) = period {
        props.push(dated("period-start", &p.start));
        props.push(dated("period-end", &p.end));
    }
    props.extend(source_updated.map(|u| prop("source-updated", u)));
    props.extend(
        related_certifications
            .iter()
            .map(|v| prop("related-certification", v)),
    );
    let mut out_links: Vec<Link> = links
        .iter()
        .map(|l| Link {
            href: l.to_string(),
            rel: "reference",
            text: None,
        })
        .collect();
    for (i, ev) in evidence.iter().enumerate() {
        let group = Some(format!("evidence-{}", i + 1));
        let item = |name, value: &dyn ToString| Prop {
            group: group.clone(),
            ..prop(name, value.to_string())
        };
        props.push(item("evidence-type", &ev.kind));
        props.extend(ev.title.as_ref().map(|v| item("evidence-title", v)));
        props.extend(ev.reference.as_ref().map(|v| item("evidence-reference", v)));
        props.extend(ev.access.iter().map(|v| item("evidence-access", v)));
        props.extend(ev.contact.as_ref().map(|v| item("evidence-contact", v)));
        out_links.extend(ev.url.as_ref().map(|u| Link {
            href: u.to_string(),
            rel: "evidence",
            text: Some(group.clone().unwrap_or_default()),
        }));
    }
    if let Some(s) = source {
        props.push(prop("source-section", &s.section));
        out_links.push(Link {
            href: format!("#{}", uuid(catalog, "document", &s.document)),
            rel: "reference",
            text: Some(s.section.clone()),
        });
    }
    let mut roles = Vec::new();
    for (role, party) in [("issuer", issuer), ("auditor", auditor)] {
        if let Some(name) = party {
            roles.push(RoleParties {
                role_id: role,
                party_uuids: vec![add_party(name)],
            });
        }
    }
    Component {
        uuid: uuid(catalog, "entry", id.as_str()),
        kind: "validation",
        title: name.clone(),
        description: summary.split_whitespace().collect::<Vec<_>>().join(" "),
        props,
        links: out_links,
        responsible_roles: roles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_5_and_stable() {
        let a = uuid("T", "entry", "c5");
        assert_eq!(a, uuid("T", "entry", "c5"));
        assert_ne!(a, uuid("T", "entry", "ospar"));
        assert_ne!(a, uuid("U", "entry", "c5"));
        let parsed = Uuid::parse_str(&a).unwrap();
        assert_eq!(parsed.get_version_num(), 5);
        // The documented namespace and name, spelled out (computed with Python's
        // uuid module), so a change to either is a visible one.
        assert_eq!(
            namespace().to_string(),
            "e2fcd20e-1c74-5421-a744-9f66e03990d1"
        );
        assert_eq!(a, "dea92d84-f0ee-5eb4-b826-fa84a1e546fe");
    }
}
