"""The segment frames (pipeline/segment_frames.py): each family with phrasings that name a part, and phrasings
that must not."""
import pytest

from pipeline.resources import load_resources
from pipeline.segment_frames import frame_segment, restated_part
from pipeline.segments import entity_words_of, segment_words

RES = load_resources()
WORDS = segment_words(RES)


def segment(sentence: str, figure: str, kind: str, entity: str = "", company: bool = True, owner: str = "") -> str:
    at = sentence.index(figure)
    return frame_segment(sentence, at, at + len(figure), kind, RES, WORDS, entity_words_of(entity),
                         owner or ("company" if company else "index"))


@pytest.mark.parametrize("sentence, figure, kind, entity, expected", [
    # what an amount is of: a held instrument or a commodity
    ("Foreign investors bought a net 4.2 billion dlrs of Japanese bonds in March.", "4.2 billion dlrs", "money",
     "Japan", "Japanese bonds"),
    ("The central bank sold 3.1 billion francs of tap stock at its tender.", "3.1 billion francs", "money",
     "Bank of France", "tap stock"),
    ("The lenders are stuck with $2.3 billion of unsold leveraged buyout debt.", "$2.3 billion", "money",
     "Goldman Sachs", "unsold leveraged buyout debt"),
    ("The company is issuing 250 mln dlrs of convertible debt due March 1, 2012, with a coupon of six pct.",
     "250 mln dlrs", "money", "Acme", "convertible debt due March 1, 2012"),
    ("The mine is expected to produce 120,000 tonnes of copper next year.", "120,000 tonnes", "quantity",
     "Antofagasta", "copper"),
    ("Japan agreed to buy 40,000 tonnes of Australian wheat for May shipment.", "40,000 tonnes", "quantity",
     "Japan", "Australian wheat"),
    # an instrument named before the words that give its terms
    ("Sweden is issuing a 300 mln dlr eurobond due May 2, 1994 paying 7-1/2 pct and priced at 101.", "7-1/2 pct",
     "percent", "Sweden", "300 mln dlr eurobond due May 2, 1994"),
    ("The company will issue new warrants to buy 5 million shares, exercisable at $1.25 per share.", "$1.25",
     "money", "Acme", "warrants"),
    ("The 9-1/2 pct subordinated debentures carry interest of 9.5 pct until 1995.", "9.5 pct", "percent", "Acme",
     "9-1/2 pct subordinated debentures"),
    # a part phrase in the figure's clause
    ("Note: year figures exclude income from discontinued operations of 1.2 mln dlrs.", "1.2 mln dlrs", "money",
     "Acme", "discontinued operations"),
    ("The core CPI rose 0.3% in May, compared with 0.4% a month earlier.", "0.4%", "percent", "United States",
     "core CPI"),
    ("Core PCE inflation is seen easing to 2.6% in March.", "2.6%", "percent", "United States", "Core PCE"),
    ("Fed funds were trading at 5-3/8 pct when the Fed added reserves.", "5-3/8 pct", "percent", "Federal Reserve",
     "Fed funds"),
    ("The PBOC offered funds via reverse repos at rates as low as 1.7 percent.", "1.7 percent", "percent",
     "People's Bank of China", "reverse repos"),
    # an amount standing as an adjective before the thing it prices
    ("Microsoft plans to build a $3 billion new campus in Redmond.", "$3 billion", "money", "Microsoft",
     "new campus"),
    ("Verizon said it would cut the price of its $80 unlimited plan.", "$80", "money", "Verizon", "unlimited plan"),
    ("He rented a $25,000-a-month apartment in Manhattan.", "$25,000", "money", "Smith", "apartment"),
    # a breakdown's line with its earlier value in brackets
    ("Prices rose for clothing and footwear (4.1% vs. 3.2%) and for housing (2.2% vs 2.0%).", "4.1%", "percent",
     "Chile", "clothing and footwear"),
    ("The fall was led by civil engineering (-3.5% vs 1.2% in May).", "-3.5%", "percent", "Britain",
     "civil engineering"),
    ("Output growth slowed in manufacturing (0.8% vs. 1.9%).", "1.9%", "percent", "Poland", "manufacturing"),
    # the line before a manner phrase
    ("Orders moderated, with private housing orders declining at a much slower pace (-4.4% vs. -35.4%), while "
     "public housing fell.", "-35.4%", "percent", "Britain", "private housing orders"),
    # a futures contract's month
    ("Brent for June settlement fell 42 cents, or 0.6%, to $71.30 a barrel.", "0.6%", "percent", "Brent crude",
     "June settlement"),
    ("West Texas Intermediate for April delivery added 1.2 percent.", "1.2 percent", "percent", "WTI crude",
     "April delivery"),
    ("Arabica for July delivery was up 2.1 cents at 118.40 cents a lb.", "2.1 cents", "money", "coffee",
     "July delivery"),
    # a market's futures as the subject
    ("U.S. stock futures fell 0.2% in Asian trade.", "0.2%", "percent", "United States", "futures"),
    ("Equity futures were up 0.4% before the open.", "0.4%", "percent", "United States", "futures"),
    ("European stock-index futures rose 0.3%.", "0.3%", "percent", "Europe", "futures"),
    # the goods a tariff rate is on, named before the word
    ("Canada Slaps 25% Steel and Aluminum Tariffs on U.S. Goods", "25%", "percent", "Canada", "Steel and Aluminum"),
    ("The order raises copper tariffs from 10 percent to 50 percent.", "50 percent", "percent", "United States",
     "copper"),
    ("Washington imposed new lumber duties of 14%.", "14%", "percent", "United States", ""),
    # a product's price
    ("The Garmin Venu 3 is on sale for $399 this week.", "$399", "money", "Garmin", "Venu 3"),
    ("A fully loaded Surface Laptop will cost you $2,199.", "$2,199", "money", "Microsoft", "Surface Laptop"),
    ("The Pixel 8 Pro starts at $999 in the U.S.", "$999", "money", "Google", "Pixel 8 Pro"),
    ("The company said the Nissan van will be priced at 14,349 dlrs.", "14,349 dlrs", "money", "Nissan", "van"),
    # a measure noun that names its part with its modifiers
    ("Gas consumption is expected to rise 12% this winter.", "12%", "percent", "Germany", "Gas consumption"),
    ("Total App Store subscriptions will top 600 million next year.", "600 million", "count", "Apple",
     "App Store subscriptions"),
    ("Net direct tax collection grew 12.3% to Rs 14.6 trn.", "12.3%", "percent", "India", "direct tax collection"),
    # an instrument an amount or a count is the size of, named right after it
    ("It will receive an 800 mln bond issue with share warrants planned for April.", "800 mln", "count", "Bull",
     "bond issue"),
    ("SportsHero announced an issue of 18 million performance rights set to expire in 2027.", "18 million", "count",
     "SportsHero", "performance rights"),
    ("Italy is auctioning 4.75 billion-5.75 billion euros in 2027-dated bonds on Thursday.", "5.75 billion euros",
     "money", "Italy", "2027-dated bonds"),
    ("Italy is auctioning 5.75 billion euros in 2027- and 2031-dated bonds on Thursday.", "5.75 billion euros",
     "money", "Italy", "2027- and 2031-dated bonds"),
    # a change in a part named by its modifiers and a part noun
    ("Building materials were led by a 3.3 pct increase in non-metallic mineral industries.", "3.3 pct", "percent",
     "Canada", "non-metallic mineral industries"),
    ("Output grew on a 4% gain in the manufacturing sector last month.", "4%", "percent", "Canada",
     "manufacturing sector"),
    # a futures month as the clause's subject in a market report
    ("July was up 2.25 cents at 106.25 cents.", "2.25 cents", "money", "coffee", "July"),
    ("July was up 2.25 cents at 106.25 cents.", "106.25 cents", "money", "coffee", "July"),
    ("Trading was thin, and March closed 3 dlrs lower at 1,560 stg.", "1,560 stg", "money", "cocoa", "March"),
])
def test_names_the_part(sentence, figure, kind, entity, expected):
    assert segment(sentence, figure, kind, entity) == expected


@pytest.mark.parametrize("sentence, figure, kind, entity", [
    # a percent of something is a share of a whole, not a part
    ("The startup laid off 30% of its staff.", "30%", "percent", "Acme"),
    # an amount of something that is no held instrument or commodity
    ("Xerox sees room for about $2 billion of annual cost savings.", "$2 billion", "money", "Xerox"),
    ("Johnson contributed $100 million of his own money.", "$100 million", "money", "Johnson"),
    # the whole's own stock, a commodity that is the entity
    ("Investors hold $5 billion of Apple stock.", "$5 billion", "money", "Apple"),
    ("Chile produced 5.3 million tonnes of copper.", "5.3 million tonnes", "quantity", "copper"),
    # an event or a measure after the amount
    ("The index rebounded after a $1,000 pullback from its high.", "$1,000", "money", "Bitcoin"),
    ("The budget gap narrowed after a $21.9 billion shortfall in January.", "$21.9 billion", "money", "United States"),
    ("Growth was higher than the $3.8 billion generated by the top apps.", "$3.8 billion", "money", "Sensor Tower"),
    ("The company agreed to a $40 million settlement with regulators.", "$40 million", "money", "Acme"),
    # a bracket that restates a currency, not a line against an earlier value
    ("Net profit rose to 601 million euros ($624 million) in the quarter.", "$624 million", "money", "DSM"),
    # futures named but not the figure's subject
    ("Apple rose 2%, as stock futures gained.", "2%", "percent", "Apple"),
    # a market's word, a note to a table
    ("Interest will be based on 90 pct of average bond market yields with a guaranteed minimum of 5.5 pct.",
     "5.5 pct", "percent", "CENCEP"),
    ("NOTE: company pays dividend of 12 cts three times a year.", "12 cts", "money", "Adams Express"),
    # the whole set against the part
    ("Core CPI rose 0.2%, while headline inflation rose 0.5%.", "0.5%", "percent", "United States"),
    # a month that is no contract's
    ("Exports for March rose 4%.", "4%", "percent", "Japan"),
    ("Brent for March settlement rose 1%. Prices fell 2% in February.", "2%", "percent", "Brent crude"),
    # a change in the whole's own business
    ("It posted a 5% rise in its core business.", "5%", "percent", "Acme"),
    ("It posted a 5% rise in Acme operations.", "5%", "percent", "Acme"),
    # a share before a noun, the plain stock, a program
    ("Proceeds would be about 80 pct cash and 20 pct note.", "20 pct", "percent", "Core-Mark"),
    ("The company bought back 18 million shares.", "18 million", "count", "Acme"),
    ("It approved a $5 billion share repurchase program.", "$5 billion", "money", "Acme"),
    # a month's statistic, a month not the subject
    ("January was up 3.1 pct from a year earlier.", "3.1 pct", "percent", "Japan"),
    ("In July prices were 2 cents higher at 98 cents.", "98 cents", "money", "coffee"),
    ("The jobless rate in February and January was $6.7.", "$6.7", "money", "United States"),
    # a price verb after a pronoun or the whole's word
    ("It is now on sale for $49.", "$49", "money", "Amazon"),
    ("When they go on sale this fall, they'll cost $399.", "$399", "money", "Sony"),
    ("Costco Wholesale             COST      1067.00", "1067.00", "money", "Costco"),
    # a part phrase that the whole includes, another noun's figure
    ("Net loss including discontinued operations was $74.9 million.", "$74.9 million", "money", "WildBrain"),
    ("SoftBank finalizes a $40 billion primary investment in OpenAI at a $260 billion valuation.", "$260 billion",
     "money", "SoftBank"),
    ("The company is an attractive investment with its 0.5x P/S ratio.", "0.5x", "multiple", "BuildDirect"),
    ("The stock is now priced at $42.30.", "$42.30", "money", "BAT"),
    # a buying verb with "for" is a deal, not a product's price
    ("Hyatt agreed to acquire Playa for $2.6 billion.", "$2.6 billion", "money", "Hyatt"),
    # a measure noun with only the whole's or a time's words
    ("Total exports rose 5% in March.", "5%", "percent", "Japan"),
    ("Its scheduled March traffic increased 14.6 pct.", "14.6 pct", "percent", "Pan Am"),
])
def test_names_no_part(sentence, figure, kind, entity):
    assert segment(sentence, figure, kind, entity) == ""


@pytest.mark.parametrize("text, first, part, second, expected", [
    # an earlier or restated value of the figure before takes its part
    ("Benchmade knife: $80, down from $110.", "$80", "knife", "$110", "knife"),
    ("Exploration spending will rise this year to 25 mln dlrs from 16.3 mln dlrs last year.", "25 mln dlrs",
     "exploration spending", "16.3 mln dlrs", "exploration spending"),
    ("Fees fell to 17.3% in 2024 from 17.7% the prior year.", "17.3%", "fees", "17.7%", "fees"),
    ("Repair and maintenance (-1.8% vs 0.2%).", "-1.8%", "repair and maintenance", "0.2%", "repair and maintenance"),
    ("The fields will cost 96 mln dlrs (60 mln British pounds).", "96 mln dlrs", "North Sea", "60 mln British pounds",
     "North Sea"),
    # a list's next item is another part's
    ("The phones cost $699, $999 and $1,099, respectively.", "$699", "iPhone 11", "$999", ""),
    ("Repair fell 1.8% while new work rose 1.1%.", "1.8%", "repair", "1.1%", ""),
    ("Gross fees are 2-1/2 pct, with one pct for management.", "2-1/2 pct", "fees", "one pct", ""),
])
def test_restated_part(text, first, part, second, expected):
    end = text.index(first) + len(first)
    assert restated_part(text, (end, part), text.index(second, end)) == expected


@pytest.mark.parametrize("sentence, figure, company, expected", [
    # a company's region heading the clause, or a list's item before "for"
    ("* Europe was up 120 bps at 7.4% of sales, helped by pricing", "7.4%", True, "Europe"),
    ("In North America, revenue rose 4%, as volumes grew 2.5%.", "2.5%", True, "North America"),
    ("EMEA accounted for 31 percent of sales, Asia-Pacific for 12 percent.", "12 percent", True, "Asia-Pacific"),
    ("Latin America grew 9% in the quarter.", "9%", True, "Latin America"),
    # the region or country a share of the company's measure comes from
    ("He noted that approximately 70%-75% of revenue comes from APAC, but this quarter saw more from the U.S.",
     "-75%", True, "APAC"),
    ("About 40% of its sales are in China, the company said.", "40%", True, "China"),
    ("It gets 20% of revenue from Europe.", "20%", True, "Europe"),
    ("About 40% of its sales are in January.", "40%", True, ""),
    ("About 40% of sales come from China, the index provider said.", "40%", False, ""),
    # a market's region, a region in an earlier sentence, a region in a clause's middle
    ("In Europe, the STOXX 600 rose 0.4%.", "0.4%", False, ""),
    ("In Europe, at midday, London was flat. Frankfurt rose 0.1%.", "0.1%", True, ""),
    ("It serves 2,100 customers in Europe with revenue of NOK 1.1 billion.", "NOK 1.1 billion", True, ""),
])
def test_company_region(sentence, figure, company, expected):
    assert segment(sentence, figure, "percent", "Acme", company) == expected


@pytest.mark.parametrize("sentence, figure, entity, owner, expected", [
    # a name no list knows, read as the owner of a price, is the product itself
    ("A fully loaded MacBook Air will cost you $1,599.", "$1,599", "MacBook Air", "name", "MacBook Air"),
    ("Canon PowerShot G7 X for $599 ($100 off)", "$599", "Canon PowerShot G7 X", "name", "Canon PowerShot G7 X"),
    ("The Kindle Scribe starts at $339.", "$339", "Kindle Scribe", "name", "Kindle Scribe"),
    # a known company is no product of its own
    ("Netflix costs $15.49 a month.", "$15.49", "Netflix", "company", ""),
])
def test_product_named_as_owner(sentence, figure, entity, owner, expected):
    assert segment(sentence, figure, "money", entity, owner=owner) == expected


@pytest.mark.parametrize("sentence, figure, entity, expected", [
    # the owner's part as the sentence's subject: named by its modifiers, or by the name after its noun
    ("Coway's overseas subsidiaries reported an annual revenue of KRW 1,545.2 billion in 2024.", "KRW 1,545.2 billion",
     "Coway", "overseas subsidiaries"),
    ("ThaiBev’s Others business also dropped 6.6% YoY to $53473.", "6.6%", "ThaiBev", "Others business"),
    ("The company's star label Gucci posted quarterly sales of 1.92 billion euros.", "1.92 billion euros", "Kering",
     "Gucci"),
    ("* Acme's European operations posted a loss of $12 million.", "$12 million", "Acme", "European operations"),
    # the whole's words, or a verb that is no report: no part
    ("Acme's core business grew 5% in the quarter.", "5%", "Acme", ""),
    ("The company's board approved a dividend of 20 cents.", "20 cents", "Acme", ""),
    ("Kering's Gucci brand. Sales fell 24% to 1.9 billion euros.", "24%", "Kering", ""),
])
def test_owned_part(sentence, figure, entity, expected):
    assert segment(sentence, figure, "money", entity) == expected


@pytest.mark.parametrize("sentence, figure, entity, expected", [
    # a launch verb and its object, then "for" and the price
    ("Last year, the company launched its Roku TV Wireless Speakers for $199.", "$199", "Acme",
     "Roku TV Wireless Speakers"),
    ("The company has introduced a Wacom One display that lets you draw on a screen for $400.", "$400", "Acme",
     "Wacom One display"),
    ("Sony unveiled the PlayStation 5 Digital Edition for $399.", "$399", "Sony", "PlayStation 5 Digital Edition"),
    # an availability phrase with its date between
    ("The new Fire TV Cube, available June 21 for $119, is designed to serve as a high-end Fire TV.", "$119", "Amazon",
     "Fire TV Cube"),
    ("Available this spring for $79, the Smart Clock includes a 4-inch display.", "$79", "Lenovo", "Smart Clock"),
    # a stake or a company bought or sold is no launched product; a sentence before is not the subject
    ("Acme sold its chemicals unit for $1 billion.", "$1 billion", "Acme", ""),
    ("Musk is offering to acquire the ChatGPT maker for $97.4 billion.", "$97.4 billion", "OpenAI", ""),
    ("The phone has a new chip. Available now for $699, it ships Friday.", "$699", "Acme", ""),
])
def test_launched_item(sentence, figure, entity, expected):
    assert segment(sentence, figure, "money", entity) == expected


def test_launched_item_named_by_a_participle():
    assert segment("Simply called the iPad Mini and available now for $399, the slate has a new chip.", "$399", "money",
                   "Apple") == "iPad Mini"
