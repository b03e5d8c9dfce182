"""Example tables for the money reader, price-parser style.

Rows are grouped by where they come from:

* ``DEVELOPMENT`` — every format and qualifier listed under *Money* in ``../shared/PHENOMENA.md``;
* ``HELD_OUT`` — phrasings written from how deal news is worded, not from the vocabulary files;
* ``BUGS`` — amounts once read wrong (add a row here with every fix).

Each row is ``(lang, text, amount, currency, flags)``: ``amount`` in full units as a string for ``Decimal``,
``flags`` the set of qualifier flags that must be set (``upper_bound``, ``approximate``, ``lower_bound``); the
others must be clear. The row's text holds one primary amount (a bracketed conversion may follow it).
Known misses are ``xfail(strict=True)`` so that a fix is noticed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from newsextract.normalize.money import find_money, parse_money, zh_number

U, A, L = "upper_bound", "approximate", "lower_bound"
FLAGS = (U, A, L)


DEVELOPMENT = [
    # --- English: currency before the number -------------------------------------------------------------
    ("en", "$25 million", "25000000", "USD", set()),
    ("en", "sales rose to 154.9 billion Danish crowns", "154900000000", "DKK", set()),
    ("en", "revenue of 7.2 billion Swedish crowns", "7200000000", "SEK", set()),
    ("en", "a $25 million upfront payment", "25000000", "USD", set()),
    ("en", "US$1.25 billion", "1250000000", "USD", set()),
    ("en", "an upfront payment of US$1.25 billion", "1250000000", "USD", set()),
    ("en", "USD80 million", "80000000", "USD", set()),
    ("en", "USD 80 million", "80000000", "USD", set()),
    ("en", "$ 25,000,000", "25000000", "USD", set()),
    ("en", "a payment of $ 25,000,000 upon signing", "25000000", "USD", set()),
    ("en", "$25,000,000", "25000000", "USD", set()),
    ("en", "$1.0bn", "1000000000", "USD", set()),
    ("en", "$1.0bn upfront", "1000000000", "USD", set()),
    ("en", "$1.25bn", "1250000000", "USD", set()),
    ("en", "$0.175 billion", "175000000", "USD", set()),
    ("en", "$43 billion", "43000000000", "USD", set()),
    ("en", "$3.3B", "3300000000", "USD", set()),
    ("en", "$25M", "25000000", "USD", set()),
    ("en", "$25m", "25000000", "USD", set()),
    ("en", "$25mn", "25000000", "USD", set()),
    ("en", "$250,000", "250000", "USD", set()),
    ("en", "$38.25 per share", "38.25", "USD", set()),
    ("en", "U.S.$500 million", "500000000", "USD", set()),
    ("en", "EUR 50m", "50000000", "EUR", set()),
    ("en", "EUR50m", "50000000", "EUR", set()),
    ("en", "EUR 1.2 billion", "1200000000", "EUR", set()),
    ("en", "€300 million", "300000000", "EUR", set()),
    ("en", "€ 300 million", "300000000", "EUR", set()),
    ("en", "€1.5bn", "1500000000", "EUR", set()),
    ("en", "JPY 3,000 million", "3000000000", "JPY", set()),
    ("en", "JPY3,000 million", "3000000000", "JPY", set()),
    ("en", "RMB315 million", "315000000", "CNY", set()),
    ("en", "RMB 315 million", "315000000", "CNY", set()),
    ("en", "RMB5.8 billion", "5800000000", "CNY", set()),
    ("en", "CNY 1.2 billion", "1200000000", "CNY", set()),
    ("en", "HK$1.2 billion", "1200000000", "HKD", set()),
    ("en", "HK$ 500 million", "500000000", "HKD", set()),
    ("en", "CHF 1.1 billion", "1100000000", "CHF", set()),
    ("en", "CHF 75 million", "75000000", "CHF", set()),
    ("en", "£40 million", "40000000", "GBP", set()),
    ("en", "GBP 15m", "15000000", "GBP", set()),
    ("en", "KRW 200 billion", "200000000000", "KRW", set()),
    # an article before an ISO code: "a" must not be read as the number one
    ("en", "a USD80 million upfront payment", "80000000", "USD", set()),
    ("en", "an EUR 50m payment", "50000000", "EUR", set()),
    ("en", "a RMB315 million upfront", "315000000", "CNY", set()),
    ("en", "a CHF 75 million fee", "75000000", "CHF", set()),
    ("en", "a HK$1.2 billion deal", "1200000000", "HKD", set()),
    # --- English: currency after the number -------------------------------------------------------------
    ("en", "100 billion yen", "100000000000", "JPY", set()),
    ("en", "an upfront payment of 100 billion yen", "100000000000", "JPY", set()),
    ("en", "1.6 trillion won", "1600000000000", "KRW", set()),
    ("en", "5.823 billion yuan", "5823000000", "CNY", set()),
    ("en", "5.823 billion yuan ($800 million)", "5823000000", "CNY", set()),
    ("en", "50 million euros", "50000000", "EUR", set()),
    ("en", "200 million Swiss francs", "200000000", "CHF", set()),
    ("en", "3 billion Hong Kong dollars", "3000000000", "HKD", set()),
    ("en", "25 million US dollars", "25000000", "USD", set()),
    ("en", "1.2 billion renminbi", "1200000000", "CNY", set()),
    # --- English: word numbers --------------------------------------------------------------------------
    ("en", "twenty-five million dollars", "25000000", "USD", set()),
    ("en", "twenty five million dollars", "25000000", "USD", set()),
    ("en", "three billion dollars", "3000000000", "USD", set()),
    ("en", "fifty million euros", "50000000", "EUR", set()),
    ("en", "one hundred million dollars", "100000000", "USD", set()),
    ("en", "half a billion dollars", "500000000", "USD", set()),
    ("en", "a quarter of a billion dollars", "250000000", "USD", set()),
    ("en", "three quarters of a billion euros", "750000000", "EUR", set()),
    # --- English: qualifiers ----------------------------------------------------------------------------
    ("en", "up to $571 million in milestone payments", "571000000", "USD", {U}),
    ("en", "up to US$1.25 billion", "1250000000", "USD", {U}),
    ("en", "up to €300 million", "300000000", "EUR", {U}),
    ("en", "up to about $1.1 billion", "1100000000", "USD", {U, A}),
    ("en", "up to approximately $2 billion", "2000000000", "USD", {U, A}),
    ("en", "as much as $500 million", "500000000", "USD", {U}),
    ("en", "as high as $1.5 billion", "1500000000", "USD", {U}),
    ("en", "over $1 billion", "1000000000", "USD", {L}),
    ("en", "more than $2 billion", "2000000000", "USD", {L}),
    ("en", "more than US$2 billion in total", "2000000000", "USD", {L}),
    ("en", "exceeding $2.5 billion", "2500000000", "USD", {L}),
    ("en", "in excess of $500 million", "500000000", "USD", {L}),
    ("en", "approximately $450 million", "450000000", "USD", {A}),
    ("en", "Approximately $450 million", "450000000", "USD", {A}),
    ("en", "about $2 billion", "2000000000", "USD", {A}),
    ("en", "~$3.3B", "3300000000", "USD", {A}),
    ("en", "a total equity value of ~$3.3B", "3300000000", "USD", {A}),
    ("en", "nearly $1 billion", "1000000000", "USD", {A}),
    ("en", "nearly 100 billion yen", "100000000000", "JPY", {A}),
    ("en", "$100m+", "100000000", "USD", {L}),
    ("en", "$1bn+ in milestones", "1000000000", "USD", {L}),
    ("en", "up to twenty-five million dollars", "25000000", "USD", {U}),
    ("en", "up to US$ 200 million", "200000000", "USD", {U}),
    ("en", "more than 1 trillion won", "1000000000000", "KRW", {L}),
    ("en", "over €300 million", "300000000", "EUR", {L}),
    ("en", "approximately RMB315 million", "315000000", "CNY", {A}),
    ("en", "USD 1.5bn", "1500000000", "USD", set()),
    ("en", "US$80m", "80000000", "USD", set()),
    # --- Chinese: Arabic numbers with 万/亿 -------------------------------------------------------------
    ("zh", "2500万美元", "25000000", "USD", set()),
    ("zh", "首付款2500万美元", "25000000", "USD", set()),
    ("zh", "5.71亿美元", "571000000", "USD", set()),
    ("zh", "5.71亿美元的里程碑付款", "571000000", "USD", set()),
    ("zh", "42.3 亿美元", "4230000000", "USD", set()),
    ("zh", "交易总额42.3 亿美元", "4230000000", "USD", set()),
    ("zh", "人民币177,380万元", "1773800000", "CNY", set()),
    ("zh", "人民币3.5亿元", "350000000", "CNY", set()),
    ("zh", "12.5億美元", "1250000000", "USD", set()),
    ("zh", "5000萬美元", "50000000", "USD", set()),
    ("zh", "2亿元", "200000000", "CNY", set()),
    ("zh", "2亿元人民币", "200000000", "CNY", set()),
    ("zh", "3亿人民币", "300000000", "CNY", set()),
    ("zh", "7000万美元", "70000000", "USD", set()),
    ("zh", "2.5亿欧元", "250000000", "EUR", set()),
    ("zh", "800万港元", "8000000", "HKD", set()),
    ("zh", "50亿日元", "5000000000", "JPY", set()),
    ("zh", "US$1.25 billion", "1250000000", "USD", set()),
    # --- Chinese numerals, including financial ones -----------------------------------------------------
    ("zh", "一千万美元", "10000000", "USD", set()),
    ("zh", "两千万美元", "20000000", "USD", set()),
    ("zh", "十二亿元", "1200000000", "CNY", set()),
    ("zh", "十二亿美元", "1200000000", "USD", set()),
    ("zh", "人民幣貳仟參佰參拾萬元", "23300000", "CNY", set()),
    ("zh", "人民币五千万元", "50000000", "CNY", set()),
    ("zh", "三千万美元", "30000000", "USD", set()),
    # --- Chinese qualifiers -----------------------------------------------------------------------------
    ("zh", "不超过5亿美元", "500000000", "USD", {U}),
    ("zh", "最高5亿美元", "500000000", "USD", {U}),
    ("zh", "最高可达10亿美元", "1000000000", "USD", {U}),
    ("zh", "高达46亿美元", "4600000000", "USD", {U}),
    ("zh", "约10亿美元", "1000000000", "USD", {A}),
    ("zh", "约5亿元人民币", "500000000", "CNY", {A}),
    ("zh", "近3亿美元", "300000000", "USD", {A}),
    ("zh", "超过20亿美元", "2000000000", "USD", {L}),
    ("zh", "接近1亿美元", "100000000", "USD", {A}),
    ("zh", "超10亿美元", "1000000000", "USD", {L}),
    ("zh", "最高达5.71亿美元", "571000000", "USD", {U}),
    ("zh", "超过1亿元人民币", "100000000", "CNY", {L}),
    ("zh", "人民币2亿元", "200000000", "CNY", set()),
]

HELD_OUT = [
    # English: written from how press releases and trade press phrase amounts
    ("en", "The company will receive an upfront payment of US$ 60 million.", "60000000", "USD", set()),
    ("en", "in a deal valued at $1.7bn", "1700000000", "USD", set()),
    ("en", "milestones of up to USD 1.1 billion", "1100000000", "USD", {U}),
    ("en", "€1.2bn upfront", "1200000000", "EUR", set()),
    ("en", "roughly $700 million", "700000000", "USD", {A}),
    ("en", "around $90 million", "90000000", "USD", {A}),
    ("en", "$12.5 million", "12500000", "USD", set()),
    ("en", "$ 1.5 billion", "1500000000", "USD", set()),
    ("en", "$1,250,000,000", "1250000000", "USD", set()),
    ("en", "US$ 2.4bn", "2400000000", "USD", set()),
    ("en", "$2.15 billion in cash", "2150000000", "USD", set()),
    ("en", "SEK 500 million", "500000000", "SEK", set()),
    ("en", "A$100 million", "100000000", "AUD", set()),
    ("en", "C$50 million", "50000000", "CAD", set()),
    ("en", "S$30 million", "30000000", "SGD", set()),
    ("en", "500 billion won", "500000000000", "KRW", set()),
    ("en", "NT$3 billion", "3000000000", "TWD", set()),
    ("en", "as much as US$500 million", "500000000", "USD", {U}),
    ("en", "a maximum of $300 million", "300000000", "USD", {U}),
    ("en", "more than €100 million", "100000000", "EUR", {L}),
    ("en", "at least $50 million", "50000000", "USD", {L}),
    ("en", "$75mn", "75000000", "USD", set()),
    ("en", "$1.5 bln", "1500000000", "USD", set()),
    ("en", "USD 2.5 million", "2500000", "USD", set()),
    ("en", "fifty million US dollars", "50000000", "USD", set()),
    ("en", "a $43 billion acquisition", "43000000000", "USD", set()),
    ("en", "1.2 billion euros", "1200000000", "EUR", set()),
    ("en", "10 billion yen", "10000000000", "JPY", set()),
    ("en", "an estimated $4 billion", "4000000000", "USD", {A}),
    ("en", "upwards of $1 billion", "1000000000", "USD", {L}),
    ("en", "Pfizer paid $500 million upfront, with up to $2.3 billion more", "500000000", "USD", set()),
    ("en", "$2.9M", "2900000", "USD", set()),
    ("en", "€ 15.5m", "15500000", "EUR", set()),
    ("en", "$650 million", "650000000", "USD", set()),
    ("en", "US$150m", "150000000", "USD", set()),
    # Chinese
    ("zh", "首付款为3亿元人民币", "300000000", "CNY", set()),
    ("zh", "交易总额达15亿美元", "1500000000", "USD", set()),
    ("zh", "约合人民币7.2亿元", "720000000", "CNY", {A}),
    ("zh", "3000万美金", "30000000", "USD", set()),
    ("zh", "不低于1亿元", "100000000", "CNY", {L}),
    ("zh", "逾5亿美元", "500000000", "USD", {L}),
    ("zh", "1.5億美元", "150000000", "USD", set()),
    ("zh", "首付款5000萬美元", "50000000", "USD", set()),
    ("zh", "10亿韩元", "1000000000", "KRW", set()),
    ("zh", "1200万瑞士法郎", "12000000", "CHF", set()),
    ("zh", "里程碑付款最高达8.5亿美元", "850000000", "USD", {U}),
    ("zh", "潜在总金额超过12亿美元", "1200000000", "USD", {L}),
    ("zh", "人民币1.8亿元的首付款", "180000000", "CNY", set()),
    ("zh", "近2亿元人民币", "200000000", "CNY", {A}),
]

#: amounts once read wrong; every engine fix adds its row here.
BUGS: list = [
    # Chinese 亿 / 万 as literal machine translation writes them (was read as 100 million / ten thousand)
    ("en", "not more than 12.3 100 million US dollars in milestones", "1230000000", "USD", {U}),
    ("en", "a net profit of 3,260 ten thousand yuan", "32600000", "CNY", set()),
]

#: rows the engine reads wrong today (engine bugs, reported to the lead): text -> what goes wrong
KNOWN_MISSES: dict[str, str] = {
    # text of a row → why it fails today (marks it xfail(strict=True), so a fix is noticed)
}


def _params(group: str, rows: list[tuple]) -> list:
    out = []
    for i, r in enumerate(rows):
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[r[1]])] if r[1] in KNOWN_MISSES else []
        out.append(pytest.param(*r, id=f"{group}-{i}-{r[1]}", marks=marks))
    return out


ROWS = _params("development", DEVELOPMENT) + _params("held_out", HELD_OUT) + _params("bugs", BUGS)


def _primary(text: str, lang: str):
    found = [m for m in find_money(text, lang) if not m.conversion]
    assert found, f"no money found in {text!r}"
    return found[0], found


@pytest.mark.parametrize("lang,text,amount,currency,flags", ROWS)
def test_money_find_money_rows(lang, text, amount, currency, flags):
    m, _ = _primary(text, lang)
    assert isinstance(m.amount, Decimal)
    assert (m.amount, m.currency) == (Decimal(amount), currency)
    assert {f for f in FLAGS if getattr(m, f)} == set(flags)
    assert text[m.start:m.end] == m.text
    assert not m.conversion


@pytest.mark.parametrize("lang,text,amount,currency,flags", [r for r in ROWS if len(r.values[1]) < 40][:60])
def test_money_parse_money_first_amount(lang, text, amount, currency, flags):
    m = parse_money(text, lang)
    assert m is not None
    assert (m.amount, m.currency) == (Decimal(amount), currency)


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        # (amount, currency, conversion) for each amount, in order: the primary currency wins
        ("en", "RMB315 million ($44 million)", [("315000000", "CNY", False), ("44000000", "USD", True)]),
        ("en", "a RMB315 million ($44 million) upfront payment",
         [("315000000", "CNY", False), ("44000000", "USD", True)]),
        ("en", "5.823 billion yuan (approximately $800 million)", [("5823000000", "CNY", False),
                                                                  ("800000000", "USD", True)]),
        ("en", "HK$1.2 billion (about US$154 million)", [("1200000000", "HKD", False),
                                                         ("154000000", "USD", True)]),
        ("en", "$5.2 billion (€4.8 billion)", [("5200000000", "USD", False), ("4800000000", "EUR", True)]),
        ("en", "100 billion yen ($670 million)", [("100000000000", "JPY", False), ("670000000", "USD", True)]),
        ("zh", "7000万美元(约5亿人民币)", [("70000000", "USD", False), ("500000000", "CNY", True)]),
        ("zh", "7000万美元（约5亿人民币）", [("70000000", "USD", False), ("500000000", "CNY", True)]),
        ("zh", "1.2亿美元（约合8.6亿元人民币）", [("120000000", "USD", False), ("860000000", "CNY", True)]),
        # two amounts that are not a conversion: both primary
        ("en", "$50 million upfront and up to $1.2 billion in milestones", [("50000000", "USD", False),
                                                                           ("1200000000", "USD", False)]),
        ("en", "$25 million (upfront) and $75 million (equity)", [("25000000", "USD", False),
                                                                   ("75000000", "USD", False)]),
        ("zh", "首付款2亿美元，里程碑付款最高12亿美元", [("200000000", "USD", False), ("1200000000", "USD", False)]),
    ],
)
def test_money_find_money_conversions(lang, text, expected):
    got = [(m.amount, m.currency, m.conversion) for m in find_money(text, lang)]
    assert got == [(Decimal(a), c, conv) for a, c, conv in expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("一千万", "10000000"),
        ("两千万", "20000000"),
        ("十二亿", "1200000000"),
        ("貳仟參佰參拾萬", "23300000"),
        ("一亿二千万", "120000000"),
        ("三百五十万", "3500000"),
        ("十万", "100000"),
        ("五", "5"),
    ],
)
def test_money_zh_number(text, expected):
    assert zh_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "一千万x"])
def test_money_zh_number_not_a_number(text):
    assert zh_number(text) is None


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "The trial enrolled 250 patients in 2024."),
        ("en", "Phase 3 data in 1,200 patients"),
        ("en", "in 2024 dollars"),
        ("en", "PD-1/VEGF bispecific SSGJ-707"),
        ("zh", "共入组250名患者"),
        ("zh", "一千万"),
    ],
)
def test_money_find_money_no_amount(lang, text):
    assert find_money(text, lang) == []


HEADER_TEXT = """Collaboration and license agreements
(in thousands)
Upfront payment received                 $ 50,000
Development milestones, Maximum          120,500
Of the upfront, $2.5 million was deferred to 2025.
"""


@pytest.mark.parametrize(
    "needle,amount,header_scale",
    [
        ("$ 50,000", "50000000", 1000),
        ("120,500", "120500000", 1000),
        ("$2.5 million", "2500000", 1),  # states its own scale: the header does not apply
    ],
)
def test_money_apply_headers_in_thousands(needle, amount, header_scale):
    found = {m.text.strip(): m for m in find_money(HEADER_TEXT)}
    assert needle in found, sorted(found)
    m = found[needle]
    assert m.amount == Decimal(amount)
    assert m.header_scale == header_scale
    assert HEADER_TEXT[m.start:m.end] == m.text


@pytest.mark.parametrize(
    "text,amount",
    [
        ("($ in Millions)\nUpfront payment    $ 650\nMilestones of up to $1.2 billion", ["650000000", "1200000000"]),
        ("$25 million upfront\n(in thousands)\nRevenue    $ 1,000", ["25000000", "1000000"]),
        # a flattened filing table: a payment's label, its bare amount on the next line (a count's is no amount)
        ("$ in Thousands\n|Potential sales milestone payments\n|150,000\n|Number of programs | item\n|3",
         ["150000000"]),
        ("$ in Thousands\n|Potential sales milestone payments |150,000 |Revenues |$ 2,000", ["150000000", "2000000"]),
    ],
)
def test_money_apply_headers_only_below(text, amount):
    assert [m.amount for m in find_money(text)] == [Decimal(a) for a in amount]


@pytest.mark.parametrize("text,currency", [
    ("a ¥1.3 billion (US$200 million) co-development deal", "CNY"),  # about 6.5 per dollar: yuan
    ("¥15 billion ($100 million) upfront", "JPY"),  # 150 per dollar: yen
    ("JP¥1.3 billion ($200 million)", "JPY"),  # the symbol names its currency: no guess
    ("¥1.3 billion upfront", "JPY"),  # no conversion: the language's default
])
def test_money_bare_yen_symbol_takes_the_currency_its_conversion_fits(text, currency):
    from newsextract.normalize.money import find_money
    assert find_money(text, "en")[0].currency == currency


def test_contract_payment_is_upfront():
    """Korean releases in translation: the 'contract payment' (계약금) is the upfront."""
    from newsextract import extract

    deal = extract("Hanul Bio signed an exclusive license with Sari Pharma. Hanul Bio will receive a contract payment "
                   "of approximately 26.7 billion KRW and milestone payments.").deals[0]
    assert (deal.upfront.amount, deal.upfront.currency) == (Decimal("26700000000"), "KRW")


def test_a_bracketed_conversion_with_its_currency_code():
    found = find_money("The agreement includes $1.25 billion (¥9 billion CNY) in upfront payments")
    assert [(m.amount, m.currency, m.conversion) for m in found] == [
        (Decimal("1250000000"), "USD", False), (Decimal("9000000000"), "CNY", True)]


@pytest.mark.parametrize("text,milestones", [
    # more money paid when sales reach a level is milestones; the level is no payment
    ("Fenwick Royalty agreed to pay Olsen Bio $150 million at closing for part of its royalties on Trevara. Olsen "
     "could collect a further $25 million if Trevara's 2027 net sales pass $900 million.", 25_000_000),
    ("Orvane Pharma will pay Tellis Bio $30 million upfront for TB-7, and up to $50 million more if annual sales "
     "cross agreed thresholds.", 50_000_000),
    # a part of the milestones named by sales thresholds is summed with the parts before it
    ("Meiwa Pharma will pay Laurentide Bio US$90 million upfront. Laurentide Bio is also eligible to receive up to "
     "US$215 million in development and regulatory milestone payments and up to US$400 million upon the "
     "achievement of annual net sales thresholds.", 615_000_000),
])
def test_money_tied_to_sales_levels_is_milestones(text, milestones):
    from newsextract import extract
    assert [d.milestones.amount for d in extract(text).deals] == [Decimal(milestones)]


@pytest.mark.parametrize("text,milestones,total", [
    # a part named after its amount by the development and regulatory events it is tied to, after "eligible for"
    ("Halvor Therapeutics will pay Pinsung Bio $18 million upfront. Pinsung Bio is additionally eligible for up to "
     "$215 million tied to development and regulatory events and up to $470 million in sales-based milestones.",
     685_000_000, None),
    # a list of three kinds of goals met
    ("Tamsin Bio will get €40 million upfront from Orvell Pharma and could receive as much as €610 million more if "
     "development, regulatory and commercial goals are met, bringing the potential value of the agreement to around "
     "€650 million.", 610_000_000, 650_000_000),
])
def test_milestone_parts_tied_to_events_and_goals_in_lists(text, milestones, total):
    from newsextract import extract
    deals = extract(text).deals
    assert [(d.milestones.amount, d.total_value.amount if d.total_value else None) for d in deals] == [
        (Decimal(milestones), Decimal(total) if total else None)]


def test_milestone_parts_for_meeting_and_hitting_goals_objectives_and_levels():
    from newsextract import extract
    text = ("Voss Bio will receive $175 million upfront from Kestrel Pharma. Voss Bio is also eligible for as much as "
            "$1.5 billion for meeting development goals and another $2.7 billion for hitting commercial objectives.")
    assert [d.milestones.amount for d in extract(text).deals] == [Decimal(4_200_000_000)]


@pytest.mark.parametrize("text,field,amount", [
    # money paid when the deal closes is the upfront
    ("Chiesi Farmaceutici agreed to acquire Aurevia Bio. Chiesi Farmaceutici will hand over €320 million in cash when "
     "the transaction closes.", "upfront", 320_000_000),
    # a milestone the licensor received is history: the ceiling is the milestones still on the table
    ("Tellberg Pharma had licensed SG-7 from Sinova Bio for $45 million upfront, with as much as $1.03 billion more in "
     "development and sales milestones. Sinova Bio keeps a $10 million milestone it received last year.",
     "milestones", 1_030_000_000),
    # a kind of milestones "in aggregate" is that kind's part, summed with the others
    ("The Company will pay Daewon Pharm development and regulatory milestones of up to JPY 3,500 million and sales "
     "milestones of up to JPY 5,000 million in aggregate.", "milestones", 8_500_000_000),
])
def test_closing_received_and_aggregate_parts(text, field, amount):
    from newsextract import extract
    deals = [d for d in extract(text).deals if getattr(d, field)]
    assert [getattr(d, field).amount for d in deals] == [Decimal(amount)]


def test_a_filing_note_and_its_details_table_give_the_milestone_parts_once():
    from newsextract import extract
    text = ("(in thousands)\n\nUnder the Junrui Agreement, Pelorus Therapeutics, Inc. paid Junrui Biotech a "
            "non-refundable upfront payment of $15,000 and is obligated to pay up to $242,500 upon the achievement of "
            "specified development and regulatory milestones and up to $610,000 upon the achievement of specified net "
            "sales milestones.\n\nJunrui Agreement (Details)\nLine Items                                  Maximum\n"
            "Development and regulatory milestone payments               $ 242,500\n"
            "Sales milestone payments                                    $ 610,000\n")
    assert [d.milestones.amount for d in extract(text).deals if d.milestones] == [Decimal(852_500_000)]


def test_a_total_contract_scale_is_the_total():
    from newsextract import extract
    text = ("Dongsan Bio signed a technology export contract with Pfizer. According to the disclosure, the total "
            "contract scale is 1.2 trillion won, and Dongsan Bio receives a down payment of 50 billion won.")
    assert [(d.total_value.amount, d.upfront.amount) for d in extract(text).deals] == [
        (Decimal(1_200_000_000_000), Decimal(50_000_000_000))]


def test_a_milestone_the_company_received_is_history():
    from newsextract import extract
    text = ("Collaboration revenue rose to €58.1 million, helped by a €10 million milestone payment the Heidelberg "
            "company received from its long-standing partner Lundholm Pharma, Rheinmark Bio said.")
    assert [d.milestones for d in extract(text).deals if d.milestones] == []
