//! Contacts both ways: up to the server, edits and new contacts from another client back in,
//! two computers on one account, deletes elsewhere.

use super::*;

fn a_small_network(device: &Device) {
    device.add_person(&[
        "Ada Lovelace",
        "--org",
        "Analytical Engines",
        "--email",
        "ada@analytical.org",
        "--circle",
        "Professors",
    ]);
    device.add_person(&[
        "Grace Hopper",
        "--email",
        "grace@navy.mil",
        "--circle",
        "Coworkers",
        "--org",
        "US Navy",
        "--title",
        "Rear Admiral",
    ]);
    device.add_person(&["Aunt Lucía", "--circle", "Family"]);
}

#[test]
fn a_store_syncs_up_and_another_client_finds_everyone_with_their_circle() {
    on_both_servers(|keyring, server| {
        let laptop = Device::new(keyring);
        a_small_network(&laptop);
        let account = laptop.add_account(server);
        assert_eq!(account["addressbook"]["name"], "Rapport");
        assert_eq!(account["calendar"]["name"], "Rapport follow-ups");
        assert_eq!(account["peopleToSend"], 3, "you are not sent: {account}");
        let report = laptop.sync();
        assert_eq!(report["contacts"]["sent"], 3);

        let cards = cards_on(&account);
        assert_eq!(cards.len(), 3, "{cards:?}");
        let ada = cards
            .iter()
            .find(|c| c["fn"] == "Ada Lovelace")
            .expect("Ada's card");
        assert_eq!(ada["emails"][0], "ada@analytical.org");
        assert_eq!(ada["org"][0], "Analytical Engines");
        assert_eq!(
            ada["categories"][0], "Professors & advisors",
            "the circle first: {ada}"
        );
        let uid = laptop.person_named("Ada Lovelace")["uid"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            ada["uid"].as_str().unwrap().ends_with(&uid),
            "UID = the person's UID: {ada}"
        );
        assert!(cards.iter().all(|c| c["fn"] != "Me"));

        let again = laptop.sync();
        assert_eq!(
            again["contacts"]["sent"], 0,
            "nothing changed, nothing sent: {again}"
        );
    });
}

#[test]
fn an_edit_and_a_new_contact_from_another_client_come_in_once() {
    edits_and_new_contacts_come_in(&[]);
}

#[test]
fn without_sync_collection_ctags_and_etags_find_the_same_changes() {
    edits_and_new_contacts_come_in(&[(WITHOUT_SYNC_COLLECTION, "1")]);
}

const WITHOUT_SYNC_COLLECTION: &str = "RAPPORT_SYNC_WITHOUT_SYNC_COLLECTION";

fn edits_and_new_contacts_come_in(vars: &[(&str, &str)]) {
    on_both_servers(|keyring, server| {
        let mut laptop = Device::new(keyring);
        laptop.vars = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        a_small_network(&laptop);
        let account = laptop.add_account(server);
        laptop.sync();

        let cards = cards_on(&account);
        let ada = cards.iter().find(|c| c["fn"] == "Ada Lovelace").unwrap();
        // A phone adds a number (dropping the X-RAPPORT-* it does not know), and a contact is
        // made there; one is already in Rapport by email.
        client(&[
            "add-phone",
            ada["url"].as_str().unwrap(),
            USER,
            PASSWORD,
            "+44 20 7946 0000",
        ]);
        let book = account["addressbook"]["url"].as_str().unwrap();
        client(&[
            "create-card",
            book,
            USER,
            PASSWORD,
            "Katherine Johnson",
            "katherine@nasa.gov",
        ]);
        client(&[
            "create-card",
            book,
            USER,
            PASSWORD,
            "Grace B. Hopper",
            "grace@navy.mil",
        ]);

        let report = laptop.sync();
        assert_eq!(report["contacts"]["updated"], 1, "{report}");
        assert_eq!(report["contacts"]["received"], 2, "{report}");
        let ada = laptop.person_named("Ada Lovelace");
        assert_eq!(ada["phone"], "+44 20 7946 0000");
        assert_eq!(
            ada["circle"], "Professors & advisors",
            "a dropped X-RAPPORT-CIRCLE is no deletion"
        );
        laptop.person_named("Katherine Johnson");
        laptop.person_named("Grace Hopper");
        assert_eq!(
            laptop.people().len(),
            4,
            "Grace came in once: {:?}",
            laptop.people()
        );
        let shown = laptop.json(&["people", "show", "Ada Lovelace"]);
        assert_eq!(shown["syncChanges"][0]["field"], "phones", "{shown}");

        let idle = laptop.sync();
        assert_eq!(idle["contacts"]["received"], 0, "{idle}");
        assert_eq!(idle["contacts"]["updated"], 0, "{idle}");
    });
}

#[test]
fn two_computers_on_one_account_converge_and_a_conflict_keeps_both_values() {
    on_both_servers(|keyring, server| {
        let laptop = Device::new(keyring);
        let desktop = Device::new(keyring);
        laptop.add_person(&[
            "Ada Lovelace",
            "--org",
            "Analytical Engines",
            "--email",
            "ada@analytical.org",
        ]);
        laptop.add_account(server);
        laptop.sync();
        desktop.add_account(server);
        let first = desktop.sync();
        assert_eq!(first["contacts"]["received"], 1, "{first}");
        assert_eq!(
            desktop.person_named("Ada Lovelace")["organization"],
            "Analytical Engines"
        );

        desktop.add_person(&["Grace Hopper", "--email", "grace@navy.mil"]);
        desktop.sync();
        laptop.sync();
        laptop.person_named("Grace Hopper");

        // Both change Ada's organization before either syncs.
        laptop.json(&["people", "edit", "Ada Lovelace", "--org", "Royal Society"]);
        desktop.json(&[
            "people",
            "edit",
            "Ada Lovelace",
            "--org",
            "University of London",
        ]);
        laptop.sync();
        let report = desktop.sync();
        assert_eq!(report["contacts"]["conflicts"], 1, "{report}");
        assert_eq!(
            desktop.person_named("Ada Lovelace")["organization"],
            "University of London",
            "Rapport's value stays"
        );
        let shown = desktop.json(&["people", "show", "Ada Lovelace"]);
        let conflict = &shown["syncChanges"][0];
        assert_eq!(conflict["conflict"], true, "{shown}");
        assert_eq!(
            conflict["after"], "Royal Society",
            "the other value is kept: {shown}"
        );
        laptop.sync();
        assert_eq!(
            laptop.person_named("Ada Lovelace")["organization"],
            "University of London",
            "they converge"
        );
        assert_eq!(laptop.people().len(), desktop.people().len());
        assert_eq!(
            cards_on(&laptop.json(&["accounts", "list"])[0]).len(),
            2,
            "no card doubled"
        );
    });
}

#[test]
fn a_card_deleted_elsewhere_keeps_the_person_and_is_not_sent_again() {
    on_both_servers(|keyring, server| {
        let laptop = Device::new(keyring);
        a_small_network(&laptop);
        let account = laptop.add_account(server);
        laptop.sync();
        let grace = cards_on(&account)
            .into_iter()
            .find(|c| c["fn"] == "Grace Hopper")
            .unwrap();
        client(&["delete", grace["url"].as_str().unwrap(), USER, PASSWORD]);

        let report = laptop.sync();
        assert_eq!(report["contacts"]["removedElsewhere"], 1, "{report}");
        laptop.person_named("Grace Hopper");
        let shown = laptop.json(&["people", "show", "Grace Hopper"]);
        assert_eq!(shown["removedFrom"], serde_json::json!([1]), "{shown}");

        laptop.json(&["people", "edit", "Grace Hopper", "--title", "Commodore"]);
        laptop.sync();
        assert_eq!(
            cards_on(&account).len(),
            2,
            "not uploaded again until the user chooses"
        );
    });
}

#[test]
fn an_idle_sync_fetches_no_card() {
    let keyring = Keyring::start();
    let server = Server::start(Kind::Radicale);
    let laptop = Device::new(&keyring);
    a_small_network(&laptop);
    let account = laptop.add_account(&server);
    laptop.sync();
    // Radicale logs each REPORT with its kind: a card fetched is a REPORT that is not the
    // sync-collection (an addressbook-multiget), or a GET.
    let fetches = |log: &str| {
        log.lines()
            .filter(|l| l.contains("REPORT response") && l.contains("/rapport/'"))
            .filter(|l| !l.contains("sync-collection"))
            .count()
    };
    let (before, gets) = (server.log().len(), server.requests("GET"));
    laptop.sync();
    let idle = server.log()[before..].to_string();
    assert!(
        idle.contains("sync-collection"),
        "the idle pass asked what changed: {idle}"
    );
    assert_eq!(fetches(&idle), 0, "no card body was fetched: {idle}");
    assert_eq!(server.requests("GET"), gets, "no card was fetched: {idle}");

    // The same count sees a card that did change.
    let ada = cards_on(&account)
        .into_iter()
        .find(|c| c["fn"] == "Ada Lovelace")
        .unwrap();
    client(&[
        "add-phone",
        ada["url"].as_str().unwrap(),
        USER,
        PASSWORD,
        "+44 20 7946 0000",
    ]);
    let before = server.log().len();
    laptop.sync();
    assert_eq!(
        fetches(&server.log()[before..]),
        1,
        "one card fetched once it changed"
    );
}
