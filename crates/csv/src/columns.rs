//! Which column holds which field: the header aliases of each file (matching them is `headers.rs`).
//!
//! A header is normalised by keeping only its letters and digits, lower-cased, so case,
//! spaces, underscores, hyphens and punctuation never matter (`Manager_ID`, `manager id`
//! and `Manager-Id` are one header). Each field lists its aliases best first; when two
//! columns match one field the better alias wins and the other is shown as ignored; the
//! same header twice on a field is an error (which of the two is meant?).

use serde::Serialize;

use crate::headers::normalise;

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
