//! Pay files (`docs/model.md`, "Cost"): bands (`level,annual_cost`) and budgets
//! (`team,annual_budget`, team `*` for the whole org), and the one currency a document
//! holds: every `currency` column of every file must name the same ISO 4217 code.

use pendulum_core::cost::WHOLE_ORG;
use pendulum_core::{Band, Budget, Currency, Money, TeamId};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::columns::{B_COST, B_CURRENCY, B_LEVEL, FileKind, G_BUDGET, G_CURRENCY, G_TEAM};
use crate::headers::FileMapping;
use crate::problem::{ImportProblem, Problems};
use crate::source::Source;
use crate::table::{Row, read_file};

/// The currency cells of one file, with their rows.
pub(crate) type Currencies = Vec<(Currency, u64)>;

/// A currency cell, refusing anything but an ISO 4217 code.
pub(crate) fn currency(text: &str) -> Result<Currency, String> {
    Currency::parse(text).ok_or_else(|| {
        format!("{text:?} is not an ISO 4217 currency code (such as EUR, USD, GBP, JPY)")
    })
}

/// An amount cell: a person's cost, a band or a budget.
pub(crate) fn amount(text: &str) -> Result<Money, String> {
    Money::parse(text)
}

fn amount_cell(row: &Row<'_>, field: usize, what: &str, problems: &mut Problems) -> Option<Money> {
    if row.is_bad(field) {
        return None;
    }
    if row.filled(field).is_none() {
        problems.error(row.problem(field, format!("the {what} is empty")));
        return None;
    }
    row.parse(field, problems, amount)
}

/// Bands in file order, their rows and the currency cells.
pub(crate) fn read_bands(
    source: Source<'_>,
    problems: &mut Problems,
    mappings: &mut Vec<FileMapping>,
) -> (Vec<Band>, Vec<u64>, Currencies) {
    let (mut bands, mut rows, mut currencies) = (Vec::new(), Vec::new(), Vec::new());
    let mut first_row: FxHashMap<String, u64> = FxHashMap::default();
    let (mapping, _) = read_file(
        source,
        FileKind::Bands,
        &[&[B_LEVEL], &[B_COST]],
        problems,
        |row, problems| {
            if let Some(c) = row.parse(B_CURRENCY, problems, currency) {
                currencies.push((c, row.row));
            }
            if row.is_bad(B_LEVEL) {
                return;
            }
            let Some(level) = row.filled(B_LEVEL) else {
                problems.error(row.problem(B_LEVEL, "the level is empty".into()));
                return;
            };
            let key = level.trim().to_lowercase();
            if let Some(&first) = first_row.get(&key) {
                problems.error(row.problem(
                    B_LEVEL,
                    format!("level {level:?} has a band already in row {first} (levels match ignoring case)"),
                ));
                return;
            }
            first_row.insert(key, row.row);
            if let Some(annual_cost) = amount_cell(row, B_COST, "annual cost", problems) {
                bands.push(Band {
                    level: level.to_string(),
                    annual_cost,
                });
                rows.push(row.row);
            }
        },
    );
    mappings.push(mapping);
    (bands, rows, currencies)
}

/// Budgets in file order, their rows and the currency cells. A team must be one the org
/// names (people, workstreams or a teams file), or `*` for the whole org.
pub(crate) fn read_budgets(
    source: Source<'_>,
    teams: &FxHashSet<String>,
    problems: &mut Problems,
    mappings: &mut Vec<FileMapping>,
) -> (Vec<Budget>, Vec<u64>, Currencies) {
    let (mut budgets, mut rows, mut currencies) = (Vec::new(), Vec::new(), Vec::new());
    let mut first_row: FxHashMap<String, u64> = FxHashMap::default();
    let (mapping, _) = read_file(
        source,
        FileKind::Budgets,
        &[&[G_TEAM], &[G_BUDGET]],
        problems,
        |row, problems| {
            if let Some(c) = row.parse(G_CURRENCY, problems, currency) {
                currencies.push((c, row.row));
            }
            if row.is_bad(G_TEAM) {
                return;
            }
            let Some(team) = row.filled(G_TEAM) else {
                problems.error(row.problem(
                    G_TEAM,
                    format!("the team is empty (use {WHOLE_ORG:?} for the whole org)"),
                ));
                return;
            };
            if team != WHOLE_ORG && !teams.contains(team) {
                problems.error(row.problem(
                    G_TEAM,
                    format!(
                        "no person or workstream is in team {team:?}; name a team of the org, or {WHOLE_ORG:?} for the whole org"
                    ),
                ));
                return;
            }
            if let Some(&first) = first_row.get(team) {
                problems.error(row.problem(
                    G_TEAM,
                    format!("team {team:?} has a budget already in row {first}"),
                ));
                return;
            }
            first_row.insert(team.to_string(), row.row);
            if let Some(annual_budget) = amount_cell(row, G_BUDGET, "annual budget", problems) {
                budgets.push(Budget {
                    team: TeamId::from(team),
                    annual_budget,
                });
                rows.push(row.row);
            }
        },
    );
    mappings.push(mapping);
    (budgets, rows, currencies)
}

/// The one currency of a file's `currency` column, or an error naming the rows of each
/// currency when it holds several.
pub(crate) fn one_currency(
    source: Source<'_>,
    sheet: Option<&str>,
    currencies: &Currencies,
    problems: &mut Problems,
) -> Option<Currency> {
    let mut by_code: Vec<(Currency, Vec<u64>)> = Vec::new();
    for (c, row) in currencies {
        match by_code.iter_mut().find(|(x, _)| x == c) {
            Some((_, rows)) => rows.push(*row),
            None => by_code.push((c.clone(), vec![*row])),
        }
    }
    if by_code.len() > 1 {
        let listed: Vec<String> = by_code
            .iter()
            .map(|(c, rows)| format!("{c} in {}", row_list(rows)))
            .collect();
        problems.error(ImportProblem::whole(
            source.name,
            sheet,
            format!(
                "the currency column mixes currencies: {}. A document holds one currency: convert the amounts to one, or import each currency's people apart",
                listed.join("; ")
            ),
        ));
        return None;
    }
    by_code.into_iter().next().map(|(c, _)| c)
}

/// The document's currency from each file's own: all that name one must agree.
pub(crate) fn agree(
    found: &[(Source<'_>, Option<&str>, Option<Currency>)],
    problems: &mut Problems,
) -> Option<Currency> {
    let mut first: Option<(&str, Currency)> = None;
    for (source, sheet, currency) in found {
        let Some(c) = currency else { continue };
        match &first {
            None => first = Some((source.name, c.clone())),
            Some((name, f)) if f != c => {
                problems.error(ImportProblem::whole(
                    source.name,
                    *sheet,
                    format!(
                        "its amounts are in {c} but {name}'s are in {f}; a document holds one currency"
                    ),
                ));
                return None;
            }
            Some(_) => {}
        }
    }
    first.map(|(_, c)| c)
}

/// "rows 2–5, 9, 12–14", at most twelve runs shown.
fn row_list(rows: &[u64]) -> String {
    let mut runs: Vec<(u64, u64)> = Vec::new();
    for &r in rows {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == r => *end = r,
            _ => runs.push((r, r)),
        }
    }
    let shown: Vec<String> = runs
        .iter()
        .take(12)
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    let more = if runs.len() > 12 { ", …" } else { "" };
    let word = if rows.len() == 1 { "row" } else { "rows" };
    format!("{word} {}{more}", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use super::row_list;

    #[test]
    fn rows_are_listed_as_runs() {
        assert_eq!(row_list(&[4]), "row 4");
        assert_eq!(row_list(&[2, 3, 4, 5, 9, 12, 13]), "rows 2–5, 9, 12–13");
        let many: Vec<u64> = (0..40).map(|k| k * 2).collect();
        assert!(row_list(&many).ends_with(", …"));
    }
}
