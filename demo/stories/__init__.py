"""The demo's articles, one module per section: each has its own stories and a few general
background paragraphs that can follow any of them."""

from . import business, entertainment, local, sport, technology, world

SECTIONS = {
    "local": local,
    "business": business,
    "world": world,
    "sport": sport,
    "entertainment": entertainment,
    "technology": technology,
}
