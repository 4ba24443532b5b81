"""An outside client: reads an .ics from stdin with Python's icalendar and prints what it understood as JSON."""
import json
import sys
from datetime import timezone

from icalendar import Calendar

calendar = Calendar.from_ical(sys.stdin.buffer.read())
out = {
    "version": str(calendar.get("VERSION")),
    "zones": [str(zone.get("TZID")) for zone in calendar.walk("VTIMEZONE")],
    "events": [],
}
for event in calendar.walk("VEVENT"):
    start = event.get("DTSTART")
    out["events"].append({
        "uid": str(event.get("UID")),
        "sequence": int(event.get("SEQUENCE", 0)),
        "status": str(event.get("STATUS")),
        "summary": str(event.get("SUMMARY")),
        "location": str(event.get("LOCATION")),
        "description": str(event.get("DESCRIPTION")),
        "url": str(event.get("URL")) if event.get("URL") else None,
        "tzid": start.params.get("TZID"),
        "localStart": start.dt.replace(tzinfo=None).isoformat(),
        "start": start.dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "end": event.get("DTEND").dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "alarms": [alarm.get("TRIGGER").to_ical().decode() for alarm in event.walk("VALARM")],
    })
print(json.dumps(out))
