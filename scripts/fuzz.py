#!/usr/bin/env python3
"""Seeded fuzzer for refinery-cli (issue 11): mutates the embedded scenarios and checks that every
mutant either fails validation with a JSON path or runs to a documented exit status, with no
signal, no crash dump, no hang, and no NaN or negative mass in a report.

Reproducible: mutant number I of seed S is always the same (its random generator is seeded by S
and I alone, whatever --count and --jobs are). Standard library only. See `scripts/fuzz --help`.
"""
import argparse
import concurrent.futures
import copy
import decimal
import hashlib
import json
import os
import pathlib
import random
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

# --- What counts as a documented outcome -------------------------------------------------------

# refinery-cli's documented exit statuses (Sources/refinery-cli/ExitStatus.swift and `--help`).
# The statuses documented in Sources/refinery-cli/ExitStatus.swift (and --help, README).
DOCUMENTED_EXIT_STATUSES = {0, 1, 2, 64, 65, 66, 73, 74}

# Text in stderr or stdout that only a crash, an assertion or GLPK's own output prints. (Not the
# bare word "GLPK": the tool's own documented error "GLPK failed (…)" at exit 1 names it.)
CRASH_MARKERS = re.compile(
    r"Fatal error|Stack dump|Assertion failed|💣|Current stack trace|Program crashed|"
    r"Backtracing from|Error detected in file|GLPK fatal error|GLPK (?:Simplex|Integer|Interior)|"
    r"\bglp_[a-z_]+|^\s*\*?\s*\d+: obj =", re.MULTILINE)

# A key that holds a mass (or a mass flow): ends in a mass unit, not "per" a mass unit (a price
# or an intensity such as usdPerKgGold, silverValuePerKg). Keys that are legitimately signed
# (a balance's residual, deltas) are excluded.
MASS_KEY = re.compile(r"(?:Kg|Tonnes|Grams|Oz|Ounces)(?:Per(?:Year|Month|Day|Hour))?$|^(?:kg|tonnes|grams)$")
RATE_KEY = re.compile(r"Per(?:Kg|Tonnes|Grams|Oz|Ounces)\w*$|PerKg|PerOz")
SIGNED_KEY = re.compile(r"(?i)residual|delta|difference|change")

# Strings Report.swift's encoder writes for non-finite numbers.
NON_FINITE_STRINGS = {"nan", "inf", "-inf", "+inf", "infinity", "-infinity"}

# A problem line of "Error: invalid scenario (N problems):": "  PATH: message" where PATH is a
# path in the user's scenario (it starts at one of the scenario's fields, never at an internal
# name such as tasks[8]; keys are shown as written, so "horizon.id : …" and "units.melt-sample"
# are paths), an unknown key (the path is the key), or "  not valid JSON: line L, column C: …".
SCENARIO_FIELDS = ("schemaVersion", "name", "description", "horizon", "intake", "plant", "economics", "ownership")
PROBLEM_LINE = re.compile(
    r"^  (?:not valid JSON: line \d+, column \d+: |\(root\): |(?:%s)(?:[.\[].*?)?: |.*?: is not a known field)"
    % "|".join(SCENARIO_FIELDS))
# The validator's closing line when it stops listing (a summary, not a problem at a path).
OMITTED_LINE = re.compile(r"^  \d+ more problems? not listed$")
HEADER_LINE = re.compile(r"^Error: invalid scenario \((\d+) problems?\):$")
# C0 controls except tab and newline, DEL, C1 controls: never echoed raw to a terminal.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")

SAFE_OUTCOMES = ("rejected", "usage-error", "unreadable", "ran", "no-solution", "run-failed")

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCENARIO_DIR = ROOT / "data" / "scenarios"


# --- JSON with raw tokens and duplicate keys ---------------------------------------------------

class Raw:
    """A JSON token written exactly as given: "-0", "4.9e-324", "1e400", or invalid text."""
    def __init__(self, text):
        self.text = text
    def __deepcopy__(self, memo):
        return self
    def __repr__(self):
        return self.text


class Pairs(list):
    """An object written from (key, value) pairs, so a key can appear twice."""


def dump(node, indent=0, compact=False):
    """node as JSON text, indented by two spaces (compact: on one line, as a --set value)."""
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(node, Raw):
        return node.text
    if compact and isinstance(node, (dict, Pairs)):
        items = node.items() if isinstance(node, dict) else node
        return "{" + ",".join(f"{dump(k, compact=True)}:{dump(v, compact=True)}" for k, v in items) + "}"
    if compact and isinstance(node, list):
        return "[" + ",".join(dump(v, compact=True) for v in node) + "]"
    if isinstance(node, float):
        return repr(node)  # finite by construction (values come from JSON or literals)
    if isinstance(node, (dict, Pairs)):
        items = node.items() if isinstance(node, dict) else node
        if not items:
            return "{}"
        body = ",\n".join(f"{inner}{json.dumps(k, ensure_ascii=False)}: {dump(v, indent + 1)}" for k, v in items)
        return "{\n" + body + "\n" + pad + "}"
    if isinstance(node, list):
        if not node:
            return "[]"
        if all(not isinstance(v, (dict, list, Pairs)) for v in node) and len(node) <= 20:
            return "[" + ", ".join(dump(v) for v in node) + "]"
        return "[\n" + ",\n".join(inner + dump(v, indent + 1) for v in node) + "\n" + pad + "]"
    if isinstance(node, float):
        return repr(node)  # finite by construction (values come from JSON or literals)
    text = json.dumps(node, ensure_ascii=False)
    # On a command line, invisible characters (C1 controls, bidi and zero-width marks, line and
    # paragraph separators, the BOM) are written as escapes, so a reproducer can be read and copied.
    return INVISIBLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) if compact else text


INVISIBLE = re.compile("[\x80-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\ufeff]")


def short(node, limit=70):
    """A value as shown in a mutation's description."""
    if isinstance(node, list) and len(node) > 3:
        text = f"[{len(node)} elements: {short(node[0], 30)}, …]"
    else:
        text = dump(node).replace("\n", " ")
        text = re.sub(r"\s+", " ", text)
    text = text.encode("unicode_escape").decode("ascii") if RAW_CONTROL.search(text) else text
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --- Paths in a document -----------------------------------------------------------------------

def nodes(doc, path=()):
    """Every node of doc with its path (a tuple of keys and indices), the root first."""
    yield path, doc
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from nodes(v, path + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from nodes(v, path + (i,))


def get(doc, path):
    for step in path:
        if isinstance(step, int):
            if not isinstance(doc, list) or step >= len(doc):
                raise KeyError(step)
        elif not isinstance(doc, dict) or step not in doc:
            raise KeyError(step)
        doc = doc[step]
    return doc


def put(doc, path, value):
    """doc with the node at path replaced by value (the root when path is empty)."""
    if not path:
        return value
    get(doc, path[:-1])[path[-1]] = value
    return doc


def path_text(doc, path, by_id):
    """path as refinery-cli's --set writes it; by_id names array elements by their unique id."""
    text, node = "", doc
    for step in path:
        if isinstance(step, int):
            element = node[step]
            ids = [e.get("id") for e in node if isinstance(e, dict)]
            eid = element.get("id") if isinstance(element, dict) else None
            if by_id and isinstance(eid, str) and ids.count(eid) == 1 and re.fullmatch(r"[\w.\-]+", eid):
                text += f"[id={eid}]"
            else:
                text += f"[{step}]"
        else:
            text += ("." if text else "") + step
        node = node[step]
    return text


def is_number(node):
    return (isinstance(node, (int, float)) and not isinstance(node, bool)) or (
        isinstance(node, Raw) and re.fullmatch(r"-?[\d.]+(?:[eE][-+]?\d+)?", node.text))


# --- Hostile values ----------------------------------------------------------------------------

BOUNDARY_NUMBERS = [
    0, Raw("-0"), Raw("-0.0"), -1, 1, 0.5, 1e-9, 1e-300, -1e-300, 5e-324, Raw("4.9e-324"), Raw("2.2250738585072014e-308"),
    1e300, 1e308, Raw("1.7976931348623157e308"), -1e308, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 1,
    2 ** 63 - 1, 2 ** 63, -2 ** 63, 2 ** 64, 9e15, 9007199254740993, 1e15, 1e18, 1e19, 1e6, 1e9, 1e12,
    Raw("1" + "0" * 40), Raw("1e400"), Raw("-1e400"), Raw("0.1e1"), Raw("1E2"),
]
NAN_STRINGS = ["NaN", "nan", "Infinity", "-Infinity", "inf", "-inf", "1e400", "0x10", "1,5", " 1", "1 ", "", "null",
               "true", "-0", "٣", "1e-400", "+1"]
RAW_NON_JSON_NUMBERS = ["NaN", "Infinity", "-Infinity", "0x10", "+1", ".5", "01", "1.", "- 1"]
DATES = ["1900-01-01", "9999-12-31", "2030-02-30", "2027-02-29", "2028-02-29", "2024-02-29", "0000-01-01",
         "2027-13-01", "2027-00-10", "2027-12-32", "27-03-15", "2027-3-5", "2027-03-15T00:00:00Z", "+2027-03-15",
         "2027-03-15 ", "２０２７-03-15", "1970-01-01", "2038-01-19", "2100-02-29", "10000-01-01", "-2027-03-15"]
STRINGS = ["", " ", "\t", "x", "-", ".", "..", "a" * 65, "a" * 256, "Ünïcødé 金 🪙", "e\u0301", "\u202eevil", "\u200b",
           "\u0000", "nul\u0000byte", "bell\u0007", "\u001b[31mred\u001b[0m", "\u001b]0;title\u0007", "line\nbreak",
           "cr\rreturn", "\u2028", "\u0085", "\ufeffbom", "\ufeff", "../../etc/passwd", "%s%n", "'; DROP TABLE",
           "dore", "artisanal", "ore", "perLot", "receiving", "miller", "ML", "USD", "state", "private"]


def number_value(rng, old):
    r = rng.random()
    if r < 0.55:
        return rng.choice(BOUNDARY_NUMBERS)
    if r < 0.85 and is_number(old):
        # Tiny and huge relative scalings, written exactly in decimal (e.g. 250E-300).
        text = old.text if isinstance(old, Raw) else repr(old)
        try:
            value = decimal.Decimal(text)
        except decimal.InvalidOperation:
            return rng.choice(BOUNDARY_NUMBERS)
        k = rng.choice([-300, -200, -100, -50, -20, -15, -12, -9, -6, -3, -1, 1, 3, 6, 9, 12, 15, 20, 50, 100, 200, 300])
        return Raw(str(value.scaleb(k)))
    if r < 0.93 and is_number(old) and not isinstance(old, Raw):
        return rng.choice([old + 1, old - 1, -old, old * 2, old / 2, old * (1 + 1e-12), old * 1.5, old / 3])
    if r < 0.98:
        return rng.choice(NAN_STRINGS)
    return Raw(rng.choice(RAW_NON_JSON_NUMBERS))


def string_value(rng, old, doc):
    r = rng.random()
    if r < 0.3:
        return rng.choice(STRINGS)
    if r < 0.55:
        return rng.choice(DATES)
    if r < 0.7:
        # Another id of the document: duplicate ids, references to the wrong kind of thing.
        ids = sorted({n["id"] for _, n in nodes(doc) if isinstance(n, dict) and isinstance(n.get("id"), str)})
        return rng.choice(ids) if ids else ""
    if r < 0.8:
        return rng.choice(["x" * 10_000, "é" * 5000, "🪙" * 3000, "x" * 1_000_000])
    if r < 0.9 and isinstance(old, str):
        return rng.choice([old.upper(), old + " ", " " + old, old + "\u0000", "\ufeff" + old, old * 3, old[:1]])
    return Raw('"' + rng.choice(["\\ud800", "\\udfff", "\x01raw", "tab\there", "\\u0000", "a\\", "\\x41"]) + '"')


def swapped_type(rng, old):
    choices = [0, 1, -1, "", "text", None, True, False, [], {}, [old], {"value": old}, [[]], [None]]
    if is_number(old) and not isinstance(old, Raw):
        choices += [str(old), [old, old]]
    if isinstance(old, str):
        try:
            choices.append(float(old) if "." in old else int(old))
        except ValueError:
            pass
    return copy.deepcopy(rng.choice(choices))


def lot_for(rng, doc, n):
    """An explicit lot of one of doc's sources, arriving in the horizon's first year."""
    def field(parent, key, default):
        # Earlier mutations may have made any level null, a number or a list.
        return parent.get(key, default) if isinstance(parent, dict) else default
    listed = field(field(doc, "intake", {}), "sources", [])
    sources = [s for s in listed if isinstance(s, dict)] if isinstance(listed, list) else []
    source = rng.choice(sources or [{}])
    year = field(field(doc, "horizon", {}), "firstYear", 2027)
    year = year if isinstance(year, int) and not isinstance(year, bool) else 2027
    assay = source.get("assay") if isinstance(source.get("assay"), dict) else {"gold": 0.88, "silver": 0.08}
    lot = {"id": f"fuzz-lot-{n}", "source": source.get("id", "mali-industrial"), "kind": source.get("kind", "dore"),
           "arrival": f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}", "grossMassKg": rng.choice([5, 20, 240, 500]),
           "assay": copy.deepcopy(assay)}
    if rng.random() < 0.3:
        lot["due"] = f"{year}-12-31"
    return lot


# --- Mutations ---------------------------------------------------------------------------------
# A mutation is a record that replays without randomness:
#   {"op": "replace", "path": [...], "value": V}  -- also arrays emptied/duplicated/truncated/huge
#   {"op": "delete", "path": [...]}               -- a key deleted
#   {"op": "add", "path": [...], "value": V}      -- an unknown key added (path ends in the new key)
#   {"op": "duplicate-key", "path": [...], "value": V}  -- the key written a second time
#   {"op": "text", "what": "bom" | "truncate", "at": n}  -- the file's text itself

UNKNOWN_KEYS = ["colour", "__proto__", "", "id ", "ID", "Id", "units", "name", "notes", "extra", "clé", "🪙", "gold "]


def choose_mutation(rng, doc, set_mode):
    everything = list(nodes(doc))
    numbers = [(p, n) for p, n in everything if is_number(n)]
    strings = [(p, n) for p, n in everything if isinstance(n, str)]
    arrays = [(p, n) for p, n in everything if isinstance(n, list)]
    objects = [(p, n) for p, n in everything if isinstance(n, dict)]
    keyed = [(p, n) for p, n in everything if p and isinstance(p[-1], str)]
    kinds = ["number"] * 35 + ["string"] * 12 + ["type"] * 12 + ["array"] * 16
    if not set_mode:
        kinds += ["delete"] * 6 + ["add"] * 4 + ["duplicate-key"] * 4 + ["lots"] * 6 + ["text"] * 2
    kind = rng.choice(kinds)
    if kind == "number" and numbers:
        path, old = rng.choice(numbers)
        return {"op": "replace", "path": list(path), "value": number_value(rng, old), "why": "number"}
    if kind == "string" and strings:
        path, old = rng.choice(strings)
        return {"op": "replace", "path": list(path), "value": string_value(rng, old, doc), "why": "string"}
    if kind == "array" and arrays:
        path, old = rng.choice(arrays)
        r = rng.random()
        if r < 0.25 or not old:
            value, why = [], "emptied"
        elif r < 0.5:
            i = rng.randrange(len(old))
            value, why = old[:i + 1] + [copy.deepcopy(old[i])] + old[i + 1:], "element duplicated"
        elif r < 0.65:
            value, why = old[:rng.randrange(len(old))], "truncated"
        elif r < 0.8:
            size = rng.choice([100, 1000] if set_mode else [100, 1000, 10_000])
            value, why = [copy.deepcopy(old[i % len(old)]) for i in range(size)], "huge"
        elif r < 0.9:
            value, why = list(reversed(old)), "reversed"
        else:
            i = rng.randrange(len(old))
            value, why = old[:i] + old[i + 1:], "element removed"
        return {"op": "replace", "path": list(path), "value": copy.deepcopy(value), "why": "array " + why}
    if kind == "delete" and keyed:
        path, _ = rng.choice(keyed)
        return {"op": "delete", "path": list(path)}
    if kind == "add" and objects:
        path, old = rng.choice(objects)
        key = rng.choice(UNKNOWN_KEYS + [k for _, o in objects[:50] for k in o][:40])
        if key in old:
            key = key + "X"
        return {"op": "add", "path": list(path) + [key], "value": rng.choice([1, "x", None, {}, [], True])}
    if kind == "duplicate-key" and keyed:
        path, old = rng.choice(keyed)
        value = copy.deepcopy(old) if rng.random() < 0.4 else swapped_type(rng, old)
        return {"op": "duplicate-key", "path": list(path), "value": value}
    if kind == "lots":
        intake = doc.get("intake")
        if isinstance(intake, dict):
            lots = intake.get("lots") if isinstance(intake.get("lots"), list) else []
            count = rng.choice([1, 1, 2, 3, 5, 50])
            new = lots + [lot_for(rng, doc, len(lots) + i) for i in range(count)]
            return {"op": "add" if "lots" not in intake else "replace", "path": ["intake", "lots"],
                    "value": new, "why": f"{count} explicit lots"}
    if kind == "text":
        return {"op": "text", "what": rng.choice(["bom", "truncate"]), "at": rng.random()}
    # Fallback (the chosen kind had no target): swap a type.
    path, old = rng.choice(everything[1:] if len(everything) > 1 and rng.random() < 0.99 else everything)
    return {"op": "replace", "path": list(path), "value": swapped_type(rng, old), "why": "type swapped"}


def apply_mutation(doc, m):
    """doc after mutation m (None when m's path no longer exists, as in a replayed subset)."""
    path = tuple(m.get("path", ()))
    try:
        if m["op"] == "replace":
            get(doc, path)
            return put(doc, path, copy.deepcopy(m["value"]))
        if m["op"] == "delete":
            del get(doc, path[:-1])[path[-1]]
            return doc
        if m["op"] == "add":
            parent = get(doc, path[:-1])
            if not isinstance(parent, dict):
                return None
            parent[path[-1]] = copy.deepcopy(m["value"])
            return doc
    except (KeyError, IndexError, TypeError):
        return None
    return doc  # duplicate-key and text act when the file is written


def describe(m):
    where = "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in m.get("path", ())).lstrip(".") or "(root)"
    if m["op"] == "text":
        return f"text: {m['what']}" + (f" at {m['at']:.2f}" if m["what"] == "truncate" else "")
    if m["op"] == "delete":
        return f"delete {where}"
    why = f" ({m['why']})" if m.get("why") else ""
    return f"{m['op']} {where} = {short(m['value'])}{why}"


class Mutant:
    """One fuzzed input: a base scenario, mutations, the command to run once it validates."""

    def __init__(self, seed, index, bases, mode, shares=(0.1, 0.1)):
        self.seed, self.index = seed, index
        rng = random.Random(f"refinery-fuzz:{seed}:{index}")
        self.base_name = rng.choice(sorted(bases))
        base = bases[self.base_name]
        self.set_mode = mode == "set" or (mode == "both" and rng.random() < 0.25)
        count = 1
        while count < 5 and rng.random() < 0.45:
            count += 1
        doc, self.mutations = copy.deepcopy(base), []
        for _ in range(count):
            m = choose_mutation(rng, doc, self.set_mode)
            if m["op"] in ("text", "duplicate-key") or m["op"] == "replace" and not m["path"]:
                if any(x["op"] == m["op"] for x in self.mutations):
                    continue
            new = apply_mutation(doc, m)
            if new is not None:
                doc = new
                self.mutations.append(m)
        r = rng.random()
        schedule, value = shares
        self.command = "run-time-limit" if r < schedule else "value" if r < schedule + value else "run"
        self.base = base

    @property
    def name(self):
        return f"s{self.seed}-m{self.index:06d}"

    def with_mutations(self, mutations):
        clone = copy.copy(self)
        clone.mutations = mutations
        return clone

    def document(self):
        doc = copy.deepcopy(self.base)
        for m in self.mutations:
            doc = apply_mutation(doc, m) if m["op"] in ("replace", "delete", "add") else doc
            if doc is None:
                return None
        return doc

    def text(self, doc):
        """The mutant's file: doc written out, with duplicated keys and text mutations."""
        for m in self.mutations:
            if m["op"] == "duplicate-key":
                path = tuple(m["path"])
                try:
                    parent = get(doc, path[:-1]) if not isinstance(get(doc, path[:-1]), Pairs) else None
                except KeyError:
                    continue
                if isinstance(parent, dict) and path[-1] in parent:
                    pairs = Pairs(parent.items())
                    pairs.append((path[-1], m["value"]))
                    doc = put(doc, path[:-1], pairs)
        text = dump(doc) + "\n"
        for m in self.mutations:
            if m["op"] == "text" and m["what"] == "bom":
                text = "\ufeff" + text
            elif m["op"] == "text" and m["what"] == "truncate":
                text = text[:int(len(text) * m["at"])]
        return text

    def settable(self):
        """The mutations as --set arguments, or None when one cannot be written as --set."""
        doc, args = copy.deepcopy(self.base), []
        for m in self.mutations:
            if m["op"] != "replace" or not m["path"]:
                return None
            try:
                get(doc, tuple(m["path"]))
            except KeyError:
                return None
            by_id = (self.seed + self.index + len(args)) % 2 == 0 or not self.set_mode
            args += ["--set", f"{path_text(doc, m['path'], by_id)}={dump(m['value'], compact=True)}"]
            doc = put(doc, tuple(m["path"]), copy.deepcopy(m["value"]))
        # The kernel refuses a single argument above 128 KiB: such a mutant is written as a file.
        return args if all(len(a.encode()) < 100_000 for a in args) else None


# --- Running and judging -----------------------------------------------------------------------

class Runner:
    def __init__(self, binary, workdir, timeout, keep, env, locate=False):
        self.binary, self.workdir, self.timeout, self.keep, self.env = binary, workdir, timeout, keep, env
        self.locate = locate

    def execute(self, argv):
        start = time.monotonic()
        process = subprocess.Popen(argv, cwd=self.workdir, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=self.env, start_new_session=True)
        try:
            out, err = process.communicate(timeout=self.timeout)
            hung = False
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the group of the process started just above
            out, err = process.communicate()
            hung = True
        return {"argv": argv, "status": process.returncode, "stdout": out, "stderr": err.decode("utf-8", "replace"),
                "hung": hung, "seconds": time.monotonic() - start}

    def commands(self, mutant, file, shown=False):
        """The validate command and the command run when it validates (shown: as a reproducer
        run from the repository root)."""
        b = display(str(self.binary), self.binary, None, None) if shown else str(self.binary)
        scenarios = SCENARIO_DIR.relative_to(ROOT) if shown else SCENARIO_DIR
        sets = mutant.settable() if mutant.set_mode else None
        if mutant.set_mode and sets is not None:
            validate = [b, "validate", str(scenarios / f"{mutant.base_name}.json")] + sets
            source = ["--scenario", mutant.base_name] + sets
        else:
            validate, source = [b, "validate", str(file)], [str(file)]
        tail = {"run": ["run", *source, "--format", "json", "--no-schedule"],
                "run-time-limit": ["run", *source, "--format", "json", "--time-limit", "1"],
                "value": ["value", *source, "--format", "json"]}[mutant.command]
        return validate, [b] + tail

    def check(self, mutant):
        """(outcome, signature or None, result of the last command, argv list)."""
        doc = mutant.document()
        file = self.workdir / f"{mutant.name}-{threading.get_ident()}.json"
        strings = {n for _, n in nodes(doc) if isinstance(n, str)}  # echoed text, not a computed NaN
        if not (mutant.set_mode and mutant.settable() is not None):
            file.write_text(mutant.text(doc), encoding="utf-8", errors="surrogatepass")
        validate, run = self.commands(mutant, file)
        try:
            result = self.execute(validate)
            where = (self.workdir, 2 * self.timeout) if self.locate else (None, None)
            outcome, signature = judge_validation(result, *where)
            if outcome == "valid":
                result = self.execute(run)
                outcome, signature = judge_run(result, strings, mutant.command, *where)
            return outcome, signature, result, (validate, run)
        finally:
            file.unlink(missing_ok=True)

    def save(self, mutant, outcome, signature, result, argvs):
        """Keeps a failing mutant and its command; returns the one-line reproducer."""
        self.keep.mkdir(parents=True, exist_ok=True)
        file = self.keep / f"{mutant.name}.json"
        doc = mutant.document()
        file.write_text(mutant.text(doc), encoding="utf-8", errors="surrogatepass")
        validate_shown, run_shown = self.commands(mutant, file, shown=True)
        shown = validate_shown if result["argv"][1] == "validate" else run_shown
        line = shlex.join(shown)
        (self.keep / f"{mutant.name}.txt").write_text(
            f"outcome: {outcome}\nsignature: {signature}\nexit status: {result['status']}\n"
            f"reproduce: {line}\n(run from the repository root)\nmutations:\n"
            + "".join(f"  {describe(m)}\n" for m in mutant.mutations)
            + f"stderr (first 4000 characters):\n{result['stderr'][:4000]}\n", encoding="utf-8")
        return line


def display(arg, binary, workdir, file):
    """arg as shown in a reproducer: repository-relative paths, the kept file for the temp file."""
    if arg == str(binary):
        try:
            return str(pathlib.Path(arg).relative_to(ROOT))
        except ValueError:
            return arg
    if workdir is not None and arg.startswith(str(workdir)):
        return str(file)
    if arg.startswith(str(ROOT) + "/"):
        return arg[len(str(ROOT)) + 1:]
    return arg


def problem_signature(line):
    """A message with its values blurred, so one bug gives one signature."""
    line = re.sub(r"\[\d+\]", "[N]", line)
    line = re.sub(r"\[id=[^\]]*\]", "[id=…]", line)
    line = re.sub(r'"(?:[^"\\]|\\.)*"', '"…"', line)
    line = re.sub(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", "N", line)
    return line.strip()[:160]


def crash_signature(result, located=None):
    """"signal SIGILL: RefineryModel/Process/IntakeLot.swift:47: Double value cannot…": the
    signal, the innermost frame in Sources/ (from the Swift backtrace, else from gdb when
    located is given) and the fatal error's message."""
    err = result["stderr"]
    fatal = re.search(r"^(?:\S+: )?Fatal error: (.*)$", err, re.MULTILINE)
    frame = re.search(r" at \S*/Sources/(\S+?\.swift:\d+)", err)
    status = result["status"]
    kind = f"signal {signal.Signals(-status).name}" if status is not None and status < 0 and -status in signal.valid_signals() else f"exit {status}"
    parts = [kind]
    if frame and not located:
        parts.append(frame.group(1))
    if located:
        parts.append(located)
    if fatal:
        parts.append(re.sub(r"\d{4,}", "N", fatal.group(1).strip())[:120])
    else:
        marker = CRASH_MARKERS.search(err) or CRASH_MARKERS.search(result["stdout"].decode("utf-8", "replace"))
        glpk = re.search(r"(?:Error detected in file \S+ at line \d+|GLPK fatal error: .{0,80}|\bglp_[a-z_]+)", err)
        if glpk:
            parts.append(problem_signature(glpk.group(0)))
        elif marker and not (status is not None and status < 0):  # a signal's dump says nothing more
            parts.append(marker.group(0).strip())
    return ": ".join(parts)


def locate(argv, workdir, timeout):
    """Where a crash without a Swift frame in its backtrace (an abort in libc or GLPK) happens:
    "File.swift:LINE (glp_entry_point)" from gdb's backtrace, or None without gdb."""
    gdb = shutil.which("gdb")
    if not gdb:
        return None
    env = dict(os.environ, SWIFT_BACKTRACE="enable=no")
    try:
        out = subprocess.run([gdb, "-batch", "-nx", "-ex", "set pagination off", "-ex", "run", "-ex", "bt", "--args", *argv],
                             cwd=workdir, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
                             start_new_session=True).stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None
    frames = [l for l in out.split("\n") if re.match(r"#\d+ ", l)]
    entry = None
    for line in frames:
        source = re.search(r" at \S*/Sources/(\S+?\.swift:\d+)", line)
        if source:
            return source.group(1) + (f" ({entry})" if entry else "")
        glpk = re.search(r" in (glp_\w+) ", line)
        entry = glpk.group(1) if glpk else entry
    return None


def judge_common(result, workdir=None, timeout=None):
    """A failure every command can show, or None."""
    status = result["status"]
    if result["hung"]:
        return "hang", f"hang: {command_name(result['argv'])} past the per-mutant timeout"
    if status < 0 or status >= 128 and status - 128 in signal.valid_signals():
        located = None
        if workdir is not None and not re.search(r" at \S*/Sources/", result["stderr"]):
            located = locate(result["argv"], workdir, timeout)
        return "signal", crash_signature(result, located)
    if status not in DOCUMENTED_EXIT_STATUSES:
        return "undocumented-exit", f"exit {status}: " + problem_signature(result["stderr"].strip().split("\n")[0])
    stdout_text = result["stdout"].decode("utf-8", "replace")
    if CRASH_MARKERS.search(result["stderr"]) or CRASH_MARKERS.search(stdout_text):
        return "crash-dump", "crash dump or GLPK text, " + crash_signature(result)
    if status != 0 and status != 2 and not re.search(r"^Error: ", result["stderr"], re.MULTILINE):
        return "no-message", f"exit {status} with no 'Error:' line on stderr"
    raw = RAW_CONTROL.search(result["stderr"]) or (RAW_CONTROL.search(stdout_text) if result["argv"][1] == "validate" else None)
    if raw:
        return "raw-control-char", f"control character U+{ord(raw.group(0)):04X} written raw by {command_name(result['argv'])}"
    return None


def command_name(argv):
    name = argv[1]
    if "--no-schedule" in argv:
        name += " --no-schedule"
    if "--time-limit" in argv:
        name += " --time-limit"
    return name


def judge_validation(result, workdir=None, timeout=None):
    failure = judge_common(result, workdir, timeout)
    if failure:
        return failure
    status, err = result["status"], result["stderr"]
    if status == 0:
        return "valid", None
    if status == 64:
        return "usage-error", None
    if status in (1, 66):
        return "unreadable", None
    lines = err.rstrip("\n").split("\n")
    header = HEADER_LINE.match(lines[0]) if lines else None
    problems = [l for l in lines[1:] if l.strip()]
    if not header:
        return "rejected-without-path", "validate exit 65: " + problem_signature(lines[0] if lines else "")
    if int(header.group(1)) != len(problems):
        return "rejected-without-path", f"validate: the header counts {header.group(1)} problems, stderr has {len(problems)} lines"
    for line in problems:
        if not (PROBLEM_LINE.match(line) or line is problems[-1] and OMITTED_LINE.match(line)):
            return "rejected-without-path", "validate: problem without a path: " + problem_signature(line)
    return "rejected", None


def judge_run(result, input_strings, command, workdir=None, timeout=None):
    failure = judge_common(result, workdir, timeout)
    if failure:
        return failure
    status = result["status"]
    if status in (64, 65):
        first = next((l for l in result["stderr"].split("\n")[1:] if l.strip()), result["stderr"].split("\n")[0])
        return "accepted-then-rejected", f"{command_name(result['argv'])} exit {status} after validate accepted: {problem_signature(first)}"
    if status == 1:
        return "run-failed", None
    constants = []
    try:
        report = json.loads(result["stdout"], parse_constant=lambda c: constants.append(c) or 0.0)
    except (ValueError, UnicodeDecodeError) as error:
        return "report-not-json", f"{command_name(result['argv'])} exit {status}: stdout is not JSON ({str(error)[:40]})"
    if constants:
        return "nan-in-report", f"{command_name(result['argv'])}: a bare {constants[0]} in the JSON"
    for path, node in nodes(report):
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        shown = "".join("[]" if isinstance(p, int) else "." + p for p in path).lstrip(".")
        if isinstance(node, str) and node.lower() in NON_FINITE_STRINGS and path[:1] != ("scenario",) \
                and node not in input_strings:
            return "nan-in-report", f"{command_name(result['argv'])}: {shown} is \"{node}\""
        if is_number(node) and not isinstance(node, Raw) and node < 0 and MASS_KEY.search(key) \
                and not RATE_KEY.search(key) and not SIGNED_KEY.search(key):
            return "negative-mass", f"{command_name(result['argv'])}: {shown} is negative"
    return ("ran" if status == 0 else "no-solution"), None


# --- Minimizing a failure ----------------------------------------------------------------------

def minimize(runner, mutant, signature):
    """The smallest subset of mutant's mutations (removed one at a time) with the same signature,
    in the --set form when it has one; returns (mutant, result, argvs)."""
    best = mutant
    changed = True
    while changed and best.mutations:  # down to none: the unmutated scenario may fail already
        changed = False
        for i in range(len(best.mutations)):
            candidate = best.with_mutations(best.mutations[:i] + best.mutations[i + 1:])
            if candidate.document() is None:
                continue
            outcome, sig, _, _ = runner.check(candidate)
            if sig == signature:
                best, changed = candidate, True
                break
    if not best.set_mode and best.settable() is not None:
        as_set = copy.copy(best)
        as_set.set_mode = True
        if runner.check(as_set)[1] == signature:
            best = as_set
    _, _, result, argvs = runner.check(best)
    return best, result, argvs


# --- Main --------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(
        prog="scripts/fuzz", description=__doc__.split("\n\n")[0],
        epilog="Exit status: 0 when every mutant had a documented outcome, 1 when any failed, 2 on a usage error.")
    parser.add_argument("--seed", type=int, default=1, help="seed of the mutants (default 1)")
    parser.add_argument("--count", type=int, default=300, help="number of mutants (default 300)")
    parser.add_argument("--start", type=int, default=0, help="index of the first mutant (default 0)")
    parser.add_argument("--only", type=lambda s: [int(x) for x in s.split(",")], help="run only these mutant indices (comma-separated)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run in parallel (default 2)")
    parser.add_argument("--binary", default=str(ROOT / ".build/debug/refinery-cli"), help="refinery-cli to test (default .build/debug/refinery-cli)")
    parser.add_argument("--mode", choices=["files", "set", "both"], default="both",
                        help="mutated files, --set PATH=VALUE overrides, or both (default: a quarter --set)")
    parser.add_argument("--schedule-share", type=float, default=0.1,
                        help="share of valid mutants run with the campaign schedule, run --time-limit 1 (default 0.1)")
    parser.add_argument("--value-share", type=float, default=0.1,
                        help="share of valid mutants run through value (default 0.1); the rest run --no-schedule")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per command before it counts as a hang (default 60)")
    parser.add_argument("--memory-limit", type=int, default=3072, help="address-space limit per command in MiB (default 3072)")
    parser.add_argument("--keep", help="directory for failing mutants (default: a new temporary directory)")
    parser.add_argument("--minimize", action="store_true", help="shrink each failure to its fewest mutations (prefers a --set reproducer)")
    parser.add_argument("--locate", action="store_true",
                        help="find the source line of a crash whose Swift backtrace has none (an abort in GLPK or libc) with gdb")
    parser.add_argument("--list", action="store_true", help="print each mutant's mutations and command, run nothing")
    parser.add_argument("--results", help="append one JSON line per mutant to this file")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args()

    bases = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCENARIO_DIR.glob("*.json"))}
    indices = args.only if args.only else list(range(args.start, args.start + args.count))
    mode = args.mode
    shares = (args.schedule_share, args.value_share)
    if not (0 <= args.schedule_share and 0 <= args.value_share and args.schedule_share + args.value_share <= 1):
        parser.error("--schedule-share and --value-share must be fractions that add up to at most 1")

    if args.list:
        digest = hashlib.sha256()
        for i in indices:
            m = Mutant(args.seed, i, bases, mode, shares)
            sets = m.settable() if m.set_mode else None
            line = f"{m.name} {m.base_name} {'set' if sets is not None else 'file'} {m.command}: " + "; ".join(describe(x) for x in m.mutations)
            print(line)
            digest.update(line.encode() + m.text(m.document()).encode("utf-8", "surrogatepass"))
        print(f"fuzz: {len(indices)} mutants of seed {args.seed}, digest {digest.hexdigest()[:16]}")
        return 0

    binary = pathlib.Path(os.path.abspath(args.binary))
    if not os.access(binary, os.X_OK):
        print(f"fuzz: {binary} is not an executable; build it first (swift build --product refinery-cli)", file=sys.stderr)
        return 2
    keep = pathlib.Path(args.keep).resolve() if args.keep else pathlib.Path(tempfile.mkdtemp(prefix="refinery-fuzz-failures-"))
    if keep == ROOT / "data" or ROOT / "data" in keep.parents:
        print("fuzz: --keep must not be inside data/", file=sys.stderr)
        return 2
    limit = args.memory_limit * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or limit <= hard:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))  # inherited by every command started
    env = dict(os.environ, SWIFT_BACKTRACE="enable=yes,interactive=no,color=no,registers=none,images=none")

    workdir = pathlib.Path(tempfile.mkdtemp(prefix="refinery-fuzz-"))
    runner = Runner(binary, workdir, args.timeout, keep, env, locate=args.locate)
    span = ",".join(map(str, indices)) if args.only else f"{indices[0]}…{indices[-1]}"
    print(f"fuzz: seed {args.seed}, {len(indices)} mutants (indices {span}), {args.jobs} jobs, "
          f"mode {mode}, binary {display(str(binary), binary, None, None)}; replay with: scripts/fuzz --seed {args.seed} "
          + (f"--only {','.join(map(str, indices))}" if args.only else f"--start {indices[0]} --count {len(indices)}")
          + (f" --mode {mode}" if mode != "both" else "")
          + (f" --schedule-share {shares[0]} --value-share {shares[1]}" if shares != (0.1, 0.1) else ""), flush=True)
    started = time.monotonic()
    counts, failures, lock, done = {}, {}, threading.Lock(), [0]
    results_file = open(args.results, "a", encoding="utf-8") if args.results else None

    def one(index):
        mutant = Mutant(args.seed, index, bases, mode, shares)
        outcome, signature, result, argvs = runner.check(mutant)
        line = None
        if signature is not None:
            if args.minimize:
                mutant, result, argvs = minimize(runner, mutant, signature)
            line = runner.save(mutant, outcome, signature, result, argvs)
        with lock:
            counts[outcome] = counts.get(outcome, 0) + 1
            done[0] += 1
            if signature is not None:
                failures.setdefault(signature, []).append((index, line, len(mutant.mutations)))
                print(f"FAILURE {outcome}: {signature}\n  mutant {index}: {line}", flush=True)
            if results_file:
                results_file.write(json.dumps({"index": index, "outcome": outcome, "signature": signature,
                                               "reproducer": line, "status": result["status"],
                                               "seconds": round(result["seconds"], 3)}) + "\n")
                results_file.flush()
            if not args.quiet and done[0] % 100 == 0:
                rate = done[0] / (time.monotonic() - started)
                print(f"fuzz: {done[0]}/{len(indices)} done, {sum(len(v) for v in failures.values())} failures, "
                      f"{rate:.2f} mutants/s", flush=True)

    def interrupt(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs)
    try:
        for future in [pool.submit(one, i) for i in indices]:
            future.result()
    except KeyboardInterrupt:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second signal (timeout(1) sends two) waits too
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print(f"fuzz: interrupted after {done[0]} mutants; failures so far are in {keep}", file=sys.stderr)
        pool.shutdown(wait=True, cancel_futures=True)  # the commands running finish (each has its timeout)
        return 130
    finally:
        pool.shutdown(wait=True)
        shutil.rmtree(workdir, ignore_errors=True)
        if results_file:
            results_file.close()

    elapsed = time.monotonic() - started
    total_failures = sum(len(v) for v in failures.values())
    print(f"fuzz: outcomes: " + ", ".join(f"{k} {counts[k]}" for k in sorted(counts, key=lambda k: (k not in SAFE_OUTCOMES, k))))
    for signature, hits in sorted(failures.items(), key=lambda kv: -len(kv[1])):
        index, line, _ = min(hits, key=lambda h: h[2])
        print(f"fuzz: {len(hits):5d} × {signature}\n         e.g. mutant {index}: {line}")
    if total_failures == 0:
        shutil.rmtree(keep, ignore_errors=True) if not args.keep else None
    print(f"fuzz: seed {args.seed}: {len(indices)} mutants in {elapsed:.1f} s ({len(indices) / elapsed:.2f} mutants/s), "
          f"{total_failures} failures in {len(failures)} signatures" + (f"; kept in {keep}" if total_failures else ""))
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
