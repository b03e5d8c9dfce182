"""Text that reports no deal, or fewer deals than its deal words suggest (texts written for these tests).

Each negative must give no deal record; each positive near-miss the deal it states, so that a filter for the
negatives does not kill real deals.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from newsextract import extract


def _deals(text: str) -> list:
    return extract(text, lang="en").deals


#: a deal the company only says it might do, has not done, or others foresee (status.not_done, status.foreseen)
NOT_DONE = [
    "Delmont Pharma said it remains open to licensing its TROP2 ADC outside China but has no plans to sell the asset. "
    "The company will run its own phase 3 trial.",
    "Wetherby Pharma said it had no plans to license its PD-1/VEGF bispecific WP-9 and would instead build its own "
    "sales force in the US.",
    "Vernham Bio's stock soared 60% after the company said its CD3xBCMA T-cell engager VB-5 shrank tumours in 80% of "
    "patients. The company has not partnered the drug.",
    "Analysts at Cowen expect Seaforth Bio to sign a licensing deal for its IL-23 antibody within a year, which they "
    "say could bring an upfront payment of about $100 million.",
    "Alcott Bio is among the companies that BioNova could target for acquisition, analysts said, citing its KRAS "
    "pipeline.",
    "Norland Bio denied a Bloomberg report that it was in talks to be acquired by Amgen.",
]


@pytest.mark.parametrize("text", NOT_DONE)
def test_a_deal_not_done_is_no_record(text: str) -> None:
    assert _deals(text) == []


def test_a_deal_done_after_saying_it_would_not_be_is_kept() -> None:
    deals = _deals("Wetherby Pharma licensed its PD-1/VEGF bispecific WP-9 to Summit Pharma for $500 million upfront, "
                   "after saying last year it had no plans to partner the drug.")
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name, d.asset) == ("Wetherby Pharma", "Summit Pharma", "WP-9")
    assert d.upfront is not None and d.upfront.amount == Decimal("500000000")


def test_a_confirmed_talk_is_kept() -> None:
    deals = _deals("Norland Bio confirmed it is in talks to be acquired by Amgen for about $2 billion.")
    assert len(deals) == 1
    d = deals[0]
    assert (d.licensor.name, d.licensee.name, d.status) == ("Norland Bio", "Amgen", "in_discussion")
    assert d.total_value is not None and d.total_value.amount == Decimal("2000000000")


def test_an_option_the_buyer_would_not_exercise_is_terminated() -> None:
    deals = _deals("Ashdown Pharma said it would not exercise its option to license the Claudin18.2 ADC from Binhai "
                   "Bio; Binhai is now seeking a new partner.")
    assert [d.status for d in deals] == ["terminated"]
