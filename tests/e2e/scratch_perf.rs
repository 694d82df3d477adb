use crate::harness::{App, Bus, Profile};
#[tokio::test(flavor = "multi_thread")]
async fn scratch_network_perf() {
    let bus = Bus::start();
    let profile = Profile::new();
    profile.cli(&bus, &["import", "linkedin", "/tmp/big3000.csv"]);
    let app = App::launch(&profile, &bus).await;
    for round in 0..3 {
        let t = app.client.execute_async("const done = arguments[0]; const t0 = performance.now(); document.getElementById('show-network').click(); const poll = () => { const n = document.querySelector('#network[data-ready]'); if (n) { requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0))); } else setTimeout(poll, 5); }; poll();", vec![]).await.unwrap();
        eprintln!("PERF open network map with 3000 people (round {round}): {t} ms");
        let z = app.client.execute_async("const done = arguments[0]; const cy = document.querySelector('#network-canvas')._cyreg.cy; const t0 = performance.now(); let frames = 0; const step = () => { cy.zoom({ level: cy.zoom() * 1.05, renderedPosition: { x: 200, y: 200 } }); cy.panBy({ x: 3, y: 2 }); frames++; if (frames < 60) requestAnimationFrame(step); else done((performance.now() - t0) / frames); }; requestAnimationFrame(step);", vec![]).await.unwrap();
        eprintln!("PERF zoom/pan frame time: {z} ms");
        app.client
            .execute("document.getElementById('show-today').click()", vec![])
            .await
            .unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    app.client
        .execute("document.getElementById('show-network').click()", vec![])
        .await
        .unwrap();
    app.wait_for_css("#network[data-ready='true']").await;
    app.screenshot("scratch-network-3000").await;
}
