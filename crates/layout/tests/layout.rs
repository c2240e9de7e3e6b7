//! Tests of the tidy-tree layout: hand-checked small trees, the org-chart adapter, property
//! tests over random forests, and RELIABILITY G2 (a 1M chain) and G3 (50,000 reports under
//! one manager).

use std::collections::BTreeMap;

use pendulum_core::{Date, Org, Person, PersonId, RuleConfig, Snapshot};
use pendulum_layout::{
    ChartOptions, EdgeRoute, Forest, ForestNode, Layout, LayoutError, LayoutOptions, NodeBox,
    Orientation, Placement, Size, StackOptions, Trees, layout, layout_snapshot, layout_subtree,
};
use proptest::prelude::*;

const CARD: Size = Size::new(220.0, 88.0);
const EPS: f64 = 1e-6;

fn unstacked() -> LayoutOptions {
    LayoutOptions {
        stack: None,
        ..LayoutOptions::default()
    }
}

fn forest(parents: &[Option<u32>]) -> Forest {
    let nodes: Vec<ForestNode> = parents
        .iter()
        .map(|&parent| ForestNode {
            parent,
            ..ForestNode::root(CARD)
        })
        .collect();
    Forest::new(&nodes).expect("a valid forest")
}

fn boxes_by_index(l: &Layout) -> BTreeMap<u32, NodeBox> {
    l.nodes.iter().map(|b| (b.index, *b)).collect()
}

fn at(l: &Layout, index: u32) -> (f64, f64) {
    let b = boxes_by_index(l)[&index];
    (b.x, b.y)
}

fn route(l: &Layout, to: u32) -> &EdgeRoute {
    l.edges
        .iter()
        .find(|e| e.to == to)
        .expect("a route to the node")
}

// ---------------------------------------------------------------- hand-checked trees

#[test]
fn a_root_over_three_reports_is_centred_one_level_gap_above_them() {
    let l = layout(&forest(&[None, Some(0), Some(0), Some(0)]), &unstacked());
    assert_eq!(at(&l, 0), (240.0, 0.0));
    assert_eq!(at(&l, 1), (0.0, 128.0));
    assert_eq!(at(&l, 2), (240.0, 128.0));
    assert_eq!(at(&l, 3), (480.0, 128.0));
    assert_eq!((l.width, l.height), (700.0, 216.0));
    assert_eq!(
        route(&l, 1).points,
        vec![
            [350.0, 88.0],
            [350.0, 108.0],
            [110.0, 108.0],
            [110.0, 128.0]
        ]
    );
    // straight down to the middle report: no corner points
    assert_eq!(route(&l, 2).points, vec![[350.0, 88.0], [350.0, 128.0]]);
    assert_eq!(
        l.nodes.iter().map(|b| b.placement).collect::<Vec<_>>(),
        [
            Placement::Root,
            Placement::Report,
            Placement::Report,
            Placement::Report
        ]
    );
}

#[test]
fn subtrees_are_pushed_apart_where_their_contours_meet() {
    // 0 ─ 1 ─ 3, 4 ; 0 ─ 2 ─ 5, 6: the two managers sit one team's width apart.
    let f = forest(&[None, Some(0), Some(0), Some(1), Some(1), Some(2), Some(2)]);
    let l = layout(&f, &unstacked());
    assert_eq!(at(&l, 3), (0.0, 256.0));
    assert_eq!(at(&l, 4), (240.0, 256.0));
    assert_eq!(at(&l, 5), (480.0, 256.0));
    assert_eq!(at(&l, 6), (720.0, 256.0));
    assert_eq!(at(&l, 1), (120.0, 128.0));
    assert_eq!(at(&l, 2), (600.0, 128.0));
    assert_eq!(at(&l, 0), (360.0, 0.0));
}

#[test]
fn small_siblings_between_two_wide_ones_are_spread_evenly() {
    // 0 has children 1 (with 3 reports), 2, 3 (leaves), 4 (with 3 reports).
    let mut parents = vec![None, Some(0), Some(0), Some(0), Some(0)];
    parents.extend([Some(1), Some(1), Some(1), Some(4), Some(4), Some(4)]);
    let l = layout(&forest(&parents), &unstacked());
    let x = |i| at(&l, i).0;
    assert_eq!(x(1), 240.0);
    assert_eq!(x(4), 960.0);
    // the gap between 1 and 4 is shared out: 2 and 3 are equally spaced between them
    assert!((x(2) - x(1) - (x(3) - x(2))).abs() < EPS);
    assert!((x(3) - x(2) - (x(4) - x(3))).abs() < EPS);
}

#[test]
fn a_team_of_four_leaves_is_stacked_in_one_column_by_default() {
    let l = layout(
        &forest(&[None, Some(0), Some(0), Some(0), Some(0)]),
        &LayoutOptions::default(),
    );
    assert_eq!(at(&l, 0), (12.0, 0.0));
    for i in 1..=4 {
        assert_eq!(at(&l, i), (24.0, 128.0 + f64::from(i - 1) * 100.0));
    }
    assert_eq!((l.width, l.height), (244.0, 516.0));
    assert_eq!(
        route(&l, 1).points,
        vec![
            [122.0, 88.0],
            [122.0, 108.0],
            [12.0, 108.0],
            [12.0, 172.0],
            [24.0, 172.0]
        ]
    );
}

#[test]
fn a_wide_team_of_leaves_is_stacked_in_columns_with_a_spine_beside_each() {
    let two_columns = StackOptions {
        min_columns: 2,
        max_columns: 2,
        ..StackOptions::default()
    };
    let options = LayoutOptions {
        stack: Some(two_columns),
        ..LayoutOptions::default()
    };
    let l = layout(
        &forest(&[None, Some(0), Some(0), Some(0), Some(0)]),
        &options,
    );
    assert_eq!(at(&l, 0), (144.0, 0.0));
    assert_eq!(at(&l, 1), (24.0, 128.0));
    assert_eq!(at(&l, 2), (24.0, 228.0));
    assert_eq!(at(&l, 3), (288.0, 128.0));
    assert_eq!(at(&l, 4), (288.0, 228.0));
    assert_eq!((l.width, l.height), (508.0, 316.0));
    assert_eq!(
        route(&l, 2).points,
        vec![
            [254.0, 88.0],
            [254.0, 108.0],
            [12.0, 108.0],
            [12.0, 272.0],
            [24.0, 272.0]
        ]
    );
    assert!(
        l.nodes[1..]
            .iter()
            .all(|b| b.placement == Placement::Stacked)
    );
}

#[test]
fn three_reports_stay_in_a_row_below_the_stacking_threshold() {
    let l = layout(
        &forest(&[None, Some(0), Some(0), Some(0)]),
        &LayoutOptions::default(),
    );
    assert_eq!(at(&l, 3), (480.0, 128.0));
}

#[test]
fn a_team_with_a_manager_in_it_is_not_stacked() {
    let l = layout(
        &forest(&[None, Some(0), Some(0), Some(0), Some(0), Some(4)]),
        &LayoutOptions::default(),
    );
    let b = boxes_by_index(&l);
    assert!((1..=4).all(|i| b[&i].placement == Placement::Report));
    // a single report is below the threshold
    assert_eq!(b[&5].placement, Placement::Report);
}

#[test]
fn an_assistant_hangs_beside_the_managers_connector_above_the_reports() {
    let mut nodes: Vec<ForestNode> = [None, Some(0), Some(0), Some(0)]
        .iter()
        .map(|&parent| ForestNode {
            parent,
            ..ForestNode::root(CARD)
        })
        .collect();
    nodes[1].assistant = true;
    let l = layout(&Forest::new(&nodes).unwrap(), &unstacked());
    assert_eq!(at(&l, 0), (130.0, 0.0));
    assert_eq!(at(&l, 1), (0.0, 108.0));
    assert_eq!(at(&l, 2), (10.0, 236.0));
    assert_eq!(at(&l, 3), (250.0, 236.0));
    assert_eq!((l.width, l.height), (470.0, 324.0));
    assert_eq!(
        route(&l, 1).points,
        vec![[240.0, 88.0], [240.0, 152.0], [220.0, 152.0]]
    );
    assert_eq!(
        route(&l, 2).points,
        vec![
            [240.0, 88.0],
            [240.0, 216.0],
            [120.0, 216.0],
            [120.0, 236.0]
        ]
    );
    assert_eq!(boxes_by_index(&l)[&1].placement, Placement::Assistant);
}

#[test]
fn an_assistant_with_reports_of_their_own_is_drawn_as_a_report() {
    let mut nodes: Vec<ForestNode> = [None, Some(0), Some(1)]
        .iter()
        .map(|&parent| ForestNode {
            parent,
            ..ForestNode::root(CARD)
        })
        .collect();
    nodes[1].assistant = true;
    let l = layout(&Forest::new(&nodes).unwrap(), &unstacked());
    assert_eq!(boxes_by_index(&l)[&1].placement, Placement::Report);
    assert_eq!(at(&l, 1), (0.0, 128.0));
}

#[test]
fn trees_of_a_forest_stand_side_by_side_tops_aligned() {
    let l = layout(&forest(&[None, None, Some(0), Some(0)]), &unstacked());
    // tree of 0 is two reports wide (460); tree of 1 starts one tree gap after it
    assert_eq!(at(&l, 0), (120.0, 0.0));
    assert_eq!(at(&l, 1), (520.0, 0.0));
    assert_eq!(
        l.nodes.iter().map(|b| b.index).collect::<Vec<_>>(),
        [0, 1, 2, 3]
    );
}

#[test]
fn left_right_orientation_transposes_the_top_down_drawing() {
    let options = LayoutOptions {
        orientation: Orientation::LeftRight,
        ..unstacked()
    };
    let l = layout(&forest(&[None, Some(0), Some(0)]), &options);
    let b = boxes_by_index(&l);
    assert_eq!(
        (b[&0].x, b[&0].y, b[&0].width, b[&0].height),
        (0.0, 54.0, 220.0, 88.0)
    );
    assert_eq!(at(&l, 1), (260.0, 0.0));
    assert_eq!(at(&l, 2), (260.0, 108.0));
    assert_eq!(
        route(&l, 1).points,
        vec![[220.0, 98.0], [240.0, 98.0], [240.0, 44.0], [260.0, 44.0]]
    );
    assert_eq!((l.width, l.height), (480.0, 196.0));
}

#[test]
fn a_collapsed_node_keeps_its_box_and_hides_everything_under_it() {
    let mut nodes: Vec<ForestNode> = [None, Some(0), Some(1), Some(2), Some(0)]
        .iter()
        .map(|&parent| ForestNode {
            parent,
            ..ForestNode::root(CARD)
        })
        .collect();
    nodes[1].collapsed = true;
    let l = layout(&Forest::new(&nodes).unwrap(), &unstacked());
    assert_eq!(
        l.nodes.iter().map(|b| b.index).collect::<Vec<_>>(),
        [0, 1, 4]
    );
    assert_eq!(
        l.edges.iter().map(|e| (e.from, e.to)).collect::<Vec<_>>(),
        [(0, 1), (0, 4)]
    );
    assert_eq!(l.height, 216.0);
}

#[test]
fn a_subtree_alone_starts_at_the_origin() {
    let f = forest(&[None, Some(0), Some(0), Some(2), Some(2)]);
    let l = layout_subtree(&f, 2, &unstacked()).unwrap();
    assert_eq!(
        l.nodes.iter().map(|b| b.index).collect::<Vec<_>>(),
        [2, 3, 4]
    );
    assert_eq!(at(&l, 2), (120.0, 0.0));
    assert_eq!(boxes_by_index(&l)[&2].placement, Placement::Root);
    assert_eq!(l.edges.len(), 2);
    assert_eq!(
        layout_subtree(&f, 5, &unstacked()),
        Err(LayoutError::NoSuchNode { node: 5 })
    );
}

#[test]
fn an_empty_forest_gives_an_empty_layout() {
    let l = layout(&Forest::new(&[]).unwrap(), &LayoutOptions::default());
    assert_eq!(l, Layout::default());
}

#[test]
fn variable_sizes_keep_their_sizes_and_hang_below_their_own_parent() {
    let nodes = [
        ForestNode::root(Size::new(300.0, 50.0)),
        ForestNode::child(0, Size::new(100.0, 200.0)),
        ForestNode::child(0, Size::new(80.0, 40.0)),
        ForestNode::child(2, Size::new(120.0, 60.0)),
    ];
    let l = layout(&Forest::new(&nodes).unwrap(), &unstacked());
    let b = boxes_by_index(&l);
    assert_eq!((b[&1].width, b[&1].height), (100.0, 200.0));
    assert_eq!(b[&1].y, 90.0);
    assert_eq!(b[&3].y, 90.0 + 40.0 + 40.0);
    // 3 is below 2 only, not below the tall 1: non-layered
    assert!(b[&3].y < b[&1].y + b[&1].height);
    assert!(b[&3].x >= b[&1].x + 100.0 + 20.0 - EPS);
}

#[test]
fn malformed_forests_are_refused_with_the_node_at_fault() {
    let bad_parent = [ForestNode::root(CARD), ForestNode::child(7, CARD)];
    assert_eq!(
        Forest::new(&bad_parent).unwrap_err(),
        LayoutError::NoSuchParent { node: 1, parent: 7 }
    );
    let beyond = [ForestNode::child(u32::MAX, CARD)];
    assert_eq!(
        Forest::new(&beyond).unwrap_err(),
        LayoutError::NoSuchParent {
            node: 0,
            parent: u32::MAX
        }
    );
    let cycle = [
        ForestNode::root(CARD),
        ForestNode::child(2, CARD),
        ForestNode::child(1, CARD),
    ];
    assert_eq!(
        Forest::new(&cycle).unwrap_err(),
        LayoutError::Cycle { node: 1 }
    );
    let selfish = [ForestNode::child(0, CARD)];
    assert_eq!(
        Forest::new(&selfish).unwrap_err(),
        LayoutError::Cycle { node: 0 }
    );
    for bad in [f64::NAN, -1.0, f64::INFINITY] {
        let sized = [
            ForestNode::root(CARD),
            ForestNode::root(Size::new(10.0, bad)),
        ];
        assert_eq!(
            Forest::new(&sized).unwrap_err(),
            LayoutError::BadSize { node: 1 }
        );
    }
}

#[test]
fn hostile_gaps_count_as_zero() {
    let options = LayoutOptions {
        sibling_gap: f64::NAN,
        level_gap: -5.0,
        tree_gap: f64::INFINITY,
        stack: Some(StackOptions {
            min_columns: 0,
            max_columns: 0,
            row_gap: f64::NAN,
            ..StackOptions::default()
        }),
        ..LayoutOptions::default()
    };
    let f = forest(&[None, Some(0), Some(0), Some(0), Some(0), None]);
    let l = layout(&f, &options);
    assert!(l.nodes.iter().all(|b| b.x.is_finite() && b.y.is_finite()));
    // one column (at most one allowed) of four, indented: 244 wide, no tree gap
    assert_eq!(at(&l, 5), (244.0, 0.0));
    assert_eq!(at(&l, 4), (24.0, 3.0 * 88.0 + 88.0));
    assert_no_overlap(&l.nodes);
}

// ---------------------------------------------------------------- the org chart

fn person(id: &str, manager: Option<&str>) -> Person {
    Person {
        manager_id: manager.map(PersonId::from),
        ..Person::new(id, id.to_uppercase())
    }
}

fn day() -> Date {
    Date::from_ymd(2026, 1, 1).expect("a date")
}

#[test]
fn the_org_chart_names_people_by_id_in_the_spec_json_shape() {
    let mut org = Org::default();
    org.people.push(person("ceo", None));
    org.people.push(Person {
        assistant: true,
        ..person("pa", Some("ceo"))
    });
    org.people.push(person("cto", Some("ceo")));
    org.people.push(Person {
        end_date: Some(Date::from_ymd(2025, 6, 1).unwrap()),
        ..person("gone", Some("ceo"))
    });
    org.people.push(person("dev", Some("cto")));
    org.people.push(person("lost", Some("nobody")));
    let s = Snapshot::new(&org, day(), &RuleConfig::default());
    let chart = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    let ids: Vec<&str> = chart.nodes.iter().map(|b| b.id).collect();
    // "lost" hangs under the placeholder of "nobody", a tree beside the CEO's.
    assert_eq!(ids, ["ceo", "pa", "cto", "lost", "dev"]);
    let lines: Vec<(&str, &str)> = chart.edges.iter().map(|e| (e.from, e.to)).collect();
    assert_eq!(lines, [("ceo", "pa"), ("ceo", "cto"), ("cto", "dev")]);
    assert_eq!(chart.nodes[1].placement, Placement::Assistant);
    assert_eq!(chart.nodes[1].person, 1);
    let placeholders: Vec<&str> = chart.placeholders.iter().map(|b| b.id).collect();
    assert_eq!(placeholders, ["nobody"]);
    let under: Vec<(&str, &str)> = chart
        .placeholder_lines
        .iter()
        .map(|e| (e.from, e.to))
        .collect();
    assert_eq!(under, [("nobody", "lost")]);

    let json = serde_json::to_value(&chart).unwrap();
    let node = &json["nodes"][0];
    for key in ["id", "x", "y", "width", "height"] {
        assert!(node.get(key).is_some(), "node lacks {key}: {node}");
    }
    assert_eq!(node["id"], "ceo");
    assert_eq!(node["width"], 220.0);
    let edge = &json["edges"][0];
    assert_eq!(
        (edge["from"].as_str(), edge["to"].as_str()),
        (Some("ceo"), Some("pa"))
    );
    assert!(edge["points"][0].as_array().is_some_and(|p| p.len() == 2));
    // the same snapshot always gives the same bytes
    let again =
        serde_json::to_string(&layout_snapshot(&s, &ChartOptions::default()).unwrap()).unwrap();
    assert_eq!(serde_json::to_string(&chart).unwrap(), again);
}

/// Every card of a chart, people's and placeholders', as boxes.
fn chart_boxes(chart: &pendulum_layout::ChartLayout<'_>) -> Vec<NodeBox> {
    chart
        .nodes
        .iter()
        .map(|b| (b.x, b.y, b.width, b.height))
        .chain(
            chart
                .placeholders
                .iter()
                .map(|b| (b.x, b.y, b.width, b.height)),
        )
        .map(|(x, y, width, height)| NodeBox {
            index: 0,
            x,
            y,
            width,
            height,
            placement: Placement::Root,
        })
        .collect()
}

/// Everyone whose manager is missing hangs under one placeholder per missing id, and everyone
/// whose manager is not here that day under one per such manager; cycles stay roots.
#[test]
fn missing_and_absent_managers_get_one_placeholder_each() {
    let mut org = Org::default();
    for (id, m) in [
        ("a", Some("x@example.com")),
        ("b", Some("m-9")),
        ("c", Some("x@example.com")),
        ("d", Some("gone")),
        ("e", Some("gone")),
        ("f", Some("a")),
        ("g", Some("h")),
        ("h", Some("g")),
        ("root", None),
    ] {
        org.people.push(person(id, m));
    }
    org.people.push(Person {
        end_date: Some(Date::from_ymd(2025, 6, 1).unwrap()),
        ..person("gone", None)
    });
    let s = Snapshot::new(&org, day(), &RuleConfig::default());
    let chart = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    let mut under: Vec<(&str, &str)> = chart
        .placeholder_lines
        .iter()
        .map(|e| (e.from, e.to))
        .collect();
    under.sort_unstable();
    assert_eq!(
        under,
        [
            ("gone", "d"),
            ("gone", "e"),
            ("m-9", "b"),
            ("x@example.com", "a"),
            ("x@example.com", "c")
        ]
    );
    assert_eq!(chart.placeholders.len(), 3);
    // Each placeholder sits above its people, one level gap over them.
    for line in &chart.placeholder_lines {
        let p = chart
            .placeholders
            .iter()
            .find(|b| b.id == line.from)
            .unwrap();
        let r = chart.nodes.iter().find(|b| b.id == line.to).unwrap();
        assert!(r.y >= p.y + p.height, "{p:?} over {r:?}");
        assert_eq!(r.placement, Placement::Report);
    }
    // People keep one card each; the cycle (g, h) is drawn from g, the root "root" alone.
    assert_eq!(chart.nodes.len(), 9);
    assert_no_overlap(&chart_boxes(&chart));
    // A placeholder can be collapsed by its id, like a person.
    let collapsed = layout_snapshot(
        &s,
        &ChartOptions {
            collapsed: vec![PersonId::from("x@example.com")],
            ..ChartOptions::default()
        },
    )
    .unwrap();
    assert!(
        collapsed
            .nodes
            .iter()
            .all(|b| !["a", "c", "f"].contains(&b.id))
    );
}

/// A one-department HR export: hundreds of small trees under ~140 missing managers draw in
/// rows near a screen's proportions, not as a strip.
#[test]
fn a_forest_of_many_trees_is_set_out_in_rows() {
    let org = pendulum_synth::generate(&pendulum_synth::SynthConfig {
        shape: pendulum_synth::Shape::HrExport,
        ..pendulum_synth::SynthConfig::new(1_336, 42)
    });
    let s = Snapshot::new(
        &org,
        pendulum_synth::reference_date(),
        &RuleConfig::default(),
    );
    let chart = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    assert!(s.tops().len() > 100, "{} trees", s.tops().len());
    assert!(
        chart.width <= 4.0 * chart.height && chart.height <= 4.0 * chart.width,
        "{} × {}",
        chart.width,
        chart.height
    );
    let boxes = chart_boxes(&chart);
    assert_no_overlap(&boxes);
    // The biggest tree is at the top left.
    let top_left = boxes
        .iter()
        .min_by(|a, b| (a.y, a.x).partial_cmp(&(b.y, b.x)).unwrap())
        .unwrap();
    assert!(top_left.y < 1.0, "{top_left:?}");
}

#[test]
fn the_org_chart_draws_one_subtree_and_collapses_by_id() {
    let mut org = Org::default();
    for (id, m) in [
        ("a", None),
        ("b", Some("a")),
        ("c", Some("b")),
        ("d", Some("b")),
        ("e", Some("a")),
    ] {
        org.people.push(person(id, m));
    }
    org.people.push(Person {
        start_date: Some(Date::from_ymd(2030, 1, 1).unwrap()),
        ..person("later", None)
    });
    let s = Snapshot::new(&org, day(), &RuleConfig::default());
    let only_b = ChartOptions {
        root: Some(PersonId::from("b")),
        ..ChartOptions::default()
    };
    let chart = layout_snapshot(&s, &only_b).unwrap();
    assert_eq!(
        chart.nodes.iter().map(|b| b.id).collect::<Vec<_>>(),
        ["b", "c", "d"]
    );
    assert_eq!((chart.nodes[0].x, chart.nodes[0].y), (120.0, 0.0));

    let folded = ChartOptions {
        collapsed: vec![
            PersonId::from("b"),
            PersonId::from("later"),
            PersonId::from("ghost"),
        ],
        ..ChartOptions::default()
    };
    let chart = layout_snapshot(&s, &folded).unwrap();
    assert_eq!(
        chart.nodes.iter().map(|b| b.id).collect::<Vec<_>>(),
        ["a", "b", "e"]
    );

    let ghost = ChartOptions {
        root: Some(PersonId::from("ghost")),
        ..ChartOptions::default()
    };
    assert_eq!(
        layout_snapshot(&s, &ghost).unwrap_err(),
        LayoutError::UnknownPerson { id: "ghost".into() }
    );
    let later = ChartOptions {
        root: Some(PersonId::from("later")),
        ..ChartOptions::default()
    };
    assert_eq!(
        layout_snapshot(&s, &later).unwrap_err(),
        LayoutError::NotPresent {
            id: "later".into(),
            as_of: day()
        }
    );
    let bad_card = ChartOptions {
        card: Size::new(f64::NAN, 10.0),
        ..ChartOptions::default()
    };
    assert_eq!(
        layout_snapshot(&s, &bad_card).unwrap_err(),
        LayoutError::BadCard
    );
}

#[test]
fn the_org_chart_draws_a_cycle_broken_where_the_snapshot_breaks_it() {
    let mut org = Org::default();
    org.people.push(person("x", Some("y")));
    org.people.push(person("y", Some("x")));
    let s = Snapshot::new(&org, day(), &RuleConfig::default());
    let chart = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    assert_eq!(
        chart.nodes.iter().map(|b| b.id).collect::<Vec<_>>(),
        ["x", "y"]
    );
    assert_eq!(chart.edges.len(), 1);
}

// ---------------------------------------------------------------- checks shared by properties

/// Sweeps the boxes left to right, keeping those the sweep line crosses ordered by top; among
/// pairwise disjoint intervals, a new one overlaps some interval exactly when it overlaps its
/// neighbour above or below. O(n log n).
fn assert_no_overlap(nodes: &[NodeBox]) {
    struct Top(f64);
    impl PartialEq for Top {
        fn eq(&self, other: &Self) -> bool {
            self.cmp(other).is_eq()
        }
    }
    impl Eq for Top {}
    impl PartialOrd for Top {
        fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for Top {
        fn cmp(&self, other: &Self) -> std::cmp::Ordering {
            self.0.total_cmp(&other.0)
        }
    }
    let solid: Vec<&NodeBox> = nodes
        .iter()
        .filter(|b| b.width > EPS && b.height > EPS)
        .collect();
    // (x, 0 = leaves / 1 = enters, box); at equal x, leaving first: touching is fine.
    let mut events: Vec<(f64, u8, usize)> = Vec::with_capacity(2 * solid.len());
    for (k, b) in solid.iter().enumerate() {
        events.push((b.x + EPS, 1, k));
        events.push((b.x + b.width - EPS, 0, k));
    }
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut active: BTreeMap<(Top, usize), ()> = BTreeMap::new();
    let clash = |a: &NodeBox, b: &NodeBox| a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;
    for (_, kind, k) in events {
        let key = (Top(solid[k].y), k);
        if kind == 0 {
            active.remove(&key);
            continue;
        }
        if let Some(((_, j), _)) = active.range(..&key).next_back() {
            assert!(
                !clash(solid[*j], solid[k]),
                "{:?} overlaps {:?}",
                solid[*j],
                solid[k]
            );
        }
        if let Some(((_, j), _)) = active.range(&key..).next() {
            assert!(
                !clash(solid[*j], solid[k]),
                "{:?} overlaps {:?}",
                solid[*j],
                solid[k]
            );
        }
        active.insert(key, ());
    }
}

fn on_boundary(p: [f64; 2], b: &NodeBox) -> bool {
    let inside = p[0] >= b.x - EPS
        && p[0] <= b.x + b.width + EPS
        && p[1] >= b.y - EPS
        && p[1] <= b.y + b.height + EPS;
    let edge = (p[0] - b.x).abs() <= EPS
        || (p[0] - b.x - b.width).abs() <= EPS
        || (p[1] - b.y).abs() <= EPS
        || (p[1] - b.y - b.height).abs() <= EPS;
    inside && edge
}

/// Breadth = across the reporting lines, depth = along them; (start, extent) of a box.
fn breadth(b: &NodeBox, o: Orientation) -> (f64, f64) {
    if o == Orientation::TopDown {
        (b.x, b.width)
    } else {
        (b.y, b.height)
    }
}
fn depth(b: &NodeBox, o: Orientation) -> (f64, f64) {
    if o == Orientation::TopDown {
        (b.y, b.height)
    } else {
        (b.x, b.width)
    }
}
fn centre(b: &NodeBox, o: Orientation) -> f64 {
    let (s, e) = breadth(b, o);
    s + e / 2.0
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * (1.0 + a.abs().max(b.abs()))
}

/// Checks every property of a layout of `f` under `options`, laid out from `roots`.
fn check_layout(f: &Forest, roots: &[u32], options: &LayoutOptions, l: &Layout) {
    let o = options.orientation;
    let level_gap = options.level_gap.max(0.0);
    let by_index = boxes_by_index(l);

    // every visible node once, breadth-first
    let mut expected = roots.to_vec();
    let mut head = 0;
    while let Some(&v) = expected.get(head) {
        head += 1;
        if f.shows_children(v) {
            expected.extend_from_slice(f.children(v));
        }
    }
    assert_eq!(
        l.nodes.iter().map(|b| b.index).collect::<Vec<_>>(),
        expected
    );

    assert_no_overlap(&l.nodes);
    for b in &l.nodes {
        let s = f.size(b.index).expect("a node of the forest");
        assert_eq!((b.width, b.height), (s.width, s.height));
        assert!(
            b.x >= -EPS && b.y >= -EPS,
            "{b:?} has a negative coordinate"
        );
        assert!(b.x + b.width <= l.width + EPS && b.y + b.height <= l.height + EPS);
    }

    // edges: one per visible non-root node, parent's box to child's box, orthogonal
    let edges: BTreeMap<u32, &EdgeRoute> = l.edges.iter().map(|e| (e.to, e)).collect();
    assert_eq!(l.edges.len(), expected.len() - roots.len());
    for v in &expected[roots.len()..] {
        let e = edges[v];
        assert_eq!(Some(e.from), f.parent(*v));
        let (first, last) = (e.points[0], e.points[e.points.len() - 1]);
        assert!(
            on_boundary(first, &by_index[&e.from]),
            "{e:?} does not leave its manager's box"
        );
        assert!(
            on_boundary(last, &by_index[v]),
            "{e:?} does not reach its report's box"
        );
        assert!(e.points.len() >= 2);
        for w in e.points.windows(2) {
            assert!(
                close(w[0][0], w[1][0]) || close(w[0][1], w[1][1]),
                "{e:?} is not orthogonal"
            );
        }
        for p in &e.points {
            assert!(
                p[0] >= -EPS && p[1] >= -EPS && p[0] <= l.width + EPS && p[1] <= l.height + EPS
            );
        }
    }

    // per manager: placement by the rules, centring, sibling order, depth
    for &p in &expected {
        if !f.shows_children(p) {
            continue;
        }
        let pb = by_index[&p];
        let (p_top, p_depth) = depth(&pb, o);
        let beside: Vec<NodeBox> = f
            .children(p)
            .iter()
            .filter(|&&c| f.is_assistant(c) && !f.shows_children(c))
            .map(|c| by_index[c])
            .collect();
        let regular: Vec<NodeBox> = f
            .children(p)
            .iter()
            .filter(|&&c| !f.is_assistant(c) || f.shows_children(c))
            .map(|c| by_index[c])
            .collect();
        let spine = centre(&pb, o);
        for (k, a) in beside.iter().enumerate() {
            assert_eq!(a.placement, Placement::Assistant);
            let (s, e) = breadth(a, o);
            if k % 2 == 0 {
                assert!(
                    s + e <= spine + EPS,
                    "assistant {a:?} is not left of {pb:?}"
                );
            } else {
                assert!(s >= spine - EPS, "assistant {a:?} is not right of {pb:?}");
            }
            assert!(depth(a, o).0 >= p_top + p_depth - EPS);
            if k >= 2 {
                let above = &beside[k - 2];
                assert!(depth(a, o).0 >= depth(above, o).0 + depth(above, o).1 - EPS);
            }
        }
        let Some(first) = regular.first() else {
            continue;
        };
        let last = regular[regular.len() - 1];
        let stacked = options.stack.is_some_and(|s| {
            regular.len() >= s.min_leaves && regular.iter().all(|c| !f.shows_children(c.index))
        });
        let lowest_assistant = beside
            .iter()
            .map(|a| depth(a, o).0 + depth(a, o).1)
            .fold(p_top + p_depth, f64::max);
        for c in &regular {
            assert_eq!(
                c.placement,
                if stacked {
                    Placement::Stacked
                } else {
                    Placement::Report
                }
            );
            assert!(
                depth(c, o).0 >= lowest_assistant + level_gap - 1e-6,
                "{c:?} is not a level gap below {pb:?} and its assistants"
            );
        }
        if stacked {
            let indent = options.stack.map_or(0.0, |s| s.indent.max(0.0));
            let low = regular
                .iter()
                .map(|c| breadth(c, o).0)
                .fold(f64::INFINITY, f64::min)
                - indent;
            let high = regular
                .iter()
                .map(|c| breadth(c, o).0 + breadth(c, o).1)
                .fold(f64::NEG_INFINITY, f64::max);
            assert!(
                close(spine, (low + high) / 2.0),
                "{pb:?} is not centred over its stacked team"
            );
            for w in regular.windows(2) {
                let (a, b) = (&w[0], &w[1]);
                let same_column = close(breadth(a, o).0, breadth(b, o).0)
                    && depth(b, o).0 >= depth(a, o).0 + depth(a, o).1 - EPS;
                let next_column = breadth(b, o).0 >= breadth(a, o).0 + breadth(a, o).1 - EPS;
                assert!(
                    same_column || next_column,
                    "stacked order broken between {a:?} and {b:?}"
                );
            }
        } else {
            assert!(
                close(spine, (centre(first, o) + centre(&last, o)) / 2.0),
                "{pb:?} is not centred over {first:?} and {last:?}"
            );
            for w in regular.windows(2) {
                assert!(breadth(&w[1], o).0 >= breadth(&w[0], o).0 + breadth(&w[0], o).1 - EPS);
            }
            let top = depth(first, o).0;
            assert!(
                regular.iter().all(|c| close(depth(c, o).0, top)),
                "reports of {pb:?} are not level"
            );
        }
    }
}

/// The subtree under `v`, laid out alone, is the subtree in `whole`, translated.
fn check_translation(f: &Forest, v: u32, options: &LayoutOptions, whole: &Layout) {
    let alone = layout_subtree(f, v, options).expect("a node of the forest");
    let big = boxes_by_index(whole);
    let (ox, oy) = (big[&v].x - alone.nodes[0].x, big[&v].y - alone.nodes[0].y);
    for b in &alone.nodes {
        let w = big[&b.index];
        assert!(
            close(w.x, b.x + ox) && close(w.y, b.y + oy),
            "{b:?} moved to {w:?} inside the whole"
        );
    }
    let routes: BTreeMap<u32, &EdgeRoute> = whole.edges.iter().map(|e| (e.to, e)).collect();
    for e in &alone.edges {
        let w = routes[&e.to];
        assert_eq!(
            w.points.len(),
            e.points.len(),
            "{e:?} is routed differently in {w:?}"
        );
        for (p, q) in e.points.iter().zip(&w.points) {
            assert!(
                close(p[0] + ox, q[0]) && close(p[1] + oy, q[1]),
                "{e:?} vs {w:?}"
            );
        }
    }
}

// ---------------------------------------------------------------- property tests

#[derive(Clone, Debug)]
struct Case {
    nodes: Vec<ForestNode>,
    options: LayoutOptions,
    pick: usize,
}

fn case(max_nodes: usize) -> impl Strategy<Value = Case> {
    let node = (0u8..16, any::<u32>(), 0u32..=12, 0u32..=8, 0u8..20);
    let stack = prop::option::of((0usize..7, 0usize..4, 1usize..6, 0u32..3, 0u32..3, 0u32..5));
    (
        prop::collection::vec(node, 1..max_nodes),
        any::<u32>(),
        any::<bool>(),
        stack,
        (0u32..3, 0u32..3, prop::option::of(1u32..5)),
        any::<usize>(),
    )
        .prop_map(|(raw, shuffle, lr, stack, (sibling, level, rows), pick)| {
            let n = raw.len();
            // parents first in a generation order, then the indices are shuffled so that the
            // forest's index order is not a topological one
            let mut parent: Vec<Option<usize>> = Vec::with_capacity(n);
            for (i, &(kind, r, ..)) in raw.iter().enumerate() {
                parent.push(match kind {
                    _ if i == 0 => None,
                    0 => None,
                    1..=4 => Some(i - 1),
                    5..=9 => Some(i - 1 - (r as usize % i.min(4))),
                    _ => Some(r as usize % i),
                });
            }
            let mut perm: Vec<usize> = (0..n).collect();
            let mut s = u64::from(shuffle) | 1;
            for i in (1..n).rev() {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                perm.swap(i, (s % (i as u64 + 1)) as usize);
            }
            let mut position = vec![0u32; n];
            for (new, &old) in (0u32..).zip(&perm) {
                position[old] = new;
            }
            let nodes = (0..n)
                .map(|new| {
                    // node `new` is generated node `perm[new]`
                    let old = perm[new];
                    let (_, _, w, h, flags) = raw[old];
                    let place = |o: usize| position[o];
                    ForestNode {
                        parent: parent[old].map(place),
                        size: Size::new(f64::from(w) * 25.0, f64::from(h) * 12.5),
                        assistant: flags < 4,
                        collapsed: flags == 19,
                    }
                })
                .collect();
            let options = LayoutOptions {
                orientation: if lr {
                    Orientation::LeftRight
                } else {
                    Orientation::TopDown
                },
                sibling_gap: f64::from(sibling) * 10.0,
                level_gap: f64::from(level) * 20.0,
                tree_gap: 30.0,
                trees: rows.map_or(Trees::Row, |r| Trees::Rows {
                    aspect: f64::from(r) * 0.8,
                }),
                stack: stack.map(
                    |(min_leaves, min_columns, max_columns, row, indent, aspect)| StackOptions {
                        min_leaves,
                        min_columns,
                        max_columns,
                        row_gap: f64::from(row) * 6.0,
                        indent: f64::from(indent) * 12.0,
                        aspect: f64::from(aspect) * 0.75,
                    },
                ),
            };
            Case {
                nodes,
                options,
                pick,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_forests_lay_out_tidily(c in case(120)) {
        let f = Forest::new(&c.nodes).unwrap();
        let l = layout(&f, &c.options);
        check_layout(&f, f.roots(), &c.options, &l);
        prop_assert_eq!(&l, &layout(&f, &c.options));
        let v = l.nodes[c.pick % l.nodes.len()].index;
        check_translation(&f, v, &c.options, &l);
        let sub = layout_subtree(&f, v, &c.options).unwrap();
        check_layout(&f, &[v], &c.options, &sub);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn large_random_forests_lay_out_tidily(c in case(3000)) {
        let f = Forest::new(&c.nodes).unwrap();
        let l = layout(&f, &c.options);
        check_layout(&f, f.roots(), &c.options, &l);
        let v = l.nodes[c.pick % l.nodes.len()].index;
        check_translation(&f, v, &c.options, &l);
    }
}

// ---------------------------------------------------------------- RELIABILITY G2, G3

/// G2: run on a thread with a 2 MiB stack, the default for spawned threads, so that any
/// recursion on the depth of the chain would overflow it.
#[test]
fn g2_a_million_long_chain_lays_out_without_recursion() {
    const N: u32 = 1_000_000;
    let l = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let nodes: Vec<ForestNode> = (0..N)
                .map(|i| {
                    if i == 0 {
                        ForestNode::root(CARD)
                    } else {
                        ForestNode::child(i - 1, CARD)
                    }
                })
                .collect();
            layout(&Forest::new(&nodes).unwrap(), &LayoutOptions::default())
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(l.nodes.len(), N as usize);
    assert_eq!(l.edges.len(), N as usize - 1);
    assert!(l.nodes.iter().all(|b| b.x == 0.0));
    assert!(
        l.nodes
            .iter()
            .enumerate()
            .all(|(i, b)| b.y == i as f64 * 128.0)
    );
    assert_eq!(l.width, 220.0);
    assert_eq!(l.edges[0].points, vec![[110.0, 88.0], [110.0, 128.0]]);
}

#[test]
fn g3_fifty_thousand_reports_under_one_manager_are_stacked_into_a_block() {
    const REPORTS: u32 = 50_000;
    let nodes: Vec<ForestNode> = std::iter::once(ForestNode::root(CARD))
        .chain((0..REPORTS).map(|_| ForestNode::child(0, CARD)))
        .collect();
    let f = Forest::new(&nodes).unwrap();
    let stacked = layout(&f, &LayoutOptions::default());
    let row = layout(&f, &unstacked());
    check_layout(&f, f.roots(), &LayoutOptions::default(), &stacked);
    check_layout(&f, f.roots(), &unstacked(), &row);
    assert_eq!(row.width, f64::from(REPORTS) * 240.0 - 20.0);
    assert!(
        stacked.width * 100.0 < row.width,
        "stacked {} vs a row {}",
        stacked.width,
        row.width
    );
    // the block aims at twice as deep as broad: 97 columns of at most 516
    assert_eq!(stacked.width, 97.0 * 264.0 - 20.0);
    assert_eq!(stacked.height, 128.0 + 516.0 * 100.0 - 12.0);
}

// ---------------------------------------------------------------- dotted lines

/// Whether the axis-aligned segment a–b passes through the inside of box `n` (touching its
/// border does not count).
fn through(a: [f64; 2], b: [f64; 2], n: &NodeBox) -> bool {
    let (x0, x1) = (a[0].min(b[0]), a[0].max(b[0]));
    let (y0, y1) = (a[1].min(b[1]), a[1].max(b[1]));
    x1 > n.x + EPS && x0 < n.x + n.width - EPS && y1 > n.y + EPS && y0 < n.y + n.height - EPS
}

/// Checks a dotted route from box `m` to box `p`: two or more points, orthogonal, from `m`'s
/// border to `p`'s, never through either box, every coordinate ≥ 0.
fn check_dotted(points: &[[f64; 2]], m: &NodeBox, p: &NodeBox) {
    assert!(points.len() >= 2 && points.len() <= 5, "{points:?}");
    let (first, last) = (points[0], points[points.len() - 1]);
    assert!(on_boundary(first, m), "{first:?} is not on {m:?}");
    assert!(on_boundary(last, p), "{last:?} is not on {p:?}");
    for w in points.windows(2) {
        assert!(
            (w[0][0] - w[1][0]).abs() <= EPS || (w[0][1] - w[1][1]).abs() <= EPS,
            "a slanted segment in {points:?}"
        );
        for b in [m, p] {
            assert!(!through(w[0], w[1], b), "{points:?} runs through {b:?}");
        }
    }
    assert!(points.iter().flatten().all(|&c| c >= 0.0), "{points:?}");
}

/// A VP over two directors: Ada's three managers lead stacked teams of four, Bo's two
/// managers lead rows of three, and the VP has an assistant. Dotted lines: an engineer in
/// Bo's org to Ada, a stacked engineer in Ada's org to Bo, a manager to the other director,
/// the assistant to Bo, a line within one row (manager to manager), and Bo to an engineer far
/// below him (drawn upwards).
fn dotted_org() -> Org {
    let mut org = Org::default();
    org.people.push(person("vp", None));
    org.people.push(person("ada", Some("vp")));
    org.people.push(person("bo", Some("vp")));
    org.people.push(Person {
        assistant: true,
        ..person("vp-pa", Some("vp"))
    });
    for m in ["a1", "a2", "a3"] {
        org.people.push(person(m, Some("ada")));
        for k in 0..4 {
            org.people.push(person(&format!("{m}-e{k}"), Some(m)));
        }
    }
    for m in ["b1", "b2"] {
        org.people.push(person(m, Some("bo")));
        for k in 0..3 {
            org.people.push(person(&format!("{m}-e{k}"), Some(m)));
        }
    }
    for (p, d) in [
        ("b2-e1", "ada"),
        ("a1-e2", "bo"),
        ("a3", "bo"),
        ("vp-pa", "bo"),
        ("b1", "a2"),
        ("bo", "a1-e3"),
    ] {
        let i = org
            .people
            .iter()
            .position(|q| q.id.as_str() == p)
            .expect("a person of the org");
        org.people[i].dotted_managers.push(PersonId::from(d));
    }
    org
}

#[test]
fn dotted_lines_run_from_the_secondary_manager_to_the_person_without_crossing_cards() {
    let org = dotted_org();
    let s = Snapshot::new(&org, day(), &RuleConfig::default());
    for orientation in [Orientation::TopDown, Orientation::LeftRight] {
        let mut options = ChartOptions::default();
        options.layout.orientation = orientation;
        let chart = layout_snapshot(&s, &options).unwrap();
        let lines: Vec<(&str, &str)> = chart.dotted.iter().map(|d| (d.from, d.to)).collect();
        // in the order of the person's card (breadth-first)
        assert_eq!(
            lines,
            [
                ("a1-e3", "bo"),
                ("bo", "vp-pa"),
                ("bo", "a3"),
                ("a2", "b1"),
                ("bo", "a1-e2"),
                ("ada", "b2-e1"),
            ],
            "{orientation:?}"
        );
        let boxes: BTreeMap<&str, NodeBox> = chart
            .nodes
            .iter()
            .map(|b| {
                let n = NodeBox {
                    index: 0,
                    x: b.x,
                    y: b.y,
                    width: b.width,
                    height: b.height,
                    placement: b.placement,
                };
                (b.id, n)
            })
            .collect();
        for d in &chart.dotted {
            check_dotted(&d.points, &boxes[d.from], &boxes[d.to]);
            for (id, b) in &boxes {
                for w in d.points.windows(2) {
                    assert!(
                        !through(w[0], w[1], b),
                        "{orientation:?}: {} → {} runs through {id}: {:?}",
                        d.from,
                        d.to,
                        d.points
                    );
                }
            }
            for &[x, y] in &d.points {
                assert!(x <= chart.width + EPS && y <= chart.height + EPS);
            }
        }
        // reporting lines are untouched: one per drawn report
        assert_eq!(chart.edges.len(), chart.nodes.len() - 1);
    }
}

#[test]
fn dotted_lines_need_both_people_drawn_once_and_skip_themselves() {
    let mut org = dotted_org();
    org.people.push(Person {
        end_date: Some(Date::from_ymd(2025, 6, 1).unwrap()),
        ..person("gone", Some("vp"))
    });
    let b2e0 = org
        .people
        .iter()
        .position(|q| q.id.as_str() == "b2-e0")
        .unwrap();
    org.people[b2e0].dotted_managers = ["gone", "b2-e0", "nobody", "a2", "a2"]
        .into_iter()
        .map(PersonId::from)
        .collect();
    let s = Snapshot::new(&org, day(), &RuleConfig::default());
    let all = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    let to_b2e0: Vec<&str> = all
        .dotted
        .iter()
        .filter(|d| d.to == "b2-e0")
        .map(|d| d.from)
        .collect();
    assert_eq!(
        to_b2e0,
        ["a2"],
        "absent, self, unknown and repeats are skipped"
    );

    // Collapsing Ada hides her org: only lines between people still drawn remain.
    let collapsed = layout_snapshot(
        &s,
        &ChartOptions {
            collapsed: vec![PersonId::from("ada")],
            ..ChartOptions::default()
        },
    )
    .unwrap();
    let lines: Vec<(&str, &str)> = collapsed.dotted.iter().map(|d| (d.from, d.to)).collect();
    assert_eq!(lines, [("bo", "vp-pa"), ("ada", "b2-e1")]);

    // Bo's subtree alone: the lines to Ada's people have no other end.
    let bo = layout_snapshot(
        &s,
        &ChartOptions {
            root: Some(PersonId::from("bo")),
            ..ChartOptions::default()
        },
    )
    .unwrap();
    assert!(bo.dotted.is_empty(), "{:?}", bo.dotted);

    // JSON: from, to and points, beside nodes and edges; the same bytes every time.
    let json = serde_json::to_value(&all).unwrap();
    let line = &json["dotted"][0];
    assert_eq!(line["from"], "a1-e3");
    assert_eq!(line["to"], "bo");
    assert!(line["points"][0].as_array().is_some_and(|p| p.len() == 2));
    let again = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    assert_eq!(
        serde_json::to_string(&all).unwrap(),
        serde_json::to_string(&again).unwrap()
    );
}

#[test]
fn an_org_without_dotted_lines_lays_out_as_before() {
    let mut org = dotted_org();
    for p in &mut org.people {
        p.dotted_managers.clear();
    }
    let s = Snapshot::new(&org, day(), &RuleConfig::default());
    let chart = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    assert!(chart.dotted.is_empty());
    let f = pendulum_layout::snapshot_forest(&s, CARD).unwrap();
    let plain = layout(&f, &LayoutOptions::default());
    assert_eq!((chart.width, chart.height), (plain.width, plain.height));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn dotted_routes_between_random_boxes_are_orthogonal_and_leave_their_ends(
        c in case(80),
        pairs in prop::collection::vec((any::<usize>(), any::<usize>()), 1..8),
    ) {
        let f = Forest::new(&c.nodes).unwrap();
        let l = layout(&f, &c.options);
        for (a, b) in pairs {
            let (m, p) = (&l.nodes[a % l.nodes.len()], &l.nodes[b % l.nodes.len()]);
            if m.index == p.index {
                continue;
            }
            let points = pendulum_layout::dotted_route(m, p, &c.options);
            check_dotted(&points, m, p);
            prop_assert_eq!(&points, &pendulum_layout::dotted_route(m, p, &c.options));
        }
    }
}
