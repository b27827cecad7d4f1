"""Schemathesis checks of our own, loaded by tests/api/test_schemathesis.py through
SCHEMATHESIS_HOOKS: nothing readers may not see ever appears in an answer."""

import os
from pathlib import Path

import schemathesis

# Every draft, scheduled and unpublished article of the run carries this in its headline,
# standfirst, body and slug.
HIDDEN = "hiddenmarker"


@schemathesis.check
def no_unpublished_content(ctx, response, case):
    # Leaves a trace, so the test knows the check ran rather than was never loaded.
    Path(os.environ["API_CHECK_TRACE"]).touch()
    if HIDDEN in response.text.lower():
        raise AssertionError(f"an article readers may not see appears in {case.path}")
