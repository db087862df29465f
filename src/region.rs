//! Countries, region groups and how a `--region` value matches an entry.
//!
//! Countries are ISO 3166-1 alpha-2 codes. The table below carries the common English
//! name first (what people type: `south korea`, `vietnam`) and the ISO or other names as
//! aliases. Groups are shorthands compliance teams use (`eu`, `sea`, `apac`, `americas`).

use std::fmt;
use std::str::FromStr;

use crate::model::Entry;

/// An ISO 3166-1 alpha-2 country code, stored lowercase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country([u8; 2]);

impl Country {
    /// The code, lowercase.
    pub fn code(&self) -> &str {
        // Both bytes are ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The common English name.
    pub fn name(&self) -> &'static str {
        COUNTRIES
            .binary_search_by(|(code, _, _)| code.as_bytes().cmp(&self.0[..]))
            .map(|i| COUNTRIES[i].1)
            .unwrap_or("")
    }

    /// Every known country, by code.
    pub fn all() -> impl Iterator<Item = Country> {
        COUNTRIES.iter().map(|(code, _, _)| Country::known(code))
    }

    /// Looks up an English country name (common, ISO or alias), case-insensitively.
    pub fn from_name(name: &str) -> Option<Country> {
        let wanted = name.trim();
        COUNTRIES
            .iter()
            .find(|(_, common, aliases)| {
                common.eq_ignore_ascii_case(wanted)
                    || aliases.iter().any(|a| a.eq_ignore_ascii_case(wanted))
            })
            .map(|(code, _, _)| Country::known(code))
    }

    const fn known(code: &str) -> Country {
        let b = code.as_bytes();
        Country([b[0], b[1]])
    }
}

impl FromStr for Country {
    type Err = String;
    /// Accepts exactly a lowercase code: data files are canonical. The CLI lowercases first.
    fn from_str(s: &str) -> Result<Self, String> {
        let b = s.as_bytes();
        let found = b.len() == 2
            && COUNTRIES
                .binary_search_by(|(code, _, _)| code.as_bytes().cmp(b))
                .is_ok();
        if found {
            Ok(Country([b[0], b[1]]))
        } else {
            Err(format!(
                "unknown country code `{s}`, expected a lowercase ISO 3166-1 alpha-2 code (e.g. `sg`, `de`)"
            ))
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
crate::model::string_scalar!(
    Country,
    "a lowercase ISO 3166-1 alpha-2 country code",
    crate::model::obj(&[(
        "enum",
        Country::all()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .into()
    )])
);

/// A named group of countries.
pub struct Group {
    pub name: &'static str,
    pub description: &'static str,
    pub members: &'static [Country],
}

const fn c(code: &str) -> Country {
    Country::known(code)
}

/// The 27 member states of the European Union.
pub const EU: &[Country] = &[
    c("at"),
    c("be"),
    c("bg"),
    c("cy"),
    c("cz"),
    c("de"),
    c("dk"),
    c("ee"),
    c("es"),
    c("fi"),
    c("fr"),
    c("gr"),
    c("hr"),
    c("hu"),
    c("ie"),
    c("it"),
    c("lt"),
    c("lu"),
    c("lv"),
    c("mt"),
    c("nl"),
    c("pl"),
    c("pt"),
    c("ro"),
    c("se"),
    c("si"),
    c("sk"),
];

/// The ten ASEAN member states.
const SEA: &[Country] = &[
    c("bn"),
    c("id"),
    c("kh"),
    c("la"),
    c("mm"),
    c("my"),
    c("ph"),
    c("sg"),
    c("th"),
    c("vn"),
];

const APAC: &[Country] = &[
    c("au"),
    c("bd"),
    c("bn"),
    c("bt"),
    c("cn"),
    c("fj"),
    c("hk"),
    c("id"),
    c("in"),
    c("jp"),
    c("kh"),
    c("kr"),
    c("la"),
    c("lk"),
    c("mm"),
    c("mn"),
    c("mo"),
    c("mv"),
    c("my"),
    c("np"),
    c("nz"),
    c("pg"),
    c("ph"),
    c("pk"),
    c("sg"),
    c("th"),
    c("tl"),
    c("tw"),
    c("vn"),
];

const AMERICAS: &[Country] = &[
    c("ar"),
    c("bo"),
    c("br"),
    c("bs"),
    c("bz"),
    c("ca"),
    c("cl"),
    c("co"),
    c("cr"),
    c("cu"),
    c("do"),
    c("ec"),
    c("gt"),
    c("gy"),
    c("hn"),
    c("ht"),
    c("jm"),
    c("mx"),
    c("ni"),
    c("pa"),
    c("pe"),
    c("pr"),
    c("py"),
    c("sr"),
    c("sv"),
    c("tt"),
    c("us"),
    c("uy"),
    c("ve"),
];

/// Region groups accepted by `--region`, besides `global`.
pub const GROUPS: &[Group] = &[
    Group {
        name: "eu",
        description: "European Union member states",
        members: EU,
    },
    Group {
        name: "sea",
        description: "Southeast Asia (ASEAN members)",
        members: SEA,
    },
    Group {
        name: "apac",
        description: "Asia-Pacific",
        members: APAC,
    },
    Group {
        name: "americas",
        description: "North, Central and South America",
        members: AMERICAS,
    },
];

/// What a `--region` value asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionQuery {
    /// Entries that apply everywhere.
    Global,
    /// Entries touching any of these countries (or applying everywhere). `label` is what
    /// the user typed, canonicalised, for messages.
    Countries {
        label: String,
        members: Vec<Country>,
    },
}

impl RegionQuery {
    /// True when the entry applies in the queried region. A `global` entry applies in
    /// every region, so `--region sg` lists it too; `--region global` lists only those.
    pub fn matches(&self, entry: &Entry) -> bool {
        if entry.is_global() {
            return true;
        }
        match self {
            RegionQuery::Global => false,
            RegionQuery::Countries { members, .. } => {
                entry.countries().any(|c| members.contains(&c))
            }
        }
    }

    /// The canonical spelling: `global`, a group name or a country code.
    pub fn label(&self) -> &str {
        match self {
            RegionQuery::Global => "global",
            RegionQuery::Countries { label, .. } => label,
        }
    }
}

impl FromStr for RegionQuery {
    type Err = String;
    /// Accepts a country code in any case, an English country name, a group or `global`.
    fn from_str(s: &str) -> Result<Self, String> {
        let lower = s.trim().to_ascii_lowercase();
        if lower == "global" {
            return Ok(RegionQuery::Global);
        }
        if let Some(g) = GROUPS.iter().find(|g| g.name == lower) {
            return Ok(RegionQuery::Countries {
                label: g.name.to_owned(),
                members: g.members.to_vec(),
            });
        }
        let country = lower
            .parse::<Country>()
            .ok()
            .or_else(|| Country::from_name(&lower));
        match country {
            Some(c) => Ok(RegionQuery::Countries {
                label: c.code().to_owned(),
                members: vec![c],
            }),
            None => Err(format!(
                "unknown region `{s}`, expected an ISO 3166-1 alpha-2 country code (`sg`), an English country name (`singapore`), a group ({}) or `global`; `certs regions` lists them",
                GROUPS
                    .iter()
                    .map(|g| format!("`{}`", g.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}

/// ISO 3166-1 alpha-2 codes, common English names and other names people use, sorted by code.
const COUNTRIES: &[(&str, &str, &[&str])] = &[
    ("ad", "Andorra", &[]),
    ("ae", "United Arab Emirates", &["UAE"]),
    ("af", "Afghanistan", &[]),
    ("ag", "Antigua and Barbuda", &[]),
    ("ai", "Anguilla", &[]),
    ("al", "Albania", &[]),
    ("am", "Armenia", &[]),
    ("ao", "Angola", &[]),
    ("aq", "Antarctica", &[]),
    ("ar", "Argentina", &[]),
    ("as", "American Samoa", &[]),
    ("at", "Austria", &[]),
    ("au", "Australia", &[]),
    ("aw", "Aruba", &[]),
    ("ax", "Åland Islands", &[]),
    ("az", "Azerbaijan", &[]),
    ("ba", "Bosnia and Herzegovina", &[]),
    ("bb", "Barbados", &[]),
    ("bd", "Bangladesh", &[]),
    ("be", "Belgium", &[]),
    ("bf", "Burkina Faso", &[]),
    ("bg", "Bulgaria", &[]),
    ("bh", "Bahrain", &[]),
    ("bi", "Burundi", &[]),
    ("bj", "Benin", &[]),
    ("bl", "Saint Barthélemy", &[]),
    ("bm", "Bermuda", &[]),
    ("bn", "Brunei", &["Brunei Darussalam"]),
    ("bo", "Bolivia", &["Bolivia (Plurinational State of)"]),
    ("bq", "Bonaire, Sint Eustatius and Saba", &[]),
    ("br", "Brazil", &[]),
    ("bs", "Bahamas", &[]),
    ("bt", "Bhutan", &[]),
    ("bv", "Bouvet Island", &[]),
    ("bw", "Botswana", &[]),
    ("by", "Belarus", &[]),
    ("bz", "Belize", &[]),
    ("ca", "Canada", &[]),
    ("cc", "Cocos (Keeling) Islands", &[]),
    (
        "cd",
        "Democratic Republic of the Congo",
        &["Congo (Democratic Republic of the)"],
    ),
    ("cf", "Central African Republic", &[]),
    ("cg", "Republic of the Congo", &["Congo"]),
    ("ch", "Switzerland", &[]),
    ("ci", "Côte d'Ivoire", &["Ivory Coast"]),
    ("ck", "Cook Islands", &[]),
    ("cl", "Chile", &[]),
    ("cm", "Cameroon", &[]),
    ("cn", "China", &["Mainland China", "PRC"]),
    ("co", "Colombia", &[]),
    ("cr", "Costa Rica", &[]),
    ("cu", "Cuba", &[]),
    ("cv", "Cabo Verde", &["Cape Verde"]),
    ("cw", "Curaçao", &[]),
    ("cx", "Christmas Island", &[]),
    ("cy", "Cyprus", &[]),
    ("cz", "Czechia", &["Czech Republic"]),
    ("de", "Germany", &[]),
    ("dj", "Djibouti", &[]),
    ("dk", "Denmark", &[]),
    ("dm", "Dominica", &[]),
    ("do", "Dominican Republic", &[]),
    ("dz", "Algeria", &[]),
    ("ec", "Ecuador", &[]),
    ("ee", "Estonia", &[]),
    ("eg", "Egypt", &[]),
    ("eh", "Western Sahara", &[]),
    ("er", "Eritrea", &[]),
    ("es", "Spain", &[]),
    ("et", "Ethiopia", &[]),
    ("fi", "Finland", &[]),
    ("fj", "Fiji", &[]),
    ("fk", "Falkland Islands", &["Falkland Islands (Malvinas)"]),
    ("fm", "Micronesia", &["Micronesia (Federated States of)"]),
    ("fo", "Faroe Islands", &[]),
    ("fr", "France", &[]),
    ("ga", "Gabon", &[]),
    (
        "gb",
        "United Kingdom",
        &[
            "United Kingdom of Great Britain and Northern Ireland",
            "UK",
            "Great Britain",
            "Britain",
            "England",
        ],
    ),
    ("gd", "Grenada", &[]),
    ("ge", "Georgia", &[]),
    ("gf", "French Guiana", &[]),
    ("gg", "Guernsey", &[]),
    ("gh", "Ghana", &[]),
    ("gi", "Gibraltar", &[]),
    ("gl", "Greenland", &[]),
    ("gm", "Gambia", &[]),
    ("gn", "Guinea", &[]),
    ("gp", "Guadeloupe", &[]),
    ("gq", "Equatorial Guinea", &[]),
    ("gr", "Greece", &[]),
    ("gs", "South Georgia and the South Sandwich Islands", &[]),
    ("gt", "Guatemala", &[]),
    ("gu", "Guam", &[]),
    ("gw", "Guinea-Bissau", &[]),
    ("gy", "Guyana", &[]),
    ("hk", "Hong Kong", &[]),
    ("hm", "Heard Island and McDonald Islands", &[]),
    ("hn", "Honduras", &[]),
    ("hr", "Croatia", &[]),
    ("ht", "Haiti", &[]),
    ("hu", "Hungary", &[]),
    ("id", "Indonesia", &[]),
    ("ie", "Ireland", &[]),
    ("il", "Israel", &[]),
    ("im", "Isle of Man", &[]),
    ("in", "India", &[]),
    ("io", "British Indian Ocean Territory", &[]),
    ("iq", "Iraq", &[]),
    ("ir", "Iran", &["Iran (Islamic Republic of)"]),
    ("is", "Iceland", &[]),
    ("it", "Italy", &[]),
    ("je", "Jersey", &[]),
    ("jm", "Jamaica", &[]),
    ("jo", "Jordan", &[]),
    ("jp", "Japan", &[]),
    ("ke", "Kenya", &[]),
    ("kg", "Kyrgyzstan", &[]),
    ("kh", "Cambodia", &[]),
    ("ki", "Kiribati", &[]),
    ("km", "Comoros", &[]),
    ("kn", "Saint Kitts and Nevis", &[]),
    (
        "kp",
        "North Korea",
        &["Korea (Democratic People's Republic of)"],
    ),
    (
        "kr",
        "South Korea",
        &["Korea (Republic of)", "Korea", "Republic of Korea"],
    ),
    ("kw", "Kuwait", &[]),
    ("ky", "Cayman Islands", &[]),
    ("kz", "Kazakhstan", &[]),
    ("la", "Laos", &["Lao People's Democratic Republic"]),
    ("lb", "Lebanon", &[]),
    ("lc", "Saint Lucia", &[]),
    ("li", "Liechtenstein", &[]),
    ("lk", "Sri Lanka", &[]),
    ("lr", "Liberia", &[]),
    ("ls", "Lesotho", &[]),
    ("lt", "Lithuania", &[]),
    ("lu", "Luxembourg", &[]),
    ("lv", "Latvia", &[]),
    ("ly", "Libya", &[]),
    ("ma", "Morocco", &[]),
    ("mc", "Monaco", &[]),
    ("md", "Moldova", &["Moldova (Republic of)"]),
    ("me", "Montenegro", &[]),
    ("mf", "Saint Martin", &["Saint Martin (French part)"]),
    ("mg", "Madagascar", &[]),
    ("mh", "Marshall Islands", &[]),
    (
        "mk",
        "North Macedonia",
        &["Macedonia (the former Yugoslav Republic of)", "Macedonia"],
    ),
    ("ml", "Mali", &[]),
    ("mm", "Myanmar", &[]),
    ("mn", "Mongolia", &[]),
    ("mo", "Macao", &["Macau"]),
    ("mp", "Northern Mariana Islands", &[]),
    ("mq", "Martinique", &[]),
    ("mr", "Mauritania", &[]),
    ("ms", "Montserrat", &[]),
    ("mt", "Malta", &[]),
    ("mu", "Mauritius", &[]),
    ("mv", "Maldives", &[]),
    ("mw", "Malawi", &[]),
    ("mx", "Mexico", &[]),
    ("my", "Malaysia", &[]),
    ("mz", "Mozambique", &[]),
    ("na", "Namibia", &[]),
    ("nc", "New Caledonia", &[]),
    ("ne", "Niger", &[]),
    ("nf", "Norfolk Island", &[]),
    ("ng", "Nigeria", &[]),
    ("ni", "Nicaragua", &[]),
    ("nl", "Netherlands", &["Holland"]),
    ("no", "Norway", &[]),
    ("np", "Nepal", &[]),
    ("nr", "Nauru", &[]),
    ("nu", "Niue", &[]),
    ("nz", "New Zealand", &[]),
    ("om", "Oman", &[]),
    ("pa", "Panama", &[]),
    ("pe", "Peru", &[]),
    ("pf", "French Polynesia", &[]),
    ("pg", "Papua New Guinea", &[]),
    ("ph", "Philippines", &[]),
    ("pk", "Pakistan", &[]),
    ("pl", "Poland", &[]),
    ("pm", "Saint Pierre and Miquelon", &[]),
    ("pn", "Pitcairn", &[]),
    ("pr", "Puerto Rico", &[]),
    ("ps", "Palestine", &["Palestine, State of"]),
    ("pt", "Portugal", &[]),
    ("pw", "Palau", &[]),
    ("py", "Paraguay", &[]),
    ("qa", "Qatar", &[]),
    ("re", "Réunion", &[]),
    ("ro", "Romania", &[]),
    ("rs", "Serbia", &[]),
    ("ru", "Russia", &["Russian Federation"]),
    ("rw", "Rwanda", &[]),
    ("sa", "Saudi Arabia", &[]),
    ("sb", "Solomon Islands", &[]),
    ("sc", "Seychelles", &[]),
    ("sd", "Sudan", &[]),
    ("se", "Sweden", &[]),
    ("sg", "Singapore", &[]),
    ("sh", "Saint Helena, Ascension and Tristan da Cunha", &[]),
    ("si", "Slovenia", &[]),
    ("sj", "Svalbard and Jan Mayen", &[]),
    ("sk", "Slovakia", &[]),
    ("sl", "Sierra Leone", &[]),
    ("sm", "San Marino", &[]),
    ("sn", "Senegal", &[]),
    ("so", "Somalia", &[]),
    ("sr", "Suriname", &[]),
    ("ss", "South Sudan", &[]),
    ("st", "Sao Tome and Principe", &[]),
    ("sv", "El Salvador", &[]),
    ("sx", "Sint Maarten", &["Sint Maarten (Dutch part)"]),
    ("sy", "Syria", &["Syrian Arab Republic"]),
    ("sz", "Eswatini", &["Swaziland"]),
    ("tc", "Turks and Caicos Islands", &[]),
    ("td", "Chad", &[]),
    ("tf", "French Southern Territories", &[]),
    ("tg", "Togo", &[]),
    ("th", "Thailand", &[]),
    ("tj", "Tajikistan", &[]),
    ("tk", "Tokelau", &[]),
    ("tl", "Timor-Leste", &["East Timor"]),
    ("tm", "Turkmenistan", &[]),
    ("tn", "Tunisia", &[]),
    ("to", "Tonga", &[]),
    ("tr", "Türkiye", &["Turkey"]),
    ("tt", "Trinidad and Tobago", &[]),
    ("tv", "Tuvalu", &[]),
    ("tw", "Taiwan", &["Taiwan, Province of China"]),
    ("tz", "Tanzania", &["Tanzania, United Republic of"]),
    ("ua", "Ukraine", &[]),
    ("ug", "Uganda", &[]),
    ("um", "United States Minor Outlying Islands", &[]),
    (
        "us",
        "United States",
        &["United States of America", "USA", "America"],
    ),
    ("uy", "Uruguay", &[]),
    ("uz", "Uzbekistan", &[]),
    ("va", "Vatican City", &["Holy See"]),
    ("vc", "Saint Vincent and the Grenadines", &[]),
    ("ve", "Venezuela", &["Venezuela (Bolivarian Republic of)"]),
    (
        "vg",
        "British Virgin Islands",
        &["Virgin Islands (British)"],
    ),
    ("vi", "U.S. Virgin Islands", &["Virgin Islands (U.S.)"]),
    ("vn", "Vietnam", &["Viet Nam"]),
    ("vu", "Vanuatu", &[]),
    ("wf", "Wallis and Futuna", &[]),
    ("ws", "Samoa", &[]),
    ("ye", "Yemen", &[]),
    ("yt", "Mayotte", &[]),
    ("za", "South Africa", &[]),
    ("zm", "Zambia", &[]),
    ("zw", "Zimbabwe", &[]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(COUNTRIES.len(), 249);
    }

    #[test]
    fn group_members_are_known_countries() {
        for g in GROUPS {
            for m in g.members {
                assert!(!m.name().is_empty(), "{} in {}", m.code(), g.name);
            }
        }
        assert_eq!(EU.len(), 27);
        assert_eq!(SEA.len(), 10);
    }

    #[test]
    fn region_values_people_type() {
        let code = |s: &str| match s.parse::<RegionQuery>().unwrap() {
            RegionQuery::Countries { label, .. } => label,
            RegionQuery::Global => "global".into(),
        };
        assert_eq!(code("SG"), "sg");
        assert_eq!(code("singapore"), "sg");
        assert_eq!(code("South Korea"), "kr");
        assert_eq!(code("korea"), "kr");
        assert_eq!(code("Germany"), "de");
        assert_eq!(code("EU"), "eu");
        assert_eq!(code("Global"), "global");
        let err = "atlantis".parse::<RegionQuery>().unwrap_err();
        assert!(err.contains("`atlantis`") && err.contains("`sea`"), "{err}");
    }

    #[test]
    fn an_eu_wide_entry_applies_in_each_member_state_and_global_everywhere() {
        let entry = |j: &str| -> Entry {
            serde_saphyr::from_str(&format!(
                "id: x\nname: X\nkind: audit\njurisdictions: [{j}]\nsummary: s\n"
            ))
            .unwrap()
        };
        let q = |s: &str| s.parse::<RegionQuery>().unwrap();
        let eu = entry("eu");
        assert!(q("de").matches(&eu) && q("france").matches(&eu) && q("eu").matches(&eu));
        assert!(!q("sg").matches(&eu) && !q("global").matches(&eu));
        let global = entry("global");
        assert!(q("sg").matches(&global) && q("global").matches(&global));
        let sg = entry("sg");
        assert!(q("sea").matches(&sg) && q("apac").matches(&sg) && !q("eu").matches(&sg));
        assert!(!q("global").matches(&sg));
    }

    #[test]
    fn country_codes_in_data_are_lowercase() {
        assert!("sg".parse::<Country>().is_ok());
        assert!("SG".parse::<Country>().is_err());
        assert!("xx".parse::<Country>().is_err());
        assert_eq!(
            Country::from_name("viet nam").map(|c| c.to_string()),
            Some("vn".into())
        );
    }
}
