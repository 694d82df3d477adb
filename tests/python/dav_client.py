"""An independent CardDAV/CalDAV client for the sync tests: reads and edits what `rapport sync`
wrote, as a phone or another program would. Contacts over plain WebDAV with vobject for the
cards; the calendar with the `caldav` library. Prints JSON.

  dav_client.py hrefs BOOK_URL USER PASSWORD
  dav_client.py cards BOOK_URL USER PASSWORD
  dav_client.py add-phone CARD_URL USER PASSWORD PHONE
  dav_client.py create-card BOOK_URL USER PASSWORD NAME EMAIL
  dav_client.py delete URL USER PASSWORD
  dav_client.py events CALENDAR_URL USER PASSWORD
"""

import base64
import json
import sys
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import caldav
import vobject

DAV = "{DAV:}"


def request(method, url, user, password, body=None, headers=None):
    req = urllib.request.Request(url, data=body.encode() if body else None, method=method)
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    req.add_header("Authorization", f"Basic {token}")
    for key, value in (headers or {}).items():
        req.add_header(key, value)
    with urllib.request.urlopen(req) as response:
        return response.read().decode(), dict(response.headers)


def card_urls(book, user, password):
    body = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>'
    text, _ = request("PROPFIND", book, user, password, body, {"Depth": "1", "Content-Type": "application/xml"})
    urls = []
    for response in ET.fromstring(text).iter(DAV + "response"):
        href = response.find(DAV + "href").text
        if response.find(f".//{DAV}resourcetype/{DAV}collection") is None:
            urls.append(urljoin(book, href))
    return urls


def hrefs(book, user, password):
    print(json.dumps(card_urls(book, user, password)))


def values(card, name):
    return [c.value for c in card.contents.get(name, [])]


def cards(book, user, password):
    out = []
    for url in card_urls(book, user, password):
        text, _ = request("GET", url, user, password)
        card = vobject.readOne(text)
        categories = []
        for c in values(card, "categories"):
            categories.extend(c if isinstance(c, list) else [c])
        out.append({
            "url": url,
            "uid": card.uid.value if hasattr(card, "uid") else None,
            "fn": card.fn.value,
            "emails": values(card, "email"),
            "phones": values(card, "tel"),
            "org": [" ".join(o) if isinstance(o, list) else o for o in values(card, "org")],
            "categories": categories,
            "version": card.version.value,
        })
    print(json.dumps(out))


def add_phone(url, user, password, phone):
    text, headers = request("GET", url, user, password)
    etag = headers.get("ETag") or headers.get("Etag")
    card = vobject.readOne(text)
    # As a phone saves a card: what it does not know (X-RAPPORT-*) is dropped.
    for name in list(card.contents):
        if name.startswith("x-rapport"):
            del card.contents[name]
    card.add("tel").value = phone
    request("PUT", url, user, password, card.serialize(), {"Content-Type": "text/vcard", "If-Match": etag})
    print(json.dumps({"ok": True}))


def create_card(book, user, password, name, email):
    card = vobject.vCard()
    card.add("uid").value = str(uuid.uuid4())
    card.add("fn").value = name
    parts = name.split(" ", 1)
    card.add("n").value = vobject.vcard.Name(family=parts[-1], given=parts[0])
    card.add("email").value = email
    url = urljoin(book, card.uid.value + ".vcf")
    request("PUT", url, user, password, card.serialize(), {"Content-Type": "text/vcard", "If-None-Match": "*"})
    print(json.dumps({"url": url}))


def delete(url, user, password):
    request("DELETE", url, user, password)
    print(json.dumps({"ok": True}))


def events(calendar_url, user, password):
    client = caldav.DAVClient(url=calendar_url, username=user, password=password)
    calendar = client.calendar(url=calendar_url)
    out = []
    for event in calendar.events():
        component = event.icalendar_component
        out.append({
            "uid": str(component.get("uid")),
            "summary": str(component.get("summary")),
            "start": component.decoded("dtstart").isoformat(),
            "alarms": [str(a.get("trigger").to_ical().decode()) for a in component.walk("VALARM")],
            "hasMethod": "METHOD" in event.icalendar_instance,
        })
    print(json.dumps(out))


COMMANDS = {
    "hrefs": hrefs,
    "cards": cards,
    "add-phone": add_phone,
    "create-card": create_card,
    "delete": delete,
    "events": events,
}

if __name__ == "__main__":
    COMMANDS[sys.argv[1]](*sys.argv[2:])
