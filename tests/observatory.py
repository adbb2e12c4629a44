"""The Mozilla HTTP Observatory's scoring rules (v2), applied to one Django test response.

Modifiers and conditions follow MDN's scanner (github.com/mdn/mdn-http-observatory,
src/grader/charts.js and src/analyzer/tests/*.js): every site starts at 100, penalties
apply, and bonuses count only when the score without them is at least 90. Left out,
because a single response cannot show them: the HTTP-to-HTTPS redirection test, the HSTS
preload list bonus and CORS files (crossdomain.xml, clientaccesspolicy.xml).
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
NONCE_OR_HASH = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")
SAFE_REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin"}
SAFE_REFERRER_POLICIES.add("strict-origin-when-cross-origin")
UNSAFE_REFERRER_POLICIES = {"origin", "origin-when-cross-origin", "unsafe-url"}
UNSAFE_REFERRER_POLICIES.add("no-referrer-when-downgrade")
SIX_MONTHS = 15_768_000
SESSION_COOKIE_NAMES = ("session", "sid", "sess")


@dataclass
class Score:
    modifiers: dict = field(default_factory=dict)  # test name -> (modifier, reason)

    def add(self, test, modifier, reason):
        self.modifiers[test] = (modifier, reason)

    @property
    def total(self):
        penalties = sum(m for m, _ in self.modifiers.values() if m < 0)
        bonuses = sum(m for m, _ in self.modifiers.values() if m > 0)
        base = max(100 + penalties, 0)
        return base + bonuses if base >= 90 else base

    def __str__(self):
        lines = [f"score {self.total}"]
        lines += [f"  {m:+4d} {test}: {why}" for test, (m, why) in self.modifiers.items()]
        return "\n".join(lines)


def parse_csp(header):
    """{directive: set of sources}; None when the header is missing or unparseable."""
    if not header:
        return None
    policy = {}
    for part in header.split(";"):
        tokens = part.strip().split()
        if not tokens:
            continue
        name = tokens[0].lower()
        if name in policy:
            return None  # duplicate directive: invalid
        policy[name] = {token if "://" in token else token.lower() for token in tokens[1:]}
    return policy


def score_csp(score, headers, https):
    csp = parse_csp(headers.get("Content-Security-Policy"))
    if csp is None:
        score.add("content-security-policy", -25, "not implemented")
        return None
    default = csp.get("default-src")
    object_src = csp.get("object-src") or default or {"*"}
    script_src = set(csp.get("script-src") or default or {"*"})
    style_src = set(csp.get("style-src") or default or {"*"})
    for sources in (script_src, style_src):
        if any(s.startswith(NONCE_OR_HASH) for s in sources):
            sources.discard("'unsafe-inline'")
    passive = {s for d in ("img-src", "media-src") for s in (csp.get(d) or default or set())}
    active_directives = [
        v for d, v in csp.items() if d not in ("img-src", "media-src", "script-src")
    ]
    active = {s for sources in active_directives for s in sources}
    active = active | script_src

    def insecure(sources):
        return https and any(s.startswith(("http:", "ftp:")) for s in sources)

    if script_src & (BROAD | UNSAFE_INLINE) or object_src & BROAD:
        result = (-20, "unsafe-inline, data: or broad sources in script-src or object-src")
    elif insecure(active):
        result = (-20, "allows active content over HTTP")
    elif "'unsafe-eval'" in script_src | style_src:
        result = (-10, "allows 'unsafe-eval'")
    elif insecure(passive):
        result = (-10, "allows images or media over HTTP")
    elif style_src & (BROAD | UNSAFE_INLINE):
        result = (0, "unsafe sources in style-src only")
    elif default == {"'none'"}:
        result = (10, "default-src 'none' and nothing unsafe")
    else:
        result = (5, "nothing unsafe, but default-src is not 'none'")
    score.add("content-security-policy", *result)
    return csp


def score_cookies(score, response, hsts):
    cookies = response.cookies
    if not cookies:
        score.add("cookies", 0, "no cookies")
        return
    secure = all(c["secure"] for c in cookies.values())
    sessions = [
        cookie
        for name, cookie in cookies.items()
        if any(word in name.lower() for word in SESSION_COOKIE_NAMES)
    ]
    samesite = [c["samesite"].lower() for c in cookies.values() if c["samesite"]]
    if any(value not in ("strict", "lax", "none") for value in samesite):
        score.add("cookies", -20, "SameSite set to an unknown value")
    elif sessions and not all(c["secure"] for c in sessions):
        score.add("cookies", -10 if hsts else -40, "session cookie without Secure")
    elif sessions and not all(c["httponly"] for c in sessions):
        score.add("cookies", -30, "session cookie without HttpOnly")
    elif not secure:
        score.add("cookies", -5 if hsts else -20, "cookie without Secure")
    elif len(samesite) == len(cookies) and "none" not in samesite:
        score.add("cookies", 5, "Secure, HttpOnly sessions, SameSite")
    else:
        score.add("cookies", 0, "Secure and HttpOnly sessions, no SameSite")


def score_cors(score, headers):
    origin = headers.get("Access-Control-Allow-Origin")
    credentials = headers.get("Access-Control-Allow-Credentials", "").lower() == "true"
    if origin and credentials and origin != "*":
        score.add("cors", -50, "credentialed access for a reflected origin")
    else:
        score.add("cors", 0, "no credentialed cross-origin access")


def score_referrer_policy(score, headers):
    value = headers.get("Referrer-Policy")
    if not value:
        score.add("referrer-policy", 0, "not implemented")
        return
    # Browsers use the last policy they understand.
    policies = [p.strip().lower() for p in value.split(",") if p.strip()]
    known = [p for p in policies if p in SAFE_REFERRER_POLICIES | UNSAFE_REFERRER_POLICIES]
    if not known:
        score.add("referrer-policy", -5, "invalid")
    elif known[-1] in SAFE_REFERRER_POLICIES:
        score.add("referrer-policy", 5, known[-1])
    else:
        score.add("referrer-policy", -5, f"unsafe: {known[-1]}")


def score_hsts(score, headers, https):
    value = headers.get("Strict-Transport-Security")
    if not https:
        score.add("strict-transport-security", -20, "not served over HTTPS")
        return 0
    if not value:
        score.add("strict-transport-security", -20, "not implemented")
        return 0
    match = re.search(r"max-age=\"?(\d+)", value, re.IGNORECASE)
    if not match:
        score.add("strict-transport-security", -20, "invalid")
        return 0
    max_age = int(match.group(1))
    if max_age < SIX_MONTHS:
        score.add("strict-transport-security", -10, "max-age under six months")
    else:
        score.add("strict-transport-security", 0, "max-age of six months or more")
    return max_age


def score_sri(score, response, host):
    if "html" not in response.get("Content-Type", ""):
        score.add("subresource-integrity", 0, "not HTML")
        return
    tags = re.findall(r"<script\b[^>]*>", response.content.decode(), re.IGNORECASE)
    sources = [re.search(r"\bsrc=[\"']?([^\"' >]+)", tag) for tag in tags]
    scripts = [(tag, match.group(1)) for tag, match in zip(tags, sources, strict=True) if match]
    if not scripts:
        score.add("subresource-integrity", 0, "no scripts loaded")
        return
    external = [(tag, src) for tag, src in scripts if urlsplit(src).netloc not in ("", host)]
    all_have_sri = all("integrity=" in tag for tag, _ in external) if external else False
    insecure = any(src.startswith(("http:", "//")) for _, src in external)
    if insecure:
        score.add("subresource-integrity", -20 if all_have_sri else -50, "scripts over HTTP")
    elif not external:
        score.add("subresource-integrity", 0, "every script from the same origin")
    elif all_have_sri:
        score.add("subresource-integrity", 5, "SRI on every external script")
    else:
        score.add("subresource-integrity", -5, "external scripts without SRI")


def score_x_content_type_options(score, headers):
    if headers.get("X-Content-Type-Options", "").strip().lower() == "nosniff":
        score.add("x-content-type-options", 0, "nosniff")
    else:
        score.add("x-content-type-options", -5, "missing or invalid")


def score_x_frame_options(score, headers, csp):
    ancestors = (csp or {}).get("frame-ancestors")
    xfo = headers.get("X-Frame-Options", "").strip().lower()
    if ancestors and not ancestors & BROAD:
        score.add("x-frame-options", 5, "CSP frame-ancestors")
    elif xfo in ("deny", "sameorigin") or xfo.startswith("allow-from"):
        score.add("x-frame-options", 0, f"X-Frame-Options {xfo}")
    else:
        score.add("x-frame-options", -20, "not implemented")


def score_corp(score, headers):
    value = headers.get("Cross-Origin-Resource-Policy")
    if value is None:
        score.add("cross-origin-resource-policy", 0, "not implemented")
    elif value.strip().lower() in ("same-origin", "same-site"):
        score.add("cross-origin-resource-policy", 10, value)
    elif value.strip().lower() == "cross-origin":
        score.add("cross-origin-resource-policy", 0, value)
    else:
        score.add("cross-origin-resource-policy", -5, "invalid")


def observatory_score(response, host="testserver"):
    """The Observatory score of a response obtained through Django's test client."""
    score = Score()
    https = response.wsgi_request.is_secure()
    headers = response.headers
    csp = score_csp(score, headers, https)
    max_age = score_hsts(score, headers, https)
    score_cookies(score, response, hsts=max_age >= SIX_MONTHS)
    score_cors(score, headers)
    score_referrer_policy(score, headers)
    score_sri(score, response, host)
    score_x_content_type_options(score, headers)
    score_x_frame_options(score, headers, csp)
    score_corp(score, headers)
    return score
