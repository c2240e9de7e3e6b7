//! Which column holds which field: the header aliases of each file, and the matching rules.
//!
//! A header is normalised by keeping only its letters and digits, lower-cased, so case,
//! spaces, underscores, hyphens and punctuation never matter (`Manager_ID`, `manager id`
//! and `Manager-Id` are one header). Each field lists its aliases best first; when two
//! columns match one field the better alias wins and the other is shown as ignored; the
//! same header twice on a field is an error (which of the two is meant?).

use serde::Serialize;

/// What a value of a field is, for the checks that apply to it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Shape {
    /// Free text or an identifier: formula-looking values are worth a warning.
    Text,
    /// A boolean or enumerated word: parsed, never free text.
    Value,
    /// A number: a decimal comma is read in `;`-separated files.
    Number,
    /// A date: a spreadsheet's number cell is a date serial.
    Date,
}

/// One field a column can map to.
#[derive(Debug)]
pub(crate) struct FieldSpec {
    /// The canonical name: the header the exporter writes, and what the mapping shows.
    pub key: &'static str,
    /// Normalised aliases, best first.
    pub aliases: &'static [&'static str],
    pub shape: Shape,
    /// Headers to suggest when the field is required and missing.
    pub examples: &'static str,
}

const fn text(
    key: &'static str,
    aliases: &'static [&'static str],
    examples: &'static str,
) -> FieldSpec {
    FieldSpec {
        key,
        aliases,
        shape: Shape::Text,
        examples,
    }
}

const fn value(key: &'static str, aliases: &'static [&'static str]) -> FieldSpec {
    shaped(key, aliases, Shape::Value)
}

const fn number(key: &'static str, aliases: &'static [&'static str]) -> FieldSpec {
    shaped(key, aliases, Shape::Number)
}

const fn date(key: &'static str, aliases: &'static [&'static str]) -> FieldSpec {
    shaped(key, aliases, Shape::Date)
}

const fn shaped(key: &'static str, aliases: &'static [&'static str], shape: Shape) -> FieldSpec {
    FieldSpec {
        key,
        aliases,
        shape,
        examples: "",
    }
}

/// The files an import reads.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "lowercase")]
#[derive(ts_rs::TS)]
pub enum FileKind {
    People,
    Teams,
    Workstreams,
    Allocations,
    /// Level → annual cost of a full-time role.
    Bands,
    /// Team (`*`: the whole org) → annual budget.
    Budgets,
}

impl FileKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::People => "people",
            FileKind::Teams => "teams",
            FileKind::Workstreams => "workstreams",
            FileKind::Allocations => "allocations",
            FileKind::Bands => "bands",
            FileKind::Budgets => "budgets",
        }
    }

    pub(crate) const ALL: [FileKind; 6] = [
        FileKind::People,
        FileKind::Teams,
        FileKind::Workstreams,
        FileKind::Allocations,
        FileKind::Bands,
        FileKind::Budgets,
    ];

    /// Whether a workbook's sheet name says it holds this kind of file (matched like a
    /// header: letters and digits, ignoring case).
    pub(crate) fn sheet_matches(self, sheet: &str) -> bool {
        let names: &[&str] = match self {
            FileKind::People => &[
                "people",
                "person",
                "persons",
                "employees",
                "employee",
                "staff",
                "workers",
                "headcount",
                "roster",
                "directory",
                "orgchart",
                "org",
                "hierarchy",
                "census",
                "members",
                "teammembers",
            ],
            FileKind::Teams => &["teams", "team", "departments", "squads"],
            FileKind::Workstreams => &[
                "workstreams",
                "workstream",
                "projects",
                "project",
                "initiatives",
                "streams",
            ],
            FileKind::Allocations => &[
                "allocations",
                "allocation",
                "assignments",
                "staffing",
                "staffingplan",
            ],
            FileKind::Bands => &[
                "bands",
                "band",
                "salarybands",
                "paybands",
                "compensationbands",
                "levels",
                "grades",
            ],
            FileKind::Budgets => &["budgets", "budget", "teambudgets"],
        };
        names.contains(&normalise(sheet).as_str())
    }

    pub(crate) fn fields(self) -> &'static [FieldSpec] {
        match self {
            FileKind::People => PEOPLE,
            FileKind::Teams => TEAMS,
            FileKind::Workstreams => WORKSTREAMS,
            FileKind::Allocations => ALLOCATIONS,
            FileKind::Bands => BANDS,
            FileKind::Budgets => BUDGETS,
        }
    }
}

const DATE_START: &[&str] = &[
    "startdate",
    "hiredate",
    "start",
    "datehired",
    "hired",
    "joindate",
    "joineddate",
    "joiningdate",
    "dateofjoining",
    "employmentstartdate",
    "originalhiredate",
    "workstartdate",
    "from",
    "begin",
];
const DATE_END: &[&str] = &[
    "enddate",
    "terminationdate",
    "end",
    "leavedate",
    "leavingdate",
    "exitdate",
    "separationdate",
    "lastday",
    "lastdayofwork",
    "terminateddate",
    "contractenddate",
    "employmentenddate",
    "until",
    "to",
];

// Field positions in PEOPLE; the importer reads cells by these.
pub(crate) const P_ID: usize = 0;
pub(crate) const P_MANAGER: usize = 1;
pub(crate) const P_NAME: usize = 2;
pub(crate) const P_FIRST: usize = 3;
pub(crate) const P_LAST: usize = 4;
pub(crate) const P_TITLE: usize = 5;
pub(crate) const P_ROLE: usize = 6;
pub(crate) const P_TEAM: usize = 7;
pub(crate) const P_LEVEL: usize = 8;
pub(crate) const P_STATUS: usize = 9;
pub(crate) const P_START: usize = 10;
pub(crate) const P_END: usize = 11;
pub(crate) const P_FTE: usize = 12;
pub(crate) const P_LOCATION: usize = 13;
pub(crate) const P_EMAIL: usize = 14;
pub(crate) const P_ROLE_SINCE: usize = 15;
pub(crate) const P_ASSISTANT: usize = 16;
pub(crate) const P_DOTTED: usize = 17;
pub(crate) const P_RERAMP: usize = 18;
pub(crate) const P_COST: usize = 19;
pub(crate) const P_CURRENCY: usize = 20;

/// A person's annual cost, a band's and a budget's amount: how HR exports name it.
const COST: &[&str] = &[
    "cost",
    "annualcost",
    "totalcost",
    "salary",
    "basesalary",
    "compensation",
    "annualsalary",
    "totalcompensation",
    "fullyloadedcost",
    "loadedcost",
];
const CURRENCY: &[&str] = &["currency", "currencycode", "salarycurrency", "paycurrency"];

static PEOPLE: &[FieldSpec] = &[
    text(
        "id",
        &[
            "id",
            "personid",
            "employeeid",
            "employeenumber",
            "employeeno",
            "empid",
            "empno",
            "staffid",
            "staffnumber",
            "workerid",
            "employeeidincompany",
            "userid",
            "uid",
            "nodeid",
            "key",
        ],
        "id, PersonID, Employee ID (or Work Email when there is no id column)",
    ),
    text(
        "manager_id",
        &[
            "managerid",
            "supervisoreid",
            "reportstoidincompany",
            "supervisorworkerid",
            "manager",
            "parentid",
            "parent",
            "pid",
            "supervisorid",
            "supervisor",
            "reportsto",
            "reportstoid",
            "linemanagerid",
            "linemanager",
            "manageremployeeid",
            "managerempid",
            "bossid",
            "boss",
            "workreportsto",
            "manageremail",
            "managerworkemail",
            "supervisoremail",
            "reportstoemail",
        ],
        "",
    ),
    text(
        "name",
        &[
            "name",
            "fullname",
            "displayname",
            "employeename",
            "personname",
            "preferredfullname",
            "legalname",
            "legalfullname",
            "workername",
        ],
        "name, Full Name, Display Name, or First Name and Last Name",
    ),
    text(
        "first_name",
        &[
            "firstname",
            "givenname",
            "first",
            "forename",
            "legalfirstname",
            "preferredfirstname",
        ],
        "",
    ),
    text(
        "last_name",
        &["lastname", "surname", "familyname", "last", "legallastname"],
        "",
    ),
    text(
        "title",
        &[
            "title",
            "jobtitle",
            "position",
            "positiontitle",
            "businesstitle",
            "designation",
            "job",
            "worktitle",
            "jobprofile",
        ],
        "",
    ),
    value("role", &["role", "roletype"]),
    text(
        "team",
        &[
            "team",
            "teamname",
            "department",
            "departmentname",
            "dept",
            "deptname",
            "squad",
            "group",
            "groupname",
            "workdepartment",
            "supervisoryorganization",
            "primarysupervisoryorganization",
        ],
        "",
    ),
    text(
        "level",
        &[
            "level",
            "grade",
            "joblevel",
            "band",
            "careerlevel",
            "paygrade",
            "managementlevel",
        ],
        "",
    ),
    value(
        "status",
        &[
            "status",
            "employmentstatus",
            "employeestatus",
            "positionstatus",
            "seatstatus",
        ],
    ),
    date("start_date", DATE_START),
    date("end_date", DATE_END),
    number(
        "fte",
        &["fte", "fulltimeequivalent", "ftepercent", "ftepercentage"],
    ),
    text(
        "location",
        &[
            "location",
            "office",
            "officelocation",
            "worklocation",
            "site",
            "city",
            "worksite",
            "workaddress",
            "primaryworklocation",
        ],
        "",
    ),
    text(
        "email",
        &[
            "email",
            "workemail",
            "emailaddress",
            "workemailaddress",
            "businessemail",
            "companyemail",
            "mail",
            "primaryworkemail",
        ],
        "",
    ),
    date(
        "role_since",
        &[
            "rolesince",
            "inrolesince",
            "rolestartdate",
            "currentrolesince",
            "currentrolestartdate",
            "positionstartdate",
        ],
    ),
    value("assistant", &["assistant", "isassistant"]),
    text(
        "dotted_managers",
        &[
            "dottedmanagers",
            "dottedmanager",
            "dottedline",
            "dottedlines",
            "dottedlinemanager",
            "dottedlinemanagers",
            "dottedlinemanagerid",
            "secondarymanager",
            "secondarymanagers",
            "secondarymanagerid",
            "matrixmanager",
        ],
        "",
    ),
    date("reramp_from", &["rerampfrom", "backtoicsince"]),
    number("cost", COST),
    value("currency", CURRENCY),
];

pub(crate) const B_LEVEL: usize = 0;
pub(crate) const B_COST: usize = 1;
pub(crate) const B_CURRENCY: usize = 2;

static BANDS: &[FieldSpec] = &[
    text(
        "level",
        &[
            "level",
            "grade",
            "band",
            "joblevel",
            "paygrade",
            "careerlevel",
        ],
        "level, Grade, Band",
    ),
    FieldSpec {
        key: "annual_cost",
        aliases: &[
            "annualcost",
            "cost",
            "amount",
            "salary",
            "annualsalary",
            "bandcost",
            "totalcost",
            "compensation",
        ],
        shape: Shape::Number,
        examples: "annual_cost, Annual Cost, Salary",
    },
    value("currency", CURRENCY),
];

pub(crate) const G_TEAM: usize = 0;
pub(crate) const G_BUDGET: usize = 1;
pub(crate) const G_CURRENCY: usize = 2;

static BUDGETS: &[FieldSpec] = &[
    text(
        "team",
        &["team", "teamname", "name", "teamid", "department"],
        "team, Team Name (* for the whole org)",
    ),
    FieldSpec {
        key: "annual_budget",
        aliases: &[
            "annualbudget",
            "budget",
            "amount",
            "annualamount",
            "budgetamount",
        ],
        shape: Shape::Number,
        examples: "annual_budget, Budget",
    },
    value("currency", CURRENCY),
];

pub(crate) const T_NAME: usize = 0;
pub(crate) const T_LEAD: usize = 1;
pub(crate) const T_TYPE: usize = 2;

static TEAMS: &[FieldSpec] = &[
    text(
        "name",
        &["name", "team", "teamname", "id", "teamid"],
        "name, Team, Team Name",
    ),
    text(
        "lead",
        &[
            "lead",
            "leadid",
            "teamlead",
            "teamleadid",
            "leademail",
            "manager",
            "managerid",
            "owner",
        ],
        "",
    ),
    value(
        "type",
        &["type", "kind", "teamtype", "teamkind", "topology"],
    ),
];

pub(crate) const W_ID: usize = 0;
pub(crate) const W_NAME: usize = 1;
pub(crate) const W_TEAM: usize = 2;
pub(crate) const W_REQUIRED: usize = 3;
pub(crate) const W_KIND: usize = 4;
pub(crate) const W_START: usize = 5;
pub(crate) const W_END: usize = 6;
pub(crate) const W_PRIORITY: usize = 7;

static WORKSTREAMS: &[FieldSpec] = &[
    text(
        "id",
        &[
            "id",
            "workstreamid",
            "wsid",
            "streamid",
            "projectid",
            "projectkey",
            "key",
            "code",
        ],
        "id, Workstream ID, Project ID",
    ),
    text(
        "name",
        &[
            "name",
            "workstreamname",
            "workstream",
            "projectname",
            "project",
            "title",
        ],
        "",
    ),
    text(
        "team",
        &[
            "team",
            "teamname",
            "owningteam",
            "ownerteam",
            "owner",
            "department",
        ],
        "",
    ),
    number(
        "required_fte",
        &[
            "requiredfte",
            "fterequired",
            "required",
            "neededfte",
            "fteneeded",
            "demandfte",
            "demand",
            "targetfte",
            "fte",
        ],
    ),
    value(
        "kind",
        &[
            "kind",
            "type",
            "workstreamkind",
            "workstreamtype",
            "category",
        ],
    ),
    date("start_date", DATE_START),
    date("end_date", DATE_END),
    text("priority", &["priority", "prio", "rank"], ""),
];

pub(crate) const A_PERSON: usize = 0;
pub(crate) const A_WORKSTREAM: usize = 1;
pub(crate) const A_PERCENT: usize = 2;
pub(crate) const A_START: usize = 3;
pub(crate) const A_END: usize = 4;

static ALLOCATIONS: &[FieldSpec] = &[
    text(
        "person",
        &[
            "person",
            "personid",
            "employee",
            "employeeid",
            "employeenumber",
            "empid",
            "staffid",
            "email",
            "workemail",
            "personemail",
            "employeeemail",
        ],
        "person, Person ID, Employee ID, Work Email",
    ),
    text(
        "workstream",
        &[
            "workstream",
            "workstreamid",
            "ws",
            "wsid",
            "stream",
            "project",
            "projectid",
        ],
        "workstream, Workstream ID, Project",
    ),
    number(
        "percent",
        &[
            "percent",
            "percentage",
            "pct",
            "allocation",
            "allocationpercent",
            "allocationpct",
            "share",
            "effort",
            "time",
            "percentoftime",
        ],
    ),
    date("start_date", DATE_START),
    date("end_date", DATE_END),
];

/// Letters and digits of a header, lower-cased; `#` reads as "number" (BambooHR's
/// `Employee #` is `employeenumber`).
pub(crate) fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.chars() {
        if c == '#' {
            out.push_str("number");
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// How one column of a file was read.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, ts_rs::TS)]
pub struct ColumnMapping {
    /// 1-based column number.
    pub column: u64,
    /// The header as written in the file.
    pub header: String,
    /// The field it fills (the canonical header, e.g. `manager_id`), or `None` when ignored.
    pub field: Option<&'static str>,
    /// Why a column is ignored or read in a special way, when that is not obvious.
    pub note: Option<String>,
}

/// How one file's columns were read: what the import preview shows.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, ts_rs::TS)]
pub struct FileMapping {
    /// The file name as the caller gave it.
    pub file: String,
    pub kind: FileKind,
    /// How the file was read: "CSV, comma-separated", "Excel workbook (.xlsx)", …
    pub format: String,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// Every sheet of the workbook, in order (empty for CSV), to pick another one.
    pub sheets: Vec<String>,
    /// The row holding the header (below any title rows and blank lines); `None` for an
    /// empty file.
    pub header_row: Option<u64>,
    /// Data rows read (blank rows not counted).
    pub records: u64,
    pub columns: Vec<ColumnMapping>,
}

/// The result of matching a header row against a file's fields.
#[derive(Debug)]
pub(crate) struct Matched {
    /// For each field of the file, the 0-based column that fills it.
    pub field_column: Vec<Option<usize>>,
    pub columns: Vec<ColumnMapping>,
    /// (column index, message) for headers that name a field twice.
    pub duplicates: Vec<(usize, String)>,
}

/// Matches headers to fields. Pure: problems come back as data.
pub(crate) fn match_headers(kind: FileKind, headers: &[&str]) -> Matched {
    let fields = kind.fields();
    // (alias rank, column) of the best column per field so far
    let mut best: Vec<Option<(usize, usize)>> = vec![None; fields.len()];
    let mut column_field: Vec<Option<usize>> = vec![None; headers.len()];
    let mut notes: Vec<Option<String>> = vec![None; headers.len()];
    let mut duplicates = Vec::new();
    for (c, header) in headers.iter().enumerate() {
        let norm = normalise(header);
        if norm.is_empty() {
            continue;
        }
        let found = fields
            .iter()
            .enumerate()
            .filter_map(|(f, spec)| {
                spec.aliases
                    .iter()
                    .position(|a| *a == norm)
                    .map(|rank| (f, rank))
            })
            .min_by_key(|&(_, rank)| rank);
        let Some((f, rank)) = found else { continue };
        let Some(slot) = best.get_mut(f) else {
            continue;
        };
        let key = fields.get(f).map_or("", |s| s.key);
        match *slot {
            None => {
                *slot = Some((rank, c));
                if let Some(cf) = column_field.get_mut(c) {
                    *cf = Some(f);
                }
            }
            Some((old_rank, old_c)) if old_rank == rank => {
                duplicates.push((
                    c,
                    format!(
                        "column {} repeats the header of column {} ({key}); which one holds {key}? \
                         rename or remove one of them",
                        c + 1,
                        old_c + 1
                    ),
                ));
                if let Some(n) = notes.get_mut(c) {
                    *n = Some(format!("repeats column {}", old_c + 1));
                }
            }
            Some((old_rank, old_c)) if rank < old_rank => {
                *slot = Some((rank, c));
                if let Some(cf) = column_field.get_mut(c) {
                    *cf = Some(f);
                }
                if let Some(cf) = column_field.get_mut(old_c) {
                    *cf = None;
                }
                if let Some(n) = notes.get_mut(old_c) {
                    *n = Some(format!("also matches {key}; column {} is used", c + 1));
                }
            }
            Some((_, old_c)) => {
                if let Some(n) = notes.get_mut(c) {
                    *n = Some(format!("also matches {key}; column {} is used", old_c + 1));
                }
            }
        }
    }
    let columns = headers
        .iter()
        .enumerate()
        .map(|(c, header)| ColumnMapping {
            column: c as u64 + 1,
            header: header.to_string(),
            field: column_field
                .get(c)
                .copied()
                .flatten()
                .and_then(|f| fields.get(f))
                .map(|s| s.key),
            note: notes.get(c).cloned().flatten(),
        })
        .collect();
    Matched {
        field_column: best.into_iter().map(|b| b.map(|(_, c)| c)).collect(),
        columns,
        duplicates,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields_of(kind: FileKind, headers: &[&str]) -> Vec<Option<&'static str>> {
        match_headers(kind, headers)
            .columns
            .into_iter()
            .map(|c| c.field)
            .collect()
    }

    #[test]
    fn matches_the_layouts_of_hr_tools() {
        assert_eq!(
            fields_of(FileKind::People, &["id", "parentId", "name", "lastName"]),
            vec![
                Some("id"),
                Some("manager_id"),
                Some("name"),
                Some("last_name")
            ]
        );
        assert_eq!(
            fields_of(FileKind::People, &["PersonID", "SupervisorID", "Job Title"]),
            vec![Some("id"), Some("manager_id"), Some("title")]
        );
        assert_eq!(
            fields_of(
                FileKind::People,
                &["Work Email", "Manager Email", "First_Name", "LAST-NAME"]
            ),
            vec![
                Some("email"),
                Some("manager_id"),
                Some("first_name"),
                Some("last_name")
            ]
        );
        assert_eq!(
            fields_of(
                FileKind::People,
                &["Employee ID", "Reports To", "Hire Date", "Phone"]
            ),
            vec![Some("id"), Some("manager_id"), Some("start_date"), None]
        );
    }

    #[test]
    fn better_alias_wins_and_repeats_are_reported() {
        let m = match_headers(FileKind::People, &["Manager Email", "id", "Manager ID"]);
        assert_eq!(m.field_column.get(P_MANAGER).copied().flatten(), Some(2));
        assert_eq!(m.columns.first().and_then(|c| c.field), None);
        assert!(m.duplicates.is_empty());
        let m = match_headers(FileKind::People, &["id", "Name", "name "]);
        assert_eq!(
            m.duplicates.iter().map(|d| d.0).collect::<Vec<_>>(),
            vec![2]
        );
    }
}
