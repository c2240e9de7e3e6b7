//! The chart: the demo opens, search jumps, a drop moves a person and undo puts them back,
//! a drop that would make a cycle is refused.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_chart_opens_and_search_jumps_to_a_person() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    app.first_chart("demo").await;
    let c = &app.client;

    // First launch: the demo org opens and its root is drawn as a card.
    let root = within(
        30,
        "the demo's root card",
        c.wait().for_element(Locator::Css(&card(ROOT_ID))),
    )
    .await
    .expect("root card");
    // textContent, not WebDriver's "visible text": its visibility heuristics drop text inside
    // overflow-clipped boxes under a CSS scale; the screenshot shows what a person sees.
    let text = within(5, "root card text", root.prop("textContent"))
        .await
        .expect("card text");
    assert!(
        text.as_deref().unwrap_or("").contains(ROOT_NAME),
        "the root card reads {text:?}"
    );
    assert!(
        within(5, "root displayed", root.is_displayed())
            .await
            .expect("displayed")
    );
    let cards = within(5, "all cards", c.find_all(Locator::Css(".card")))
        .await
        .expect("cards");
    assert!(cards.len() > 10, "only {} cards drawn", cards.len());
    let shot = app.screenshot("chart.png").await;
    eprintln!("e2e: screenshot {}", shot.display());

    // Search: type part of a name, press Enter, and the person is selected and inspected,
    // with the flag the demo raises on them (seven reports: span-too-wide).
    let search = within(5, "search box", c.find(Locator::Css("input[type=search]")))
        .await
        .expect("search");
    within(5, "type a query", search.send_keys("rachel"))
        .await
        .expect("type");
    within(5, "press Enter", search.send_keys("\u{E007}"))
        .await
        .expect("enter");
    let selected = within(
        10,
        "selected card",
        c.wait().for_element(Locator::Css(".card.selected")),
    )
    .await
    .expect("a selected card");
    let selected_text = within(5, "selected text", selected.prop("textContent"))
        .await
        .expect("text");
    let selected_text = selected_text.unwrap_or_default();
    assert!(
        selected_text.contains("Rachel Goldberg"),
        "selected card reads {selected_text:?}"
    );
    let heading = within(
        10,
        "inspector heading",
        c.wait().for_element(Locator::Css("aside h2")),
    )
    .await
    .expect("inspector");
    let heading = within(5, "heading text", heading.prop("textContent"))
        .await
        .expect("text")
        .unwrap_or_default();
    assert!(
        heading.contains("Rachel Goldberg"),
        "inspector shows {heading:?}"
    );
    let flags = within(5, "inspector flags", c.find(Locator::Css("aside .flags")))
        .await
        .expect("the inspector lists the person's flags");
    let flags = within(5, "flags text", flags.prop("textContent"))
        .await
        .expect("text")
        .unwrap_or_default();
    assert!(
        flags.contains("Span too wide"),
        "inspector flags read {flags:?}"
    );
    app.screenshot("search.png").await;

    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_a_card_on_another_moves_the_person_and_undo_puts_them_back() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    let c = &app.client;
    within(
        30,
        "the demo's chart",
        c.wait().for_element(Locator::Css(".card")),
    )
    .await
    .expect("chart");
    // Bring Kenji and Rachel (neighbours under Mateus) on screen through the search.
    let search = within(5, "search box", c.find(Locator::Css("input[type=search]")))
        .await
        .expect("search");
    within(5, "type", search.send_keys("kenji\u{E007}"))
        .await
        .expect("type");
    within(
        10,
        "Rachel's card",
        c.wait().for_element(Locator::Css(&card("p-rachel"))),
    )
    .await
    .expect("Rachel on screen");
    app.settled().await;

    // Drag Kenji's card onto Rachel's with real pointer events at their on-screen centres.
    let drag = r#"const done = arguments[arguments.length - 1];
        const [from, onto] = [arguments[0], arguments[1]];
        const chart = document.querySelector('.chart');
        const centre = (id) => {
          const r = document.querySelector(`.card[data-person="${id}"]`).getBoundingClientRect();
          return { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
        };
        const a = centre(from), b = centre(onto);
        const fire = (el, type, p) => el.dispatchEvent(new PointerEvent(type,
          { pointerId: 3, button: 0, buttons: 1, bubbles: true, ...p }));
        fire(document.querySelector(`.card[data-person="${from}"] .name`), 'pointerdown', a);
        fire(chart, 'pointermove', { clientX: a.clientX + 20, clientY: a.clientY + 20 });
        fire(chart, 'pointermove', b);
        requestAnimationFrame(() => {
          const hint = document.querySelector('.carry')?.textContent ?? '';
          fire(chart, 'pointerup', b);
          done(hint);
        });"#;
    let hint = within(
        20,
        "drag Kenji onto Rachel",
        c.execute_async(drag, vec![json!("p-kenji"), json!("p-rachel")]),
    )
    .await
    .expect("drag script");
    assert!(
        hint.as_str()
            .is_some_and(|h| h.contains("Kenji Watanabe") && h.contains("Rachel Goldberg")),
        "the drag hint read {hint}"
    );

    // The move is saved and drawn: Kenji's card now hangs under Rachel's.
    let manager_of_kenji = r#"const done = arguments[arguments.length - 1];
        const wait = () => {
          const k = document.querySelector('.card[data-person="p-kenji"]');
          const r = document.querySelector('.card[data-person="p-rachel"]');
          if (k && r && parseFloat(k.style.top) > parseFloat(r.style.top)) done('p-rachel');
          else if (k && r && parseFloat(k.style.top) === parseFloat(r.style.top)) setTimeout(wait, 50);
          else setTimeout(wait, 50);
        };
        wait();"#;
    let moved = within(
        20,
        "Kenji drawn under Rachel",
        c.execute_async(manager_of_kenji, vec![]),
    )
    .await
    .expect("moved");
    assert_eq!(moved, json!("p-rachel"));
    let undo = within(
        5,
        "undo button",
        c.find(Locator::Css("button[aria-label=Undo]")),
    )
    .await
    .expect("undo");
    assert_eq!(
        within(5, "undo enabled", undo.attr("disabled"))
            .await
            .expect("attr"),
        None
    );
    app.screenshot("moved.png").await;

    // Undo puts Kenji back beside Rachel (same row under Mateus).
    within(5, "click undo", undo.click()).await.expect("click");
    let back = r#"const done = arguments[arguments.length - 1];
        const wait = () => {
          const k = document.querySelector('.card[data-person="p-kenji"]');
          const r = document.querySelector('.card[data-person="p-rachel"]');
          if (k && r && parseFloat(k.style.top) === parseFloat(r.style.top)) done(true);
          else setTimeout(wait, 50);
        };
        wait();"#;
    within(
        20,
        "Kenji back beside Rachel",
        c.execute_async(back, vec![]),
    )
    .await
    .expect("undone");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_drop_that_would_make_a_cycle_is_refused_with_its_reason() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    // Rachel dropped on Ana, who reports to her: the move is refused and nothing changes.
    let out = app
        .journey(
            60,
            "drop Rachel on her own report",
            r#"await until(() => document.querySelector('.card'), 'the chart');
            await jumpTo('ana beatriz', 'p-ana');
            await until(() => card('p-rachel'), "Rachel's card");
            const before = { ana: topOf('p-ana'), rachel: topOf('p-rachel') };
            const hint = await dragOnto('p-rachel', 'p-ana');
            const alert = await until(() => document.querySelector('[role=alert]'), 'the refusal');
            await frames(2);
            return {
              hint,
              alert: alert.textContent,
              before,
              after: { ana: topOf('p-ana'), rachel: topOf('p-rachel') },
              undo: document.querySelector('button[aria-label=Undo]').disabled,
            };"#,
        )
        .await;
    eprintln!("e2e: cycle refusal: {out}");
    let hint = out["hint"].as_str().unwrap_or_default();
    assert!(
        hint.contains("Rachel Goldberg") && hint.contains("Ana Beatriz Costa"),
        "the drag hint read {hint:?}"
    );
    let alert = out["alert"].as_str().unwrap_or_default();
    assert!(
        alert.contains("Not possible"),
        "the refusal reads {alert:?}"
    );
    assert!(
        alert.contains("report to their own report") && alert.contains("Rachel Goldberg"),
        "the refusal gives no reason: {alert:?}"
    );
    assert_eq!(out["before"], out["after"], "the chart changed");
    assert_eq!(
        out["undo"],
        json!(true),
        "a refused move left something to undo"
    );
    app.screenshot("cycle-refused.png").await;
    app.close().await;
}
