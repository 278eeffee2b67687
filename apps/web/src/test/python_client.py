#!/usr/bin/env python3
"""A StoreSync client in Python with only the standard library, as a Flutter or
any non-TypeScript app would talk to the plain-HTTP endpoints.

Usage: python_client.py BASE_URL GOOGLE_ID_TOKEN
Prints one line per check and exits non-zero on the first failure.
"""
import json
import sys
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timezone

BASE, ID_TOKEN = sys.argv[1], sys.argv[2]
DEVICE = "python-" + uuid.uuid4().hex[:8]
passed = 0


def call(method, path, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("content-type", "application/json")
    if token:
        req.add_header("authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req) as res:
            return res.status, json.loads(res.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def check(what, condition, detail=None):
    global passed
    if not condition:
        print("FAIL:", what, detail if detail is not None else "")
        sys.exit(1)
    passed += 1
    print("ok:", what)


def now():
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def event(entity, entity_id, payload, op="upsert"):
    e = {"eventUuid": str(uuid.uuid4()), "entity": entity, "entityId": entity_id, "op": op, "clientUpdatedAt": now()}
    if payload is not None:
        e["payload"] = payload
    return e


status, signed_in = call("POST", "/auth/google", {"idToken": ID_TOKEN, "deviceId": DEVICE, "deviceName": "Python"})
check("sign in with a Google ID token", status == 200 and "sessionToken" in signed_in, signed_in)
token = signed_in["sessionToken"]

status, me = call("GET", "/auth/me", token=token)
check("auth/me names this device", status == 200 and me["deviceId"] == DEVICE, me)

customer = str(uuid.uuid4())
batch = [
    event("customers", customer, {"name": "Wanjiru", "phone": "+254700000002"}),
    event("debts", str(uuid.uuid4()), {"customerId": customer, "amount": 1500, "dueDate": "2026-12-31"}),
    event("debts", str(uuid.uuid4()), {"customerId": str(uuid.uuid4()), "amount": 10}),
    event("payments", str(uuid.uuid4()), {"customerId": customer, "amount": 500, "paidAt": now()}),
]
status, pushed = call("POST", "/sync/push", {"deviceId": DEVICE, "events": batch}, token)
statuses = [r["status"] for r in pushed["results"]]
check("push applies good events and rejects the bad one without blocking", statuses == ["applied", "applied", "rejected", "applied"], pushed)
check("a rejected event says why", pushed["results"][2]["error"]["code"] == "NOT_FOUND", pushed["results"][2])
check("applied rows come back canonical", pushed["results"][0]["row"]["rowVersion"] == 1 and pushed["results"][1]["row"]["amount"] == 1500)
applied_ids = [r["eventId"] for r in pushed["results"] if r["status"] == "applied"]

status, again = call("POST", "/sync/push", {"deviceId": DEVICE, "events": batch}, token)
check("a replayed batch is duplicate with the original event ids",
      [r["status"] for r in again["results"]] == ["duplicate", "duplicate", "rejected", "duplicate"]
      and [r["eventId"] for r in again["results"] if r["status"] == "duplicate"] == applied_ids, again)

cursor, seen = 0, []
while True:
    status, page = call("GET", "/sync/pull?cursor=%d&limit=1" % cursor, token=token)
    check("pull page from cursor %d" % cursor, status == 200, page)
    seen += [e["eventId"] for e in page["events"]]
    cursor = page["cursor"]
    if not page["hasMore"]:
        break
check("pulling by cursor returns every applied event once, in order", seen == applied_ids, seen)

status, error = call("POST", "/sync/push", {"deviceId": DEVICE, "events": []}, token)
check("a malformed batch is a 400 naming the path", status == 400 and error["error"]["code"] == "BAD_REQUEST" and "events" in error["error"]["message"], error)

status, error = call("GET", "/sync/pull?cursor=0")
check("no token is a 401", status == 401 and error["error"]["code"] == "UNAUTHORIZED", error)

status, out = call("POST", "/auth/sign-out", {}, token)
check("sign out", status == 200 and out == {"ok": True}, out)
status, error = call("GET", "/auth/me", token=token)
check("a signed-out token is refused", status == 401, error)

print("python client: %d passed, 0 failed" % passed)
