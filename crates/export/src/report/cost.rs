//! The "Cost" page, printed only when the user asked for pay: the run-rate by team against
//! budgets, a scenario's waterfall (before → joined → left → changed → after) as a chart,
//! and the fiscal year month by month. Figures come from core (`CostStats`, `CostDiff`,
//! `Projection`); amounts are printed exactly, to the cent.

use pendulum_core::rules::num;
use pendulum_core::{CostDiff, CostStats, Currency, Money, Projection, RuleConfig, Snapshot};

use crate::CostSection;
use crate::marks::{
    ACCENT, ACCENT_SOFT, Align, ERROR, ERROR_SOFT, INK, INK_2, INK_3, Mark, RULE, Rgb, WARNING,
};
use crate::text::clean;

use super::scope::Scope;
use super::tiles::tile_grid;
use super::typeset::{Doc, MARGIN, Row, cell, col};
use super::words::{count, long_date};

/// A cost going down: the green of the team palette.
const SAVING: Rgb = Rgb(0x3a, 0x9a, 0x6b);

/// The cost section, when the scope's view carries pay data; returns its first page.
pub(super) fn cost_pages(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    config: &RuleConfig,
    scope: &Scope,
    section: &CostSection<'_>,
    waterfall: Option<(&str, &str, &CostDiff)>,
) -> Option<usize> {
    let st = CostStats::of_people(snap, &scope.people)?;
    let cur = st.currency.as_ref();
    let money = |m: Money| m.display(cur);
    let at = doc.start_page(
        "Cost",
        "Run-rate and budgets",
        &format!(
            "Annual cost of the people present on {}{}{}",
            long_date(snap.as_of()),
            cur.map_or_else(String::new, |c| format!(", in {}", c.code())),
            if scope.whole {
                ""
            } else {
                " (the people in this report; budgets are whole teams')"
            }
        ),
    );
    let over: Vec<&String> = st
        .by_team
        .keys()
        .filter(|t| is_over(st.by_team[*t], st.budgets.get(*t).copied(), config))
        .collect();
    let org_budget = st.budgets.get(pendulum_core::cost::WHOLE_ORG).copied();
    let tiles: [(String, &str, Rgb); 4] = [
        (money(st.annual), "annual run-rate", INK),
        (
            count(st.unknown),
            "of unknown cost (0 in sums)",
            if st.unknown > 0 { WARNING } else { INK },
        ),
        (
            org_budget.map_or_else(|| "—".to_owned(), money),
            "whole-org budget",
            if is_over(st.annual, org_budget, config) {
                ERROR
            } else {
                INK
            },
        ),
        (
            count(over.len() as u64),
            "teams over budget",
            if over.is_empty() { INK } else { ERROR },
        ),
    ];
    let width = doc.width();
    let mut marks = Vec::new();
    let y = doc.y + 4.0;
    let used = tile_grid(&mut marks, y, width, 4, &tiles);
    doc.pages[at].extend(marks);
    doc.y = y + used + 10.0;

    doc.heading("By team");
    let mut rows: Vec<Row> = st
        .by_team
        .iter()
        .map(|(team, &annual)| {
            let unknown = st.unknown_by_team.get(team).copied().unwrap_or(0);
            budget_row(
                team,
                annual,
                st.budgets.get(team).copied(),
                unknown,
                config,
                cur,
            )
        })
        .collect();
    if let Some(b) = org_budget {
        rows.push(budget_row(
            "Whole org",
            st.annual,
            Some(b),
            st.unknown,
            config,
            cur,
        ));
    }
    doc.table(
        &[
            col("Team", 0.3, Align::Start, true),
            col("Run-rate", 0.2, Align::End, false),
            col("Budget", 0.2, Align::End, false),
            col("Against budget", 0.18, Align::End, false),
            col("Unknown", 0.12, Align::End, false),
        ],
        rows,
    );
    doc.note(&format!(
        "A person costs their own annual cost, else their level's band × FTE; open roles count from their start date; unknown costs count 0. Red: over budget by more than the tolerance ({}%).",
        num(config.budget_tolerance)
    ));

    if let Some((name, against, d)) = waterfall {
        doc.heading(&format!(
            "Scenario “{}” against {}: how the run-rate moves",
            clean(name),
            clean(against)
        ));
        doc.ensure(150.0);
        let mut marks = Vec::new();
        let used = waterfall_chart(&mut marks, doc.y + 4.0, width, d);
        let page = doc.pages.len() - 1;
        doc.pages[page].extend(marks);
        doc.y += used + 8.0;
        doc.note(&format!(
            "{} + joined {} − left {} + changed {} = {}, to the cent.{}",
            money(d.before),
            money(d.joined),
            money(d.left),
            money(d.changed),
            money(d.after),
            if d.unknown_before + d.unknown_after > 0 {
                format!(
                    " Unknown costs (0 here): {} before, {} after.",
                    d.unknown_before, d.unknown_after
                )
            } else {
                String::new()
            }
        ));
    }

    if let Some(p) = section.projection {
        projection_block(doc, p, section.projection_before, scope.whole);
    }
    Some(at)
}

/// Over budget by more than the tolerance, as the `over-budget` rule judges it.
fn is_over(annual: Money, budget: Option<Money>, config: &RuleConfig) -> bool {
    budget.is_some_and(|b| {
        annual.cents() as f64 > b.cents() as f64 * (1.0 + config.budget_tolerance / 100.0)
    })
}

fn budget_row(
    team: &str,
    annual: Money,
    budget: Option<Money>,
    unknown: u32,
    config: &RuleConfig,
    cur: Option<&Currency>,
) -> Row {
    let over = is_over(annual, budget, config);
    let against = match budget {
        None => cell("no budget").colour(INK_3),
        Some(b) if b.cents() == 0 => cell(if annual > b { "over" } else { "on budget" }),
        Some(b) => {
            let pct = (annual.cents() - b.cents()) as f64 * 100.0 / b.cents() as f64;
            let text = if pct > 0.0 {
                format!("{}% over", num(pct))
            } else if pct < 0.0 {
                format!("{}% under", num(-pct))
            } else {
                "on budget".to_owned()
            };
            if over {
                cell(text).colour(ERROR).bold()
            } else {
                cell(text)
            }
        }
    };
    Row::Cells {
        cells: vec![
            cell(clean(team)).bold(),
            cell(annual.display(cur)),
            cell(budget.map_or_else(|| "—".to_owned(), |b| b.display(cur))),
            against,
            if unknown > 0 {
                cell(count(unknown)).colour(WARNING)
            } else {
                cell("—").colour(INK_3)
            },
        ],
        fill: over.then_some(ERROR_SOFT),
    }
}

/// Before, joined, left, changed and after as floating bars from a zero line; returns the
/// height used.
fn waterfall_chart(marks: &mut Vec<Mark>, y: f64, width: f64, d: &CostDiff) -> f64 {
    let cur = d.currency.as_ref();
    let after_joined = d.before + d.joined;
    let after_left = after_joined - d.left;
    // (label, from, to, colour): each step runs from the level the last one left.
    let steps: [(&str, Money, Money, Rgb); 5] = [
        ("Before", Money::ZERO, d.before, ACCENT),
        ("Joined", d.before, after_joined, WARNING),
        ("Left", after_joined, after_left, SAVING),
        (
            "Changed",
            after_left,
            d.after,
            if d.changed.is_negative() {
                SAVING
            } else {
                WARNING
            },
        ),
        ("After", Money::ZERO, d.after, ACCENT),
    ];
    let top = steps
        .iter()
        .map(|s| s.1.max(s.2).cents())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let (chart_h, label_h) = (100.0, 14.0);
    let base = y + 14.0 + chart_h;
    let chart_w = width.min(460.0);
    let slot = chart_w / steps.len() as f64;
    let bar_w = slot * 0.56;
    marks.push(Mark::hline(MARGIN, MARGIN + chart_w, base, RULE, 0.6));
    let level = |m: Money| base - chart_h * (m.cents().max(0) as f64) / top;
    for (k, (label, from, to, colour)) in steps.iter().enumerate() {
        let x = MARGIN + slot * k as f64 + (slot - bar_w) / 2.0;
        let (y0, y1) = (level(*from.max(to)), level(*from.min(to)));
        marks.push(Mark::fill(x, y0, bar_w, (y1 - y0).max(0.8), *colour));
        if k + 1 < steps.len() {
            // A thin connector carries the level on to the next step.
            marks.push(Mark::hline(x + bar_w, x + slot, level(*to), INK_3, 0.4));
        }
        let amount = *to - *from;
        let text = match k {
            0 | 4 => amount.display(cur),
            _ if amount.is_negative() => format!("−{}", (Money::ZERO - amount).display(cur)),
            _ => format!("+{}", amount.display(cur)),
        };
        marks.push(Mark::text_aligned(
            x + bar_w / 2.0,
            y0 - 3.0,
            7.0,
            true,
            INK,
            Align::Middle,
            text,
        ));
        marks.push(Mark::text_aligned(
            x + bar_w / 2.0,
            base + 10.0,
            7.5,
            false,
            INK_2,
            Align::Middle,
            *label,
        ));
    }
    14.0 + chart_h + label_h
}

/// "Jan", or "Jan 2028" for the first month shown and every January.
fn month_label(month: &str, first: bool) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (year, m) = month.split_once('-').unwrap_or((month, ""));
    let name = m
        .parse::<usize>()
        .ok()
        .and_then(|m| NAMES.get(m.wrapping_sub(1)))
        .copied()
        .unwrap_or(month);
    if first || m == "01" {
        format!("{name} {year}")
    } else {
        name.to_owned()
    }
}

/// The fiscal year as twelve bars (the one compared with shaded behind) and a table.
fn projection_block(doc: &mut Doc, p: &Projection, before: Option<&Projection>, whole: bool) {
    let cur = p.currency.as_ref();
    let last_day = p.end.add_days(-1);
    // The heading, the chart and the thirteen rows under it stay together.
    doc.ensure(150.0 + 14.0 * 20.0);
    doc.heading(&format!(
        "Fiscal year {} to {}, month by month{}",
        long_date(p.start),
        long_date(last_day),
        if whole { "" } else { " (the whole org)" }
    ));
    let width = doc.width().min(460.0);
    let top = p
        .months
        .iter()
        .chain(before.iter().flat_map(|b| b.months.iter()))
        .map(|m| m.cost.cents())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let (chart_h, y) = (70.0, doc.y + 4.0);
    let base = y + chart_h;
    let slot = width / p.months.len().max(1) as f64;
    let mut marks = vec![Mark::hline(MARGIN, MARGIN + width, base, RULE, 0.6)];
    for (k, m) in p.months.iter().enumerate() {
        let x = MARGIN + slot * k as f64;
        let h = |c: Money| chart_h * (c.cents().max(0) as f64) / top;
        if let Some(b) = before.and_then(|b| b.months.get(k)) {
            marks.push(Mark::fill(
                x + slot * 0.15,
                base - h(b.cost),
                slot * 0.7,
                h(b.cost),
                RULE,
            ));
        }
        marks.push(Mark::fill(
            x + slot * 0.3,
            base - h(m.cost),
            slot * 0.4,
            h(m.cost),
            ACCENT,
        ));
        marks.push(Mark::text_aligned(
            x + slot / 2.0,
            base + 9.0,
            6.5,
            false,
            INK_2,
            Align::Middle,
            month_label(&m.month, k == 0),
        ));
    }
    let page = doc.pages.len() - 1;
    doc.pages[page].extend(marks);
    doc.y = base + 16.0;

    let mut cols = vec![
        col("Month", 0.25, Align::Start, false),
        col("Cost", 0.3, Align::End, false),
    ];
    if before.is_some() {
        cols.push(col("Compared with", 0.3, Align::End, false));
    }
    cols.push(col("Unknown", 0.15, Align::End, false));
    let mut rows: Vec<Row> = p
        .months
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let mut cells = vec![cell(m.month.as_str()), cell(m.cost.display(cur))];
            if let Some(b) = before {
                cells.push(
                    b.months
                        .get(k)
                        .map_or_else(|| cell("—"), |x| cell(x.cost.display(cur)).colour(INK_2)),
                );
            }
            cells.push(if m.unknown > 0 {
                cell(count(m.unknown)).colour(WARNING)
            } else {
                cell("—").colour(INK_3)
            });
            Row::Cells { cells, fill: None }
        })
        .collect();
    let mut total = vec![cell("Year").bold(), cell(p.total.display(cur)).bold()];
    if let Some(b) = before {
        total.push(cell(b.total.display(cur)).bold().colour(INK_2));
    }
    total.push(cell(""));
    rows.push(Row::Cells {
        cells: total,
        fill: Some(ACCENT_SOFT),
    });
    doc.table(&cols, rows);
    doc.note(&format!(
        "Each person is pro-rated by the days they are present; a dated change counts from the first month that starts on or after its date.{}",
        if before.is_some() {
            " Grey bars: the plan compared with."
        } else {
            ""
        }
    ));
}
