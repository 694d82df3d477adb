"""Parses Rapport's exports with independent parsers and prints what they found, as JSON.

Usage: check_exports.py CONTACTS.vcf CALENDAR.ics CONTACTS.csv EVERYTHING.json
Any parse error raises, so the calling test fails with the parser's own message.
"""

import csv
import json
import sys

import icalendar
import vobject


def cards(path):
    with open(path, encoding="utf-8") as f:
        found = []
        for card in vobject.readComponents(f.read()):
            related = card.contents.get("related", [])
            found.append({
                "fn": card.fn.value,
                "version": card.version.value,
                "uid": card.uid.value,
                "emails": [e.value for e in card.contents.get("email", [])],
                "org": card.org.value if "org" in card.contents else None,
                "note": card.note.value if "note" in card.contents else None,
                "related": [r.value for r in related],
                "relatedKinds": [r.params.get("X-RAPPORT-KIND", [None])[0] for r in related],
            })
        return found


def calendar(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events = []
    for event in cal.walk("VEVENT"):
        events.append({
            "uid": str(event.get("uid")),
            "summary": str(event.get("summary")),
            "start": event.decoded("dtstart").isoformat(),
            "alarms": len(event.walk("VALARM")),
        })
    return {"prodid": str(cal.get("prodid")), "events": events}


def spreadsheet(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return {"rows": len(rows), "names": [r["Name"] for r in rows], "firstCells": [r["Name"][:1] for r in rows]}


def everything(path):
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    return {"format": document["format"], "tables": sorted(document["tables"]), "people": len(document["tables"]["person"])}


if __name__ == "__main__":
    vcf, ics, csv_path, json_path = sys.argv[1:5]
    print(json.dumps({
        "cards": cards(vcf),
        "calendar": calendar(ics),
        "csv": spreadsheet(csv_path),
        "json": everything(json_path),
    }))
