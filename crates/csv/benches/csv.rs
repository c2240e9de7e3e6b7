//! Import and export throughput on orgs of 1k and 100k people, and a 1,000,000-long
//! reporting chain (RELIABILITY G2: nothing here walks the tree, so it is linear).

use pendulum_core::{Date, Org, Person, PersonId, TeamId};
use pendulum_csv::{ImportRequest, Source, import, people_csv};

fn main() {
    divan::main();
}

/// A tree with spans of eight and every column filled, built without randomness.
fn org(n: usize) -> Org {
    let start = Date::parse("2020-01-01").expect("a date");
    let people = (0..n)
        .map(|i| {
            let mut p = Person::new(format!("E{i:07}"), format!("Person {i} Surname"));
            p.title = if i % 9 == 0 {
                "Engineering Manager".into()
            } else {
                "Software Engineer".into()
            };
            p.manager_id = (i > 0).then(|| PersonId::new(format!("E{:07}", (i - 1) / 8)));
            p.team = Some(TeamId::new(format!("Team {}", i / 50)));
            p.level = Some(format!("L{}", 3 + i % 4));
            p.start_date = Some(start.add_days((i % 2000) as i32));
            p.fte = if i % 10 == 0 { 0.8 } else { 1.0 };
            p.location = Some("Berlin".into());
            p.email = Some(format!("person{i}@example.org"));
            p
        })
        .collect();
    Org {
        people,
        ..Org::default()
    }
}

fn chain(n: usize) -> Org {
    let people = (0..n)
        .map(|i| {
            let mut p = Person::new(i.to_string(), "P");
            p.manager_id = (i > 0).then(|| PersonId::new((i - 1).to_string()));
            p
        })
        .collect();
    Org {
        people,
        ..Org::default()
    }
}

#[divan::bench(args = [1_000, 100_000])]
fn export_people(bencher: divan::Bencher, n: usize) {
    let org = org(n);
    bencher.bench(|| people_csv(divan::black_box(&org)));
}

#[divan::bench(args = [1_000, 100_000])]
fn import_people(bencher: divan::Bencher, n: usize) {
    let csv = people_csv(&org(n));
    bencher.bench(|| {
        let got = import(&ImportRequest::people(Source::new(
            "people.csv",
            divan::black_box(csv.as_bytes()),
        )));
        assert!(got.is_ok());
        got
    });
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn chain_of_a_million_export_and_import(bencher: divan::Bencher) {
    let org = chain(1_000_000);
    bencher.bench(|| {
        let csv = people_csv(&org);
        let got = import(&ImportRequest::people(Source::new(
            "chain.csv",
            csv.as_bytes(),
        )));
        assert!(got.as_ref().is_ok_and(|g| g.org.people.len() == 1_000_000));
        got
    });
}
