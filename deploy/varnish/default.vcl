# Varnish in front of Newsroom's app servers (Debian: apt-get install varnish varnish-modules).
#
# Readers' pages are kept for as long as the app's Surrogate-Control allows (EDGE_SECONDS, an
# hour by default, never past a scheduled change) and purged by the app the moment their content
# changes (EDGE_BACKEND=varnish, EDGE_VARNISH_URLS=http://<this varnish>:6081): by tag through
# vmod xkey (a soft purge), by address, or everything. Signed-in staff are never served from or stored in this
# cache. While the app servers are down, the last good pages are served for stale-if-error.
#
# Set the backend's host and port to your gunicorn (or a load balancer in front of several),
# and the purgers ACL to the addresses of the servers that run the task worker (db_worker).

vcl 4.1;

import std;
import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    # A cheap page that needs neither the database nor Redis: "sick" means the app is down.
    .probe = {
        .url = "/robots.txt";
        .interval = 2s;
        .timeout = 2s;  # an app server under load answers late, but it answers
        .window = 3;
        .threshold = 2;
    }
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            # Soft: a purged page is expired, not removed. While the app answers, the next
            # reader starts its fetch and may get the old page once (req.grace below); while
            # the app is down, it is the last good page readers get instead of an error.
            set req.http.n-gone = xkey.softpurge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.n-gone + " objects"));
        }
        return (purge);  # this address (with its Host), every encoding
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        ban("obj.status != 0");
        return (synth(200, "Banned everything"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in staff (a session) or a pending message: their own pages, never cached here.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=" || req.http.Authorization
            || req.url ~ "^/admin/") {
        return (pass);
    }
    # Nothing a reader's page shows depends on a cookie (a form's CSRF cookie is set afresh).
    unset req.http.Cookie;
    # While the app answers, a page past its lifetime is served stale only briefly, while it is
    # fetched again (keep equal to EDGE_STALE_WHILE_REVALIDATE); while it does not, for as long
    # as the page's stale-if-error (the object's grace).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
}

sub vcl_backend_response {
    if (beresp.http.Surrogate-Control ~ "max-age=[0-9]+") {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control,
            "^.*max-age=([0-9]+).*$", "\1") + "s", 0s);
        set beresp.grace = std.duration(regsub(beresp.http.Surrogate-Control,
            "^.*stale-if-error=([0-9]+).*$", "\1") + "s", 0s);
    }
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Varnish's built-in rules follow: nothing with Set-Cookie, private or no-store is kept.
}

sub vcl_deliver {
    # The edge's own instructions are not for browsers (nor for caches beyond this one).
    unset resp.http.Surrogate-Key;
    unset resp.http.Surrogate-Control;
    unset resp.http.xkey;
    # For operators and tests: was this answer kept here, and how often has it been served.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    set resp.http.X-Cache-Hits = obj.hits;
}
