#!/usr/bin/env python3
"""Turns a generated contacts.csv into the two inputs of the bulk-ingest bench (not timed):

  contacts.copy    the same rows in PostgreSQL COPY text format, in the column order of the importer
                   (source, source_id, citizen_id, channel, direction, kind, topic, subtopic, occurred_at,
                   closed_at, resolved_first_contact, satisfaction, neighbourhood, district, text, content_hash),
                   with the content hash computed the way ContactSubmission.contentHash() does, so the reference
                   COPY writes byte-for-byte the rows the importer writes.
  contacts.ndjson  the same rows as one JSON object per line for POST /api/v1/contacts/batch
                   (empty CSV field = absent, satisfaction an integer, resolvedFirstContact a boolean).

Usage: prepare.py CONTACTS_CSV OUT_DIR
"""
import csv
import hashlib
import json
import os
import sys
import uuid

FIELDS = ["source", "sourceId", "citizenId", "bsn", "channel", "direction", "kind", "topic", "subtopic",
          "occurredAt", "closedAt", "resolvedFirstContact", "satisfaction", "neighbourhood", "district", "text"]
# COPY column order (ContactStore.COLUMNS) without content_hash, as CSV field names.
COPY_FIELDS = ["source", "sourceId", "citizenId", "channel", "direction", "kind", "topic", "subtopic",
               "occurredAt", "closedAt", "resolvedFirstContact", "satisfaction", "neighbourhood", "district", "text"]
NUL, SEP = "\u0000", "\u001f"


def copy_escape(v):
    if v is None:
        return "\\N"
    if "\\" in v or "\t" in v or "\n" in v or "\r" in v:
        v = v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return v


def content_hash(r):
    # Mirrors ContactSubmission.contentHash(): fields joined with U+001F, null as U+0000,
    # citizen as "<citizenId>/<bsn>" (Java's "null" for a missing half), then UUID.nameUUIDFromBytes (MD5, v3).
    cid, bsn = r["citizenId"], r["bsn"]
    citizen = None if cid is None and bsn is None else f"{cid if cid is not None else 'null'}/{bsn if bsn is not None else 'null'}"
    parts = [r["source"], r["sourceId"], citizen, r["channel"], r["direction"], r["kind"], r["topic"], r["subtopic"],
             r["occurredAt"], r["closedAt"], r["resolvedFirstContact"], r["satisfaction"], r["neighbourhood"],
             r["district"], r["text"]]
    s = "".join((NUL if p is None else p) + SEP for p in parts)
    return str(uuid.UUID(bytes=hashlib.md5(s.encode("utf-8")).digest(), version=3))


def main():
    src, out_dir = sys.argv[1], sys.argv[2]
    copy_path, ndjson_path = os.path.join(out_dir, "contacts.copy"), os.path.join(out_dir, "contacts.ndjson")
    n = 0
    with open(src, newline="", encoding="utf-8") as f, \
            open(copy_path + ".tmp", "w", encoding="utf-8", newline="\n") as copy_out, \
            open(ndjson_path + ".tmp", "w", encoding="utf-8", newline="\n") as nd_out:
        reader = csv.DictReader(f)
        unknown = set(reader.fieldnames) - set(FIELDS)
        if unknown:
            sys.exit(f"unexpected columns in {src}: {sorted(unknown)}")
        for raw in reader:
            r = {k: (raw.get(k) or None) for k in FIELDS}  # empty field = absent
            if r["bsn"] is not None and r["citizenId"] is None:
                sys.exit(f"row {n + 2}: a bsn without citizenId would need a lookup; not supported by this bench")
            copy_out.write("\t".join([copy_escape(r[k]) for k in COPY_FIELDS] + [content_hash(r)]) + "\n")
            obj = {}
            for k in FIELDS:
                v = r[k]
                if v is None:
                    continue
                if k == "satisfaction":
                    v = int(v)
                elif k == "resolvedFirstContact":
                    v = v == "true"
                obj[k] = v
            nd_out.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
            n += 1
    os.replace(copy_path + ".tmp", copy_path)
    os.replace(ndjson_path + ".tmp", ndjson_path)
    print(n)


if __name__ == "__main__":
    main()
