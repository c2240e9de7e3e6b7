//! Property tests of the chart's pages on small orgs shaped like one department of an HR
//! export (missing managers, many small trees, wide desks, leavers), with full and with
//! compact cards: every card inside the page's chart area, no two cards overlapping, every
//! present person drawn exactly once, each placeholder drawn, and every "continued" card
//! leading to a later page.

use pendulum_core::{RuleConfig, Snapshot, Top};
use pendulum_synth::{Shape, SynthConfig, generate, reference_date};
use proptest::prelude::*;
use rustc_hash::FxHashMap;

use super::chart::chart_area;
use super::paging::{ChartPage, MIN_SCALE, PagingRules, Placed, Planner, Target};
use crate::PageSize;
use crate::card::{COMPACT, Cards, FULL};

fn rect(c: &Placed) -> (f64, f64, f64, f64) {
    match *c {
        Placed::Person { rect, .. }
        | Placed::Placeholder { rect, .. }
        | Placed::Stub { rect, .. } => rect,
    }
}

/// The chart area of a page of `size`.
fn area(size: PageSize, landscape: bool) -> (f64, f64) {
    let (pw, ph) = size.points();
    let (w, h) = if landscape { (ph, pw) } else { (pw, ph) };
    chart_area(w, h)
}

fn plan(
    people: usize,
    seed: u64,
    size: PageSize,
    landscape: bool,
    cards: Cards,
) -> Result<(), TestCaseError> {
    let org = generate(&SynthConfig {
        shape: Shape::HrExport,
        ..SynthConfig::new(people, seed)
    });
    let config = RuleConfig::default();
    let snap = Snapshot::new(&org, reference_date(), &config);
    let (aw, ah) = area(size, landscape);
    let rules = PagingRules {
        area: (aw, ah),
        one_page: false,
        every_levels: None,
        min_people: None,
        cards,
    };
    let pages: Vec<ChartPage> = Planner::new(&snap, rules)
        .plan(snap.tops())
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut drawn = vec![0u32; snap.people_count()];
    let mut placeholders = vec![0u32; snap.placeholders().len()];
    let mut root_page: FxHashMap<u32, usize> = FxHashMap::default();
    for (k, page) in pages.iter().enumerate() {
        for r in &page.roots {
            if let Top::Person(p) = *r {
                root_page.entry(p).or_insert(k);
            }
        }
    }
    for (k, page) in pages.iter().enumerate() {
        let s = page.scale;
        prop_assert!(s >= MIN_SCALE - 1e-9, "page {k} prints at {s}");
        prop_assert!(
            page.width * s <= aw * 1.000_01 && page.height * s <= ah * 1.000_01,
            "page {k} is {} x {} at {s}",
            page.width,
            page.height
        );
        let boxes: Vec<(f64, f64, f64, f64)> = page
            .cards
            .iter()
            .map(|c| {
                let (x, y, w, h) = rect(c);
                (x * s, y * s, w * s, h * s)
            })
            .collect();
        for (i, &(x, y, w, h)) in boxes.iter().enumerate() {
            let eps = 1e-6;
            prop_assert!(
                x >= -eps && y >= -eps && x + w <= aw + eps && y + h <= ah + eps,
                "page {k}: card {i} at ({x}, {y}, {w}, {h}) leaves the {aw} x {ah} area"
            );
            for (j, &(x2, y2, w2, h2)) in boxes.iter().enumerate().skip(i + 1) {
                let apart = x + w <= x2 + eps
                    || x2 + w2 <= x + eps
                    || y + h <= y2 + eps
                    || y2 + h2 <= y + eps;
                prop_assert!(apart, "page {k}: cards {i} and {j} overlap");
            }
        }
        let mut people = 0;
        for c in &page.cards {
            match *c {
                Placed::Person { person, .. } => {
                    drawn[person as usize] += 1;
                    people += 1;
                }
                Placed::Placeholder { placeholder, .. } => {
                    placeholders[placeholder as usize] += 1;
                }
                Placed::Stub { target, .. } => {
                    let to = match target {
                        Target::Root(p) => root_page.get(&p).copied(),
                        Target::NextChunk => Some(k + 1),
                    };
                    prop_assert!(
                        to.is_some_and(|t| t > k && t < pages.len()),
                        "page {k}: a continued card leads to {to:?}"
                    );
                }
            }
        }
        prop_assert_eq!(people, page.people, "page {}'s head count", k);
    }
    for &p in snap.breadth_first() {
        // A cut person is drawn on the page that cuts them and again atop their own region
        // (on every page of it, when their team is split in chunks); a tree's top only there.
        let times = drawn[p as usize];
        let top = snap.parent(p).is_none() && snap.placeholder_of(p).is_none();
        let roots = root_page.contains_key(&p);
        let expected = if roots && !top { 2 } else { 1 };
        prop_assert!(
            times == expected || (roots && times > expected),
            "{} is drawn {times} times, not {expected}",
            snap.person(p).id
        );
    }
    prop_assert!(
        placeholders.iter().all(|&n| n >= 1),
        "every placeholder is drawn"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn pages_hold_every_card_inside_the_margins_without_overlaps(
        people in 40usize..260,
        seed in 0u64..1_000,
        size in prop_oneof![Just(PageSize::A4), Just(PageSize::Letter), Just(PageSize::A3)],
        landscape in any::<bool>(),
        compact in any::<bool>(),
    ) {
        plan(people, seed, size, landscape, if compact { COMPACT } else { FULL })?;
    }
}

#[test]
fn the_issue_sized_department_export_packs_its_pages() -> Result<(), TestCaseError> {
    plan(1_336, 42, PageSize::A4, true, FULL)?;
    plan(1_336, 42, PageSize::A4, true, COMPACT)
}
