//! One pass over an account's address book: what changed on the server comes in first (so that
//! a contact another device uploaded is matched, not sent back as a second card), then what
//! changed in Rapport goes up, then cards of people deleted in Rapport are deleted.
//!
//! Changes are found with `sync-collection` (RFC 6578) where the server offers it, otherwise by
//! comparing the ctag and then each card's ETag; only cards whose ETag differs from the one
//! Rapport last saw are fetched, a hundred at a time, so that an idle pass fetches no card and
//! memory stays flat however large the address book. Every write is conditional (`If-Match`,
//! `If-None-Match: *`): a card changed on the server meanwhile is merged at the next pass,
//! never overwritten.

use http::StatusCode;
use libdav::carddav::GetAddressBookResources;
use libdav::dav::{Delete, GetEtag, PutResource, WebDavError};
use rapport_core::sync::{Account, Matcher, OutgoingCard, Received, ToSend};
use rapport_core::Store;
use serde::Serialize;

use crate::changes::{changes, path_of};
use crate::discovery::Session;
use crate::error::Result;
use crate::progress::{Phase, Progress};

/// Cards fetched per request.
const BATCH: usize = 100;

/// Cards sent at once.
const IN_FLIGHT: usize = 6;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactCounts {
    /// Cards sent (new or changed in Rapport).
    pub sent: usize,
    /// Contacts that came in new from elsewhere (or matched someone stored).
    pub received: usize,
    /// People updated from a card changed elsewhere.
    pub updated: usize,
    /// Fields both sides changed: Rapport's kept, the other noted.
    pub conflicts: usize,
    /// Cards deleted elsewhere, whose people Rapport kept.
    pub removed_elsewhere: usize,
    /// Cards deleted on the server because their person was deleted in Rapport.
    pub deleted: usize,
}

/// Brings in what changed on the server.
async fn receive(
    session: &Session<'_>,
    store: &Store,
    account: &Account,
    book: &str,
    counts: &mut ContactCounts,
    progress: &mut dyn FnMut(Progress),
) -> Result<Option<String>> {
    let found = changes(session, store, account, book).await?;
    tracing::debug!(changed = found.changed.len(), deleted = ?found.deleted, "changes on the server");
    let known = store.known_cards(account.id)?;
    let to_fetch: Vec<String> = found
        .changed
        .into_iter()
        .filter(|(href, etag)| match known.get(href) {
            Some(card) => etag.is_none() || card.etag != *etag,
            None => true,
        })
        .map(|(href, _)| href)
        .collect();
    let mut matcher = Matcher::default();
    let total = to_fetch.len();
    for (i, batch) in to_fetch.chunks(BATCH).enumerate() {
        progress(Progress {
            phase: Phase::Receiving,
            done: i * BATCH,
            total,
        });
        let encoded = batch
            .iter()
            .map(|h| libdav::encoding::strict_percent_encoded(h));
        let fetched = session
            .dav
            .request(GetAddressBookResources::new(book).with_hrefs(encoded))
            .await
            .map_err(session.fail("the changed cards"))?
            .resources;
        for resource in fetched {
            let Ok(content) = resource.content else {
                continue;
            };
            match store.apply_remote_card(
                account.id,
                &resource.href,
                Some(&content.etag),
                &content.data,
                &mut matcher,
            ) {
                Ok(Received::New { .. } | Received::Matched { .. }) => counts.received += 1,
                Ok(Received::Updated { conflicts, .. }) => {
                    counts.updated += 1;
                    counts.conflicts += conflicts;
                }
                Ok(Received::Unchanged { .. } | Received::Deleted) => {}
                // One card Rapport cannot read stops nothing else.
                Err(e) if e.is_user_error() => {
                    tracing::warn!(href = %resource.href, "a card on the server was not read: {e}");
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    if total > 0 {
        progress(Progress {
            phase: Phase::Receiving,
            done: total,
            total,
        });
    }
    for href in &found.deleted {
        if store.card_removed_elsewhere(account.id, href)?.is_some() {
            counts.removed_elsewhere += 1;
        }
    }
    Ok(found.token)
}

fn card_href(book: &str, uid: &str) -> String {
    let name: String = uid
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{}/{name}.vcf", book.trim_end_matches('/'))
}

async fn etag_after_put(
    session: &Session<'_>,
    href: &str,
    given: Option<String>,
) -> Option<String> {
    match given {
        Some(etag) => Some(etag),
        None => session
            .dav
            .request(GetEtag::new(href))
            .await
            .ok()
            .map(|r| r.etag),
    }
}

/// One card's PUT: an update at its ETag, or a new card that must not exist yet.
async fn put_card(
    session: &Session<'_>,
    book: &str,
    person: &ToSend,
    card: &OutgoingCard,
) -> (
    String,
    std::result::Result<Option<String>, crate::http::DavError>,
) {
    const MEDIA: &str = "text/vcard; charset=utf-8";
    let href = person
        .href
        .clone()
        .unwrap_or_else(|| card_href(book, &card.uid));
    let request = PutResource::new(&href);
    let result = match &person.etag {
        Some(etag) if person.href.is_some() => {
            session
                .dav
                .request(request.update(&card.text, MEDIA, etag))
                .await
        }
        _ => session.dav.request(request.create(&card.text, MEDIA)).await,
    };
    let result = match result {
        Ok(response) => Ok(etag_after_put(session, &href, response.etag).await),
        Err(e) => Err(e),
    };
    (href, result)
}

/// Sends what changed in Rapport, a few cards at a time (the server's latency, not Rapport,
/// is what a first sync of thousands waits on).
async fn send(
    session: &Session<'_>,
    store: &Store,
    account: &Account,
    book: &str,
    counts: &mut ContactCounts,
    progress: &mut dyn FnMut(Progress),
) -> Result<()> {
    let to_send = store.cards_to_send(account.id)?;
    let total = to_send.len();
    for (i, batch) in to_send.chunks(IN_FLIGHT).enumerate() {
        progress(Progress {
            phase: Phase::Sending,
            done: i * IN_FLIGHT,
            total,
        });
        let cards = batch
            .iter()
            .map(|person| store.outgoing_card(account.id, person.person_id, account.card_version))
            .collect::<rapport_core::Result<Vec<_>>>()?;
        let puts = batch
            .iter()
            .zip(&cards)
            .map(|(person, card)| put_card(session, book, person, card));
        let results = futures_util::future::join_all(puts).await;
        // Every card the server took is recorded before a failure ends the pass.
        let mut failure = None;
        for ((person, card), (href, result)) in batch.iter().zip(&cards).zip(results) {
            match result {
                Ok(etag) => {
                    store.card_sent(account.id, person, &href, etag.as_deref(), &card.base)?;
                    counts.sent += 1;
                }
                // Changed (or made) on the server since Rapport last looked: the next pass
                // brings it in and merges it, and sends the result.
                Err(WebDavError::BadStatusCode(StatusCode::PRECONDITION_FAILED)) => {
                    tracing::info!(%href, "the card changed on the server meanwhile; merged next pass");
                }
                Err(e) => failure = failure.or(Some(e)),
            }
        }
        if let Some(e) = failure {
            return Err(session.fail("a card sent")(e));
        }
    }
    if total > 0 {
        progress(Progress {
            phase: Phase::Sending,
            done: total,
            total,
        });
    }
    Ok(())
}

/// Deletes the cards of people deleted in Rapport (after the undo hour).
async fn delete(
    session: &Session<'_>,
    store: &Store,
    account: &Account,
    counts: &mut ContactCounts,
) -> Result<()> {
    for (href, etag) in store.cards_to_delete(account.id)? {
        let result = match etag {
            Some(etag) => session
                .dav
                .request(Delete::new(&href).with_etag(etag))
                .await
                .map(|_| ()),
            None => session
                .dav
                .request(Delete::new(&href).force())
                .await
                .map(|_| ()),
        };
        match result {
            Ok(()) | Err(WebDavError::BadStatusCode(StatusCode::NOT_FOUND | StatusCode::GONE)) => {
                store.forget_card(account.id, &href)?;
                counts.deleted += 1;
            }
            // Edited elsewhere since: the next pass reads the edit (its ETag) and deletes then.
            Err(WebDavError::BadStatusCode(StatusCode::PRECONDITION_FAILED)) => {}
            Err(e) => return Err(session.fail("a card deleted")(e)),
        }
    }
    Ok(())
}

/// One pass over the account's address book.
pub(crate) async fn sync_contacts(
    session: &Session<'_>,
    store: &Store,
    account: &Account,
    progress: &mut dyn FnMut(Progress),
) -> Result<ContactCounts> {
    let book = path_of(&account.addressbook.url);
    let mut counts = ContactCounts::default();
    let mut token = receive(session, store, account, &book, &mut counts, progress).await?;
    let written = counts.sent;
    send(session, store, account, &book, &mut counts, progress).await?;
    delete(session, store, account, &mut counts).await?;
    // A sync-token names the collection as it was before this pass wrote to it, and a server
    // may leave out of the next answer a card that came and went after it (Xandikos does): the
    // changes since then are asked for once more, which lists Rapport's own writes (known by
    // their ETags, not fetched) and anything another device did meanwhile.
    let wrote = counts.sent > written || counts.deleted > 0;
    if wrote && token.as_deref().is_some_and(|t| t.starts_with("sync:")) {
        store.set_addressbook_token(account.id, token.as_deref())?;
        token = receive(session, store, account, &book, &mut counts, progress).await?;
    }
    store.set_addressbook_token(account.id, token.as_deref())?;
    Ok(counts)
}
