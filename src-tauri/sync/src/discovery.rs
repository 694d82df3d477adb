//! Finding the user's address book and calendar the standard way (RFC 6764's `.well-known`,
//! `current-user-principal`, `addressbook-home-set`, `calendar-home-set`), and making the ones
//! Rapport keeps: "Rapport" and "Rapport follow-ups" by default, or the ones the user named.
//! Rapport never writes into a collection the user did not name.

use http::{Method, Request, Uri};
use libdav::caldav::{FindCalendarHomeSet, FindCalendars};
use libdav::carddav::{CreateAddressBook, FindAddressBookHomeSet, FindAddressBooks};
use libdav::dav::{FindCurrentUserPrincipalError, FoundCollection};
use libdav::names;
use libdav::sd::DiscoverableService;
use rapport_core::sync::{CardVersion, Collection};

use crate::error::{Result, SyncError};
use crate::http::{client, failure, Dav};
use crate::mkcalendar::MkCalendar;

pub const DEFAULT_ADDRESSBOOK: &str = "Rapport";
pub const DEFAULT_CALENDAR: &str = "Rapport follow-ups";

/// Where an account's collections are, and what adding it made on the server.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub addressbook: Collection,
    pub card_version: CardVersion,
    pub calendar: Collection,
    /// Collections made on the server (the others were there already).
    pub created: Vec<String>,
}

#[derive(Clone)]
pub(crate) struct Session<'a> {
    pub dav: Dav,
    pub url: &'a str,
    pub user: &'a str,
    pub password: &'a str,
}

impl<'a> Session<'a> {
    pub(crate) fn fail(&self, what: &str) -> impl Fn(crate::http::DavError) -> SyncError + '_ {
        let what = what.to_string();
        move |e| failure(&e, self.url, self.user, &what)
    }

    async fn principal(&self) -> Result<Option<Uri>> {
        match self.dav.find_current_user_principal().await {
            Ok(found) => Ok(found),
            Err(FindCurrentUserPrincipalError::RequestError(e)) => Err(failure(
                &e,
                self.url,
                self.user,
                "the question of who you are",
            )),
            Err(FindCurrentUserPrincipalError::InvalidInput(e)) => Err(SyncError::NotDav {
                url: self.url.to_string(),
                reason: e.to_string(),
            }),
        }
    }

    /// The principal at the address typed, or at the one its `.well-known/carddav` leads to.
    async fn find_principal(&mut self) -> Result<Uri> {
        if let Some(principal) = self.principal().await? {
            return Ok(principal);
        }
        let base = self.dav.base_url().clone();
        let plain = base.scheme_str() == Some("http");
        let service = match plain {
            true => DiscoverableService::CardDav,
            false => DiscoverableService::CardDavs,
        };
        let host = base.host().unwrap_or_default().to_string();
        let port = base.port_u16().unwrap_or(if plain { 80 } else { 443 });
        let context = self
            .dav
            .find_context_path(service, &host, port)
            .await
            .ok()
            .flatten();
        if let Some(context) = context {
            // A redirect to plain http:// elsewhere would carry the password readable.
            let context = crate::address::server_url(&context.to_string())?;
            self.dav = client(&context, self.user, self.password)?;
            if let Some(principal) = self.principal().await? {
                return Ok(principal);
            }
        }
        Err(SyncError::NotDav {
            url: self.url.to_string(),
            reason: "it names no user principal (current-user-principal), nor does its .well-known/carddav".into(),
        })
    }

    /// The session on the host a home set is on (iCloud keeps its homes on hosts of their
    /// own), and the home's path there.
    fn at_home(&self, home: &Uri) -> Result<(Session<'a>, String)> {
        let path = home.path().to_string();
        let Some(authority) = home
            .authority()
            .filter(|a| Some(*a) != self.dav.base_url().authority())
        else {
            return Ok((self.clone(), path));
        };
        let scheme = home.scheme_str().unwrap_or("https");
        let origin = crate::address::server_url(&format!("{scheme}://{authority}/"))?;
        let dav = client(&origin, self.user, self.password)?;
        Ok((
            Session {
                dav,
                ..self.clone()
            },
            path,
        ))
    }

    fn full_url(&self, href: &str) -> String {
        let base = self.dav.base_url();
        format!(
            "{}://{}{}",
            base.scheme_str().unwrap_or("https"),
            base.authority().map(|a| a.as_str()).unwrap_or_default(),
            href
        )
    }

    /// Whether the address book says it takes vCard 4.0 (`supported-address-data`).
    async fn takes_vcard_4(&self, href: &str) -> bool {
        let body = r#"<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:prop><C:supported-address-data/></D:prop></D:propfind>"#;
        let Ok(uri) = self.dav.relative_uri(href) else {
            return false;
        };
        let Ok(request) = Request::builder()
            .method(Method::from_bytes(b"PROPFIND").expect("a method name"))
            .uri(uri)
            .header("Depth", "0")
            .header("Content-Type", "application/xml; charset=utf-8")
            .body(body.to_string())
        else {
            return false;
        };
        match self.dav.request_raw(request).await {
            Ok((parts, body)) if parts.status.is_success() => {
                let text = String::from_utf8_lossy(&body);
                text.contains("version=\"4.0\"") || text.contains("version='4.0'")
            }
            _ => false,
        }
    }
}

fn display_name(collection: &FoundCollection) -> Option<&str> {
    collection
        .properties
        .iter()
        .find(|(name, _)| **name == names::DISPLAY_NAME)
        .and_then(|(_, value)| value.as_deref())
}

fn last_segment(href: &str) -> &str {
    href.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default()
}

/// A collection's path for a new one named `name` under `home`: its name in lower case, with
/// dashes, and a number when that is taken.
fn new_path(home: &str, name: &str, taken: &[String]) -> String {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "rapport".to_string()
    } else {
        slug
    };
    let home = if home.ends_with('/') {
        home.to_string()
    } else {
        format!("{home}/")
    };
    let mut candidate = format!("{home}{slug}/");
    let mut n = 2;
    while taken
        .iter()
        .any(|t| t.trim_end_matches('/') == candidate.trim_end_matches('/'))
    {
        candidate = format!("{home}{slug}-{n}/");
        n += 1;
    }
    candidate
}

fn pick<'a>(found: &'a [FoundCollection], name: &str) -> Option<&'a FoundCollection> {
    found.iter().find(|c| {
        display_name(c).is_some_and(|n| n.trim().eq_ignore_ascii_case(name.trim()))
            || (display_name(c).is_none() && last_segment(&c.href).eq_ignore_ascii_case(name))
    })
}

fn first_home<'h>(session: &Session<'_>, homes: &'h [Uri], what: &str) -> Result<&'h Uri> {
    homes.first().ok_or_else(|| SyncError::NotDav {
        url: session.url.to_string(),
        reason: format!("it has no {what}"),
    })
}

/// The href of the collection named `name` among `found` and true, or the path for a new one
/// under `home` and false.
fn chosen_or_new(found: &[FoundCollection], home: &str, name: &str) -> (String, bool) {
    match pick(found, name) {
        Some(collection) => (collection.href.clone(), true),
        None => {
            let taken: Vec<String> = found.iter().map(|c| c.href.clone()).collect();
            (new_path(home, name, &taken), false)
        }
    }
}

/// Finds (or makes) the account's address book and calendar.
pub(crate) async fn discover(
    session: &mut Session<'_>,
    addressbook: Option<&str>,
    calendar: Option<&str>,
) -> Result<Found> {
    let principal = session.find_principal().await?;
    let mut created = Vec::new();

    let homes = session
        .dav
        .request(FindAddressBookHomeSet::new(principal.path()))
        .await
        .map_err(session.fail("the address book home"))?
        .home_sets;
    let home = first_home(session, &homes, "address book home (addressbook-home-set)")?;
    let (books_at, home) = session.at_home(home)?;
    let books = books_at
        .dav
        .request(FindAddressBooks::new(&home))
        .await
        .map_err(books_at.fail("the list of address books"))?
        .addressbooks;
    let book_name = addressbook.unwrap_or(DEFAULT_ADDRESSBOOK);
    let (book_href, exists) = chosen_or_new(&books, &home, book_name);
    if !exists {
        books_at
            .dav
            .request(CreateAddressBook::new(&book_href).with_display_name(book_name))
            .await
            .map_err(books_at.fail("making the address book"))?;
        created.push(format!("the address book {book_name}"));
    }
    let card_version = if books_at.takes_vcard_4(&book_href).await {
        CardVersion::V4
    } else {
        CardVersion::V3
    };

    let homes = session
        .dav
        .request(FindCalendarHomeSet::new(principal.path()))
        .await
        .map_err(session.fail("the calendar home"))?
        .home_sets;
    let home = first_home(session, &homes, "calendar home (calendar-home-set)")?;
    let (calendars_at, home) = session.at_home(home)?;
    let calendars = calendars_at
        .dav
        .request(FindCalendars::new(&home))
        .await
        .map_err(calendars_at.fail("the list of calendars"))?
        .calendars;
    let calendar_name = calendar.unwrap_or(DEFAULT_CALENDAR);
    let (calendar_href, exists) = chosen_or_new(&calendars, &home, calendar_name);
    if !exists {
        let make = MkCalendar {
            path: &calendar_href,
            display_name: calendar_name,
        };
        calendars_at
            .dav
            .request(make)
            .await
            .map_err(calendars_at.fail("making the calendar"))?;
        created.push(format!("the calendar {calendar_name}"));
    }
    Ok(Found {
        addressbook: Collection {
            name: book_name.to_string(),
            url: books_at.full_url(&book_href),
        },
        card_version,
        calendar: Collection {
            name: calendar_name.to_string(),
            url: calendars_at.full_url(&calendar_href),
        },
        created,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_collection_is_named_after_its_display_name_and_never_takes_one_there() {
        let taken = vec!["/alice/rapport/".to_string()];
        assert_eq!(new_path("/alice/", "Rapport", &[]), "/alice/rapport/");
        assert_eq!(new_path("/alice/", "Rapport", &taken), "/alice/rapport-2/");
        assert_eq!(
            new_path("/alice", "Rapport follow-ups", &[]),
            "/alice/rapport-follow-ups/"
        );
        assert_eq!(new_path("/alice/", "Réseau pro", &[]), "/alice/r-seau-pro/");
    }
}
