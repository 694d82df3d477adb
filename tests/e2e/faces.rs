//! Issue 15: faces and addresses from a real address book (an iPhone's vCard 3.0 with inline
//! photos), in the people list, the palette and the person page; a photo set by dropping a file
//! and by the file input, a bad one refused beside the photo; addresses edited in place.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::accessibility::serious_violations;
use crate::harness::{fixture, App, Bus, Profile};

/// Polls `script` (an expression) until it is true.
async fn wait_until_js(app: &App, script: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while app.js(&format!("return Boolean({script})")).await != json!(true) {
        if Instant::now() > deadline {
            app.screenshot("failure").await;
            panic!("never: {what}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Hands `path`'s bytes to the page as a File, dropped on the photo zone or chosen in its input.
async fn give_photo(app: &App, path: &str, name: &str, how: &str) {
    let bytes = std::fs::read(path).unwrap();
    app.client
        .execute(
            "const [bytes, name, how] = arguments;
             const file = new File([new Uint8Array(bytes)], name, { type: name.endsWith('.png') ? 'image/png' : 'text/plain' });
             const transfer = new DataTransfer();
             transfer.items.add(file);
             if (how === 'drop') {
               document.getElementById('photo-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
             } else {
               const input = document.getElementById('photo-file');
               input.files = transfer.files;
               input.dispatchEvent(new Event('change', { bubbles: true }));
             }",
            vec![json!(bytes), json!(name), json!(how)],
        )
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn faces_from_an_iphone_address_book_show_round_in_the_list_the_palette_and_the_person_page()
{
    let bus = Bus::start();
    let profile = Profile::new();
    let imported = profile.cli(
        &bus,
        &[
            "--json",
            "import",
            "vcard",
            &fixture("vcard/faces-iphone-3.0.vcf"),
        ],
    );
    assert!(
        imported.contains("\"new\": 7") || imported.contains("\"new\":7"),
        "{imported}"
    );
    let app = App::launch(&profile, &bus).await;

    // Six faces replace their initials; the seventh person keeps initials.
    wait_until_js(
        &app,
        "document.querySelectorAll('#people-list .avatar.has-photo img').length === 6",
        "six faces in the list",
    )
    .await;
    let geometry = app
        .js("return [...document.querySelectorAll('#people-list .person-row')].map((row) => {
               const avatar = row.querySelector('.avatar');
               const a = avatar.getBoundingClientRect();
               const img = avatar.querySelector('img');
               const i = img ? img.getBoundingClientRect() : a;
               return { w: a.width, h: a.height, round: getComputedStyle(avatar).borderRadius,
                        fits: i.left === a.left && i.top === a.top && i.width === a.width && i.height === a.height,
                        middle: Math.abs((a.top + a.height / 2) - (row.getBoundingClientRect().top + row.getBoundingClientRect().height / 2)) <= 1,
                        loaded: img ? img.complete && img.naturalWidth === 96 : null };
             })")
        .await;
    for avatar in geometry.as_array().unwrap() {
        assert_eq!(
            (&avatar["w"], &avatar["h"]),
            (&json!(30), &json!(30)),
            "{geometry}"
        );
        assert_eq!(avatar["round"], "50%", "{geometry}");
        assert_eq!(
            avatar["fits"], true,
            "the face fills the round exactly: {geometry}"
        );
        assert_eq!(avatar["middle"], true, "centred in its row: {geometry}");
        assert_ne!(avatar["loaded"], false, "a 96-pixel thumbnail: {geometry}");
    }
    app.screenshot("faces-people-list").await;

    // The person page: the face, the address, drop a face on someone without one.
    app.js("document.querySelector('#people-list .person-row[data-person-id]').click()")
        .await;
    app.wait_for_css("#photo-zone .avatar.has-photo img").await;
    app.wait_for_text("#person-addresses", "14 Marina Road, Lagos 101241, Nigeria")
        .await;
    app.screenshot("faces-person-page").await;

    app.js("[...document.querySelectorAll('#people-list .person-row')].find((r) => r.textContent.includes('Gabriel Gomez')).click()").await;
    app.wait_for_text("#photo-zone", "Add a photo").await;
    give_photo(&app, &fixture("photos/face.jpg"), "notes.txt", "drop").await;
    // A JPEG named .txt is still a JPEG: what counts is the bytes.
    app.wait_for_css("#photo-zone .avatar.has-photo img").await;
    wait_until_js(
        &app,
        "document.querySelectorAll('#people-list .avatar.has-photo img').length === 7",
        "Gabriel's face in the list too",
    )
    .await;
    give_photo(
        &app,
        &fixture("linkedin/Connections.csv"),
        "connections.png",
        "input",
    )
    .await;
    app.wait_for_text("#photo-error", "not a JPEG or PNG").await;
    assert_eq!(
        app.js("return document.getElementById('photo-file').getAttribute('aria-invalid')")
            .await,
        json!("true")
    );
    assert_eq!(
        app.js("return document.querySelectorAll('#photo-zone img').length")
            .await,
        json!(1),
        "the face stays"
    );
    let before = app
        .js("return document.querySelector('#photo-zone img').src")
        .await;
    give_photo(&app, &fixture("photos/square.png"), "square.png", "input").await;
    wait_until_js(
        &app,
        &format!("document.querySelector('#photo-zone img').src !== {before}"),
        "the square face shown",
    )
    .await;
    assert_eq!(
        app.js("return document.getElementById('photo-error').hidden")
            .await,
        json!(true),
        "the error cleared"
    );
    app.js("document.getElementById('remove-photo').click()")
        .await;
    app.wait_for_text("#photo-zone", "Add a photo").await;
    wait_until_js(
        &app,
        "document.querySelectorAll('#people-list .avatar.has-photo img').length === 6",
        "Gabriel's initials back in the list",
    )
    .await;

    // Addresses, edited in place; an error shows beside the form's field.
    app.js("document.getElementById('edit-addresses').click()")
        .await;
    app.wait_for_css("#address-form input[name='street-0']")
        .await;
    let violations = serious_violations(&app).await;
    assert!(
        violations.is_empty(),
        "person page with its address form: {violations:?}"
    );
    app.js("const f = document.getElementById('address-form');
            f.elements['street-0'].value = 'x'.repeat(501);
            f.querySelector('button[type=submit]').click();")
        .await;
    app.wait_for_text(
        "#address-form .field-error[data-for='address']",
        "at most 500 characters",
    )
    .await;
    app.js("const f = document.getElementById('address-form');
            f.elements['street-0'].value = '7 Elm Street';
            f.elements['locality-0'].value = 'Springfield';
            f.elements['kind-0'].value = 'work';
            f.querySelector('button[type=submit]').click();")
        .await;
    app.wait_for_text("#person-addresses .addresses", "7 Elm Street, Springfield")
        .await;
    app.wait_for_text("#person-addresses .address-kind", "Work")
        .await;

    // The palette shows faces beside the names it offers.
    app.js("document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true }))")
        .await;
    app.wait_for_css("#palette-input").await;
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys("Amara")
        .await
        .unwrap();
    app.wait_for_css("#palette-list .palette-item .avatar.has-photo img")
        .await;
    let violations = serious_violations(&app).await;
    assert!(violations.is_empty(), "palette with faces: {violations:?}");
    app.screenshot("faces-palette").await;

    // The network map draws the same faces on its people.
    app.js("document.getElementById('palette-input').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))")
        .await;
    wait_until_js(
        &app,
        "!document.getElementById('palette-input')",
        "the palette closed",
    )
    .await;
    app.js("document.getElementById('show-network').click()")
        .await;
    wait_until_js(
        &app,
        "Number(document.getElementById('network-canvas')?.dataset.faces) >= 5",
        "faces drawn on the network map",
    )
    .await;
    app.screenshot("faces-network").await;
    app.quit(&bus).await;
}
