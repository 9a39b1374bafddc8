"""Modality (pipeline/modality.py, models/lexicons/modality.yaml): one table a rule family, each with its negatives.

Sentences are invented in the style of the news dumps; the published day is fixed.
"""
from __future__ import annotations

import pytest

from pipeline import extract

PUBLISHED = "2025-06-02"


def modality_of(text: str, figure: str, published: str = PUBLISHED) -> str:
    claims, _ = extract([text], published=published)
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"no claim for {figure!r} in {list(claims['figure'])}"
    return rows.iloc[0]["modality"]


CASES = {
    # a chart reader's level named by its role after the figure, in a hedged sentence: an estimate; a level the price
    # failed at, said flat, stays what happened
    "chart_role_levels": [
        ("A clear move above the $2,910 resistance might send the price toward the $2,950 resistance.", "$2,910",
         "estimate"),
        ("A clear move below the $2,525 support might push the price toward the $2,440 support.", "$2,440",
         "estimate"),
        ("ETH might gain bullish momentum if it clears the $2,740 resistance zone.", "$2,740", "estimate"),
        ("Ethereum price started a fresh decline after it failed to clear the $2,920 resistance.", "$2,920",
         "actual"),
    ],
    # a wire brief's abbreviated price target
    "price_target_abbreviated": [
        ("** Analysts' average rating on HALC at \"buy\"; median PT is 743 rupees - LSEG data", "743 rupees", "estimate"),
        ("** Their median PT is 737.5 rupees - LSEG", "737.5 rupees", "estimate"),
        ("** Hooli shares rose 2.3% to 743 rupees", "743 rupees", "actual"),
    ],
    # a market's or an industry's growth as predicted is others' guess, not the company's plan
    "market_predicted": [
        ("With the industry only predicted to deliver 14% each year, the company is positioned for a stronger result.",
         "14%", "estimate"),
        ("With the market only predicted to deliver 37%, the company is positioned for a stronger earnings result.",
         "37%", "estimate"),
        ("Hooli predicted its revenue would grow 14% next year.", "14%", "forecast"),
    ],
    # brokers and rating agencies speak for others, as analysts do
    "broker_speakers": [
        ("Most brokers said Tokyo stocks should rise 10 to 15 pct in the coming fiscal year.", "10 to 15 pct",
         "estimate"),
        ("Rating agency Crisil said ARCs are likely to see recovery rates improve to 75-80 per cent in FY26.",
         "75-80 per cent", "estimate"),
        ("Hooli said its sales should rise 10 pct in the coming fiscal year.", "10 pct", "forecast"),
        ("The brokerage firm believes Hooli may not be able to meet the capex guidance of Rs 50,000 crore by FY27.",
         "Rs 50,000 crore", "forecast"),
    ],
    # a forecast noun is the subject of the past verb before the figure: still the forecast
    "forecast_subject": [
        ("Hooli's full-year guidance was pegged at $5.1 billion.", "$5.1 billion", "forecast"),
        ("The company's outlook has been set at about $2.3 billion.", "$2.3 billion", "forecast"),
        ("The outlook was cut after revenue fell to $2.3 billion.", "$2.3 billion", "actual"),
        ("The highly-anticipated 777-unit development was 86% sold at launch.", "86%", "actual"),
    ],
    # a present perfect between a forecast word and the figure makes the figure what happened
    "present_perfect": [
        ("Investors appear hesitant that the trends will pick up because the stock has fallen 59% in the last three years.",
         "59%", "actual"),
        ("Hooli expects that revenue will have risen 5% by 2026.", "5%", "forecast"),
    ],
    # the expectation's figure inside the versus phrase: the figure before it is the entity's own
    "versus_phrase_with_figure": [
        ("Adjusted earnings are forecast to be between $0.90 and $0.92 per share, above the $0.90 per share estimate.",
         "$0.90 and $0.92", "forecast"),
        ("Adjusted earnings are forecast to be $0.92 per share, above the $0.90 per share estimate.", "$0.90",
         "estimate"),
    ],
    # a headline line's figure after "vs." that a consensus word follows is the estimate, not the year before
    "versus_estimate_line": [
        ("Hooli Q4 revenue of $1.2B vs. $1.1B estimate", "$1.1B", "estimate"),
        ("Hooli Q4 revenue of $1.2B vs. $1.1B", "$1.1B", "historical"),
    ],
    # a result set against the expectation it missed or beat, the verb in any form: the phrase's words are no cue
    # for the figure before it, and the figure after it is the expectation
    "versus_expectations": [
        ("Globex reported sales fell 1.7% to $640 million in Q4 to miss the consensus expectation by $5.1 million.",
         "$640 million", "actual"),
        ("Hooli's revenue of $2.1 billion was enough to surpass analysts' estimates.", "$2.1 billion", "actual"),
        ("Initech needs $3 billion in sales to top the consensus forecast.", "$3 billion", "actual"),
        ("Initech's sales were expected to miss the consensus of $2.0 billion.", "$2.0 billion", "estimate"),
    ],
    # ... unless the words after the phrase bring in the entity's own result: then the figure is what happened
    "versus_then_result": [
        ("Globex missed analysts' expectations with revenue of $2.1 billion.", "$2.1 billion", "actual"),
        ("Hooli exceeded estimates with quarterly revenue of $5.2 billion.", "$5.2 billion", "actual"),
        ("Revenue came in below expectations at $3.4 billion.", "$3.4 billion", "actual"),
        ("Initech fell short of analyst expectations in earnings per share with an adjusted EPS of $1.43.", "$1.43",
         "actual"),
        ("Hooli topped forecasts, posting a profit of $40 million.", "$40 million", "actual"),
        ("Hooli's revenue missed estimates of $5.0 billion.", "$5.0 billion", "estimate"),
        ("Revenue of $741 million fell short of forecasts for $759.6 million.", "$759.6 million", "estimate"),
    ],
    # a forecast others make is their estimate, and so is the change an estimate gives in brackets
    "others_forecast": [
        ("Globex's revenue came in above the $342.8 million forecast by FactSet.", "$342.8 million", "estimate"),
        ("Hooli's sales rose 4%, less than the 5% growth predicted by economists.", "5%", "estimate"),
        ("Initech's revenue was $900 million, according to LSEG data.", "$900 million", "actual"),
        ("The consensus Revenue Estimate is $10.7B (-0.9% Y/Y).", "-0.9%", "estimate"),
        ("Hooli expects revenue of $10.7B (+5% Y/Y) in 2026.", "+5%", "forecast"),
        ("Hooli posted revenue of $10.7B (+5% Y/Y).", "+5%", "actual"),
    ],
    # a sentence's lead clause frames the others with its forecast verbs, not with a modal verb of its own
    "lead_frame": [
        ("The company forecasts EPS growth of 4% to 7%, or 8% to 11% excluding currency.", "8% to 11%", "forecast"),
        ("Hooli expects adjusted EBITDA of $263 million to $278 million, reflecting growth of 4.6%.", "4.6%",
         "forecast"),
        ("* Expects membership to decline by about 550,000, or about 10%, from 2024.", "10%", "forecast"),
        ("At its peak, Hooli commanded a multiple of 29x forward earnings.", "29x", "historical"),
        ("This will also be the first report since Hooli (HOOL) won the $10 billion cloud contract.", "$10 billion",
         "actual"),
        ("Hooli said it will move its headquarters, and has signed a deal to sell its old site for $50 million.",
         "$50 million", "actual"),
        ("The bank may also sell part of its holdings, which are worth about 473 mln rupees, or about 70 pct of the "
         "market.", "70 pct", "actual"),
    ],
    # a forecast verb governs the figures of its clause, a past marker only the figure next to it
    "frame_over_figures": [
        ("For Q1, Hooli expects EPS of $0.41 to $0.43 on revenue of $737 million to $741 million.",
         "$737 million to $741 million", "forecast"),
        ("Hooli plans to complete a C$300 million financing at C$7 a share.", "C$7", "forecast"),
        ("The agency expects prices to fall 1.5 pct at a growth rate of two pct.", "two pct", "forecast"),
        ("Hooli's shares fell from a high of $77 to $24 this year.", "$24", "actual"),
        ("Hooli may sell 2 mln shares at $15 each.", "$15", "actual"),
    ],
    # the terms of a deal, a security or a product are set now; a verb in the past takes the figure from a forecast
    # word before it; a result set against a plan is no forecast, the plan is
    "terms_past_plans": [
        ("The partnership said it will pay a regular quarterly distribution of 60 cts a unit on April 15.", "60 cts",
         "actual"),
        ("Shareholders would receive 29 dlrs a share in cash.", "29 dlrs", "actual"),
        ("A similarly outfitted laptop will cost you $1,299.", "$1,299", "actual"),
        ("Hooli will pay $2 billion to settle the claims next year.", "$2 billion", "forecast"),
        ("Complaints are set to drop after the number of cars in Norway surged by more than 25% this year.", "25%",
         "actual"),
        ("Hooli expects revenue to rise 5% this year.", "5%", "forecast"),
        ("Indonesian output rose to 836 million tonnes in 2024, 18% above its target.", "18%", "actual"),
        ("The Ebitda margin of 4.2% was well above the company's full-year guidance for 1%-3%.", "1%-3%",
         "forecast"),
        ("Acme Securities raised its price target on Hooli, whose shares rose 1.5% to $40.", "1.5%", "actual"),
    ],
    # a goal, objective or intention names what is planned
    "goals": [
        ("Progress in returning inflation to its 2% objective is still being made.", "2%", "forecast"),
        ("The president announced intentions to levy 25% tariffs on imports of steel.", "25%", "forecast"),
        ("Hooli set a goal of 300 million users by 2027.", "300 million", "forecast"),
        ("Hooli now has 300 million users.", "300 million", "actual"),
    ],
    # the month May is no modal verb; a result set against what was expected is no forecast
    "not_cue": [
        ("On May 11, Hooli agreed to buy Pied Piper in a stock deal valued at $528 million.", "$528 million", "actual"),
        ("Hooli said on May 2 that it sold 1.1 billion euros of new bonds.", "1.1 billion euros", "actual"),
        ("Hooli said its previous projections of 100,000 tons of sales in 2026 are now on a 12 month lag.",
         "100,000 tons", "forecast"),
        ("Hooli's previous quarterly dividend was $0.10.", "$0.10", "historical"),
        ("Hooli said it will issue new warrants, which will be immediately exercisable at $0.75 per share.", "$0.75",
         "actual"),
        ("Coffee for delivery in May ended down 0.76 cent at 99.28 cents a pound.", "0.76 cent", "actual"),
        ("Besides better-than-expected apparel sales, margins improved as 80% of orders were picked up in store.",
         "80%", "actual"),
        ("Revenue rose 12% to $4.1 billion, as expected.", "$4.1 billion", "actual"),
        ("Hooli may raise its dividend to $1.20 a share.", "$1.20", "forecast"),
    ],
    # an analyst, economist or strategist the sentence quotes makes its forecast words an estimate
    "estimate_speaker": [
        ("Hooli could report subscriber additions of 5.8 million in the second quarter, Acme Securities analyst "
         "Jane Roe predicts.", "5.8 million", "estimate"),
        ("Hooli's dividend yield is forecast to exceed 5% from 2026, Acme Securities analyst Jane Roe says in a note.",
         "5%", "estimate"),
        ("Hooli will have 77.5 million monthly users in 2026, according to industry analyst eCounter.",
         "77.5 million", "estimate"),
        ("Analysts are expecting a forward P/E of 9.4x for Hooli.", "9.4x", "estimate"),
        ("Hooli's margin income is likely to fall from 80% of earnings, Acme Securities analyst Jane Roe says.", "80%",
         "estimate"),
        ("Hooli's margin is likely to reach 12% next year.", "12%", "forecast"),
        ("Hooli said it was unlikely to raise its stake above 15%.", "15%", "actual"),
        ("Hooli expects revenue of $5 billion in 2026, above the $4.8 billion analysts expect.", "$5 billion",
         "forecast"),
        ("Hooli expects revenue of $5 billion in 2026.", "$5 billion", "forecast"),
        ("Chief executive Jane Roe said Hooli expects revenue of $5 billion in 2026.", "$5 billion", "forecast"),
        ("\"The Fed can declare that progress in returning inflation to its 2% objective is being made,\" Acme "
         "economist Jane Roe wrote.", "2%", "forecast"),
        # a forecaster other than the entity as the forecast verb's subject
        ("Investors see a 62% chance that the central bank will cut its benchmark rate by a further 25 basis points in "
         "March.", "25 basis points", "estimate"),
        ("Economists forecast the economy to grow 2.1% in 2026.", "2.1%", "estimate"),
        ("The bank expects its net interest income to rise to $90 billion in 2026.", "$90 billion", "forecast"),
        ("The bank expects net interest income of $90 billion in 2026, chief executive Jane Roe said.", "$90 billion",
         "forecast"),
    ],
    # a forecast attributed after the figure, across a comma, to analysts surveyed or an analyst's prediction
    "estimate_attributed": [
        ("Crude inventories dropped by 878,000 barrels last week, according to analysts surveyed by Acme News.",
         "878,000 barrels", "estimate"),
        ("Hooli added 8.4 million subscribers in Q1, with another 5.8 million joining in Q2, Acme Securities analyst "
         "Jane Roe predicts.", "5.8 million", "estimate"),
        ("Crude inventories dropped by 878,000 barrels last week, the Energy Information Administration said.",
         "878,000 barrels", "actual"),
        ("Hooli's revenue rose 12% to $4.1 billion, Acme Securities analyst Jane Roe said.", "$4.1 billion", "actual"),
        ("Crude inventories dropped by 878,000 barrels last week, beating the forecast of analysts polled by Acme.",
         "878,000 barrels", "actual"),
        # an average of analysts' estimates after a preview's figure, past the year-ago figure set against it
        ("Hooli is likely to report Q4 revenue jumped to $1.87 billion from $822.4 million a year ago, according to "
         "average analyst estimate on LSEG.", "$1.87 billion", "estimate"),
        ("Hooli's revenue rose to $1.9 billion, above $1.87 billion, according to the average analyst estimate.",
         "$1.9 billion", "actual"),
    ],
    # a percentage that is the probability of an event is others' guess
    "odds": [
        ("* RBA: 76 bps (79% probability of a rate cut at the upcoming meeting)", "79%", "estimate"),
        ("In October, he ascribed 80% odds to a recession within the coming year.", "80%", "estimate"),
        ("Odds of a litecoin exchange-traded fund going live in the coming months are as high as 90%.", "90%",
         "estimate"),
        ("Traders now see a 40% chance of a cut in March.", "40%", "estimate"),
        ("Hooli shares rose 9% after the odds of a deal improved.", "9%", "actual"),
        ("The chance of rain fell as Hooli's shares rose 9%.", "9%", "actual"),
    ],
    # a price target, an abbreviated estimate and a chart reader's levels are others' guesses
    "estimate_words": [
        ("On Friday, Acme Securities upgraded Hooli to Outperform with a $90 price target.", "$90", "estimate"),
        ("Acme Securities set a target price of $204 on Hooli.", "$204", "estimate"),
        ("** Hooli expects annual revenue of $9.2 billion to $9.4 billion, vs est. of $9.57 billion", "$9.57 billion",
         "estimate"),
        ("Hooli shares have support at Rs 334 and resistance near Rs 393.", "Rs 334", "estimate"),
        ("We recommend buying the stock with a stop-loss of Rs 770.", "Rs 770", "estimate"),
        ("Hooli will support its suppliers with $20 million this year.", "$20 million", "forecast"),
        # a product's price plan is no plan of the future
        ("Initech offers 20 clips for $9.99, compared to OpenAI's $20/month plan for 50 clips.", "$20", "actual"),
        ("Hooli plans to issue 32 mln common shares.", "32 mln", "forecast"),
        # "estimated at" alone is the entity's own measure; analysts or an estimate noun make an estimate
        ("Reserves to a depth of 1,200 feet are estimated at over one mln tons, Initech said.", "one mln tons",
         "actual"),
        ("Non-registered debt was estimated at 9.03 billion dlrs.", "9.03 billion dlrs", "actual"),
        ("Analysts estimated at $1.20 a share Hooli's quarterly profit.", "$1.20", "estimate"),
        ("Profit was 87 cents a share, compared with estimates of 84 cents.", "84 cents", "estimate"),
        ("The surplus will narrow from an estimated 98 billion dlrs this year.", "98 billion dlrs", "estimate"),
        ("Expectations are for a 0.3% increase in producer prices.", "0.3%", "estimate"),
        ("Median inflation expectations were unchanged at 3.0% at the three-year horizon.", "3.0%", "estimate"),
        ("Hooli's revenue of $2.1 billion beat expectations.", "$2.1 billion", "actual"),
        # a person's wealth "estimated at" is others' reckoning; an expectation dated in the past is a reading of others'
        ("He continues to diversify his wealth estimated at $7.9 billion.", "$7.9 billion", "estimate"),
        ("Index profit growth is tracking close to 15%, well above the 10% expected on January 1.", "10%", "estimate"),
        ("That 14.8% growth also is up sharply from 9.6% estimated on Jan. 1.", "9.6%", "estimate"),
        ("The mine's reserves are estimated at 3 mln tons.", "3 mln tons", "actual"),
        ("Hooli expects revenue of $5 billion in 2026.", "$5 billion", "forecast"),
    ],
    # "from a year earlier", "over the previous quarter" name the base of a change, not the change's own date
    "base_of_change": [
        ("Hooli's revenue for the first nine months rose 8.9% from a year earlier.", "8.9%", "actual"),
        ("Adjusted EBITDA increased by 4.5% from the previous quarter.", "4.5%", "actual"),
        ("Futures edged lower after rising 1.1% over the previous two sessions.", "1.1%", "actual"),
        ("Revenue rose 16.3% to $62.20 million from a year ago.", "$62.20 million", "actual"),
        ("Revenue was $3.1 billion in the same quarter a year earlier.", "$3.1 billion", "historical"),
    ],
    # an earlier value named by the words before it, with or without a figure before it in the sentence
    "prior_value_named": [
        ("Hooli posted net income of $22.8 million, compared to a net loss of $340.3 million in 2023.",
         "$340.3 million", "historical"),
        ("That compared with a loss of $96 million a year before.", "$96 million", "historical"),
        ("* Hooli declares a $4.69 quarterly dividend, a 10.1% increase from prior dividend of $4.26.", "$4.26",
         "historical"),
        ("Profit fell 30 pct from the record 120 marks of 1984.", "120 marks", "historical"),
        ("From a closing market price of $1.75 per share on December 2, Hooli's stock fell to $1.69 a share.", "$1.75",
         "historical"),
        ("Hooli said first quarter net income will be about flat with first quarter 2024 net income of 14 cts a share.",
         "14 cts", "historical"),
        ("Hooli shares rose from a low price of $3 to $5.", "$5", "actual"),
        ("Hooli's quarterly net income was flat at 14 cts a share.", "14 cts", "actual"),
        ("We recommend accumulating the stock in the zone of Rs 805-795 level with a stop-loss of Rs 770 level.",
         "Rs 770", "estimate"),
        ("The issues were each increased from initial offerings of 250 mln dlrs.", "250 mln dlrs", "historical"),
        ("Hooli posted revenue of $741 million, compared with analysts' estimates of $758.9 million.",
         "$758.9 million", "estimate"),
    ],
    # a value from before the story's time, and an earlier move the news follows
    "earlier_values": [
        ("Just over two years ago, Hooli announced an $8 million Series A.", "$8 million", "historical"),
        ("Hooli needs a breakout device that reminds consumers why it was once valued at $1 trillion.", "$1 trillion",
         "historical"),
        ("Quarter net loss originally reported as 32.0 mln dlrs.", "32.0 mln dlrs", "historical"),
        ("The yield rebounded from the seven-week low of 4.4% touched on February 5.", "4.4%", "historical"),
        ("Hooli has surged 33% this year, after a 23% decline last year.", "23%", "historical"),
        ("Operating loss 8.76 billion vs profit 6.52 billion", "6.52 billion", "historical"),
        ("Hooli has surged 33% this year.", "33%", "actual"),
        ("Reserves were above the 3.08 billion dlrs held at the same time last year, the central bank said.",
         "3.08 billion dlrs", "historical"),
        ("U.S. revenue rose to SEK 873 thousand, an increase of 88% compared to the same period as last year.",
         "88%", "actual"),
    ],
    # a time before the news counted in years or months ("seven months before") dates an earlier value
    "years_before": [
        ("Just seven months before, the e-commerce giant led a $700 million investment round in Hooli.",
         "$700 million", "historical"),
        ("Several years earlier, Initech had paid $40 million for the plant.", "$40 million", "historical"),
        ("Hooli was once valued at $4 billion.", "$4 billion", "historical"),
        ("A rout in the once-hot market has left lenders stuck with at least $1.6 billion of debt.", "$1.6 billion",
         "actual"),
        ("Hooli's revenue rose to $5.1 billion from $4.2 billion the year before.", "$5.1 billion", "actual"),
    ],
    # a figure of another entity or of the whole set against the news is of the same time, no earlier value
    "other_than_prior": [
        ("The return was 2,265% for the leading companies vs. 605% for the S&P 500.", "605%", "actual"),
        ("87% of reports have exceeded expectations, compared with 76.3% overall for S&P 500 reports.", "76.3%",
         "actual"),
        ("Hooli earned $1.20 a share vs $1.10 for the year-ago quarter.", "$1.10", "historical"),
        ("Hooli's profit rose to $5 million, compared with $4 million for the first quarter of 2024.", "$4 million",
         "historical"),
    ],
    # a range in a table's cell is guidance: a results table states single figures
    "range_in_table": [
        ("Interest expense, net                                    $67 - $72", "$67 - $72", "forecast"),
        ("| Adj. EBITDA (in millions) | $205 - $230 | $17 - $24 |", "$205 - $230", "forecast"),
        ("| Adj. EBITDA (in millions) | $205 | $17 |", "$205", "actual"),
        ("Hooli's shares traded between $205 - $230 on Monday.", "$205 - $230", "actual"),
    ],
    # a figure in a "when" clause after a year, its verb in the past, is that year's
    "past_when": [
        ("Russia has sent tourists to space since 2001, when an American businessman paid $20 million to board the "
         "Soyuz.", "$20 million", "historical"),
        ("Down 13.29% today; the largest intraday decrease since Feb. 8, 2024, when it fell as much as 16.34%.",
         "16.34%", "historical"),
        ("Down 13.29% today; the largest intraday decrease since Feb. 8, 2024, when it fell as much as 16.34%.",
         "13.29%", "actual"),
        ("Hooli expects to reach 2030, when sales will top $5 billion.", "$5 billion", "forecast"),
    ],
    # a chart's price level in a hedged or conditional sentence is a guess; a label before a colon names it
    "chart_levels": [
        ("In the stated case, the price might decline toward the $0.2250 level or even $0.2120 in the near term.",
         "$0.2250", "estimate"),
        ("If DOGE's price fails to climb above the $0.260 level, it could start another decline.", "$0.260",
         "estimate"),
        ("The price has been consolidating inside a tight channel around the $2,700 level.", "$2,700", "actual"),
        ("Gold held steady around the $1,900 level on Monday, dealers said.", "$1,900", "actual"),
        ("IIFL  Current Price: Rs 345  Support: Rs 334; Rs 323  Resistance: Rs 393", "Rs 334", "estimate"),
        ("IIFL  Current Price: Rs 345  Support: Rs 334; Rs 323  Resistance: Rs 393", "Rs 345", "actual"),
    ],
    # a record the entity sets now is the news; one it set before is a past peak
    "record_set_now": [
        ("Muthoot Finance is exhibiting strong bullish momentum, hitting an all-time high of Rs 2,334.8 on Thursday.",
         "Rs 2,334.8", "actual"),
        ("Hooli shares reached a new record high of $412 on Monday.", "$412", "actual"),
        ("Hooli shares are now 30% below their all-time high of $412.", "$412", "historical"),
    ],
    # a restatement in brackets and the next item of a list of earlier values share the figure before's modality
    "restated_or_listed": [
        ("Hooli lost US$1.1 million, compared with a loss of US$1.5 million, or US$0.04 a share, a year before.",
         "US$0.04", "historical"),
        ("Cash used was RMB 15 million, compared with cash used of RMB 5.5 million (US$0.76 million) a year before.",
         "US$0.76 million", "historical"),
        ("The deficit was 99 mln dlrs against 76 mln dlrs in March and 230 mln dlrs in April 1986.", "230 mln dlrs",
         "historical"),
        ("Gains were 20,000 dlrs vs 86,000 dlrs in the quarter and 586,000 dlrs vs 195,000 dlrs in the year.",
         "586,000 dlrs", "actual"),
        ("Hooli posted a net profit of 234 billion yen ($1.54 billion) in the quarter to December.", "$1.54 billion",
         "actual"),
        # the next item of a forecast's list is forecast too
        ("Initech said proceeds from the sale would be about 80 pct cash and 20 pct note.", "20 pct", "forecast"),
        ("Hooli will cut its fee to 0.5% in marketplace sales and 0% in swaps.", "0%", "forecast"),
        ("Hooli will cut its fee to 0.5% in marketplace sales, and it cut swap fees by 1% last year.", "1%", "actual"),
        # the revenue a per-share figure is stated on shares its modality
        ("Analysts expect Hooli to report adjusted earnings of 70 cents per share on revenue of $405 million.",
         "$405 million", "estimate"),
        ("Analysts polled by Visible Alpha expect net earnings of AU$0.08 per diluted share on revenue of AU$423.3 "
         "million.", "AU$423.3 million", "estimate"),
        ("Hooli reported adjusted earnings of 90 cents per share on revenue of $427 million.", "$427 million",
         "actual"),
        # an amount's own change after a comma shares its modality
        ("Analysts polled by FactSet expect Hooli to post earnings of 52 cents a share, up 6% from the year-ago period.",
         "6%", "estimate"),
        ("Hooli expects revenue of $5 billion in 2026, up 10% from 2025.", "10%", "forecast"),
        ("Hooli posted revenue of $5 billion, up 10% from a year earlier.", "10%", "actual"),
    ],
    # a forecast in the passive with no forecaster named goes on with the estimates just before it
    "passive_after_estimate": [
        ("Analysts polled by FactSet expect Hooli to post earnings of 52 cents a share. But sales are expected to "
         "decline by 2.5% from a year ago.", "2.5%", "estimate"),
        ("Analysts expect Hooli to report a profit of $1.2 billion. Revenue is seen rising 4% in the quarter.", "4%",
         "estimate"),
        # negatives: after the entity's own forecast, across a paragraph, or with the forecaster named
        ("Hooli expects revenue of $5 billion in 2026. Adjusted EBITDA is expected to rise 3% in 2026.", "3%",
         "forecast"),
        ("Analysts expect Hooli to report a profit of $1.2 billion.\n\nRevenue is expected to rise 4% in 2026.", "4%",
         "forecast"),
        ("Analysts expect Hooli to report a profit of $1.2 billion. Revenue is expected by the company to rise 4% in "
         "2026.", "4%", "forecast"),
        # ... or after an estimate no analyst states as the sentence's subject: the company's own guidance goes on
        ("The company said on its call with analysts that it expects revenue of $2.48 billion, missing even the lowest "
         "of analyst estimates. Gross margin is expected to fall in the range of 23% to 24%.", "23% to 24%",
         "forecast"),
    ],
    # a forecast or estimate cue after the figure that opens another clause is that clause's: a relative pronoun, a
    # second verb of the subject, the reason a move is given
    "after_break": [
        ("Globex held a first close at $85 million in January and is planning to close the fund by June.",
         "$85 million", "actual"),
        ("Shares of Initech rose 1.7% on plans to divest its stake in Hooli.", "1.7%", "actual"),
        ("Shares of Initech had slumped by 19% Tuesday amid speculation about the next target.", "19%", "actual"),
        ("Hooli holds more than $200 million in Ether, which could be seen as a motive.", "$200 million", "actual"),
        # negatives: the cue is the figure's own
        ("Initech said 100 mln shares of Hooli common stock would be offered.", "100 mln", "forecast"),
        ("Hooli's $5 billion budget will be spent by 2027.", "$5 billion", "forecast"),
        ("Brazil said the 15.5 mln bag export figure which it had proposed for itself was no longer its target.",
         "15.5 mln", "forecast"),
        ("Globex aims for 1 million customers by 2028.", "1 million", "forecast"),
    ],
    # a forecast verb whose object is an economy, a market or a price: the forecaster is not the figure's entity, so
    # the forecast is an estimate; a government, agency or central bank speaking of its own economy forecasts
    "market_forecast": [
        ("Bank of America forecasts the economy to contract 8% this year.", "8%", "estimate"),
        ("The bank also expects the oil market to keep Brent averaging $62 per barrel in 2026.", "$62", "estimate"),
        ("Goldman now sees copper at $9,100 a metric ton in three months.", "$9,100", "estimate"),
        ("Tombs expects the PCE gauge to edge down to 2.7% in July.", "2.7%", "estimate"),
        # negatives: a government or central bank about its own economy, an entity guiding its own figure
        ("The Agriculture Department projected an average yield of 1.47 gallons per bushel in 2026.", "1.47 gallons",
         "forecast"),
        ("The central bank expects inflation to slow to 2.5% next year.", "2.5%", "forecast"),
        ("Hooli expects revenue of $5.1 billion next year.", "$5.1 billion", "forecast"),
        ("Hooli said the agreements are expected to yield ten mln dlrs in sales in the next 18 months.",
         "ten mln dlrs", "forecast"),
        ("Initech expects gold sales in 2026 to rise about 22 pct to 577,000 ounces.", "577,000 ounces", "forecast"),
        ("Norges Bank in December forecast three rate cuts to 3.75% by the end of 2026.", "3.75%", "forecast"),
    ],
    # a broker, research house or data provider forecasting a figure: not its own, so an estimate, unless its own
    # figures follow the verb or the speaker is a government's office
    # a wire brief's "vs est of": the estimate is the figure after it, not the guidance before
    "versus_est": [
        ("** Company forecasts 2025 adj earnings between $7.42 per share and $7.62 per share vs est of $7.40 per share "
         "- data compiled by LSEG", "$7.62", "forecast"),
        ("** Company forecasts 2025 adj earnings between $7.42 per share and $7.62 per share vs est of $7.40 per share "
         "- data compiled by LSEG", "$7.40", "estimate"),
        ("** Hooli posts Q1 adj profit of 58 cents/share vs. est of 56 cents/share", "58 cents", "actual"),
        ("** Hooli posts Q1 adj profit of 58 cents/share vs. est of 56 cents/share", "56 cents", "estimate"),
        # negatives: the festival's name, no estimate
        ("Tickets for the Fest cost $40, against $35 in 2024.", "$40", "actual"),
    ],
    # a cue inside brackets that close before the figure names only the bracket's figure
    "bracketed_cue": [
        ("For the third quarter of 2025, Hooli expects adjusted EPS of $1.17-$1.22 (vs. $1.28 consensus); revenue of "
         "$2,485M-$2,510M (vs. $2.57B consensus).", "$2,485M-$2,510M", "forecast"),
        ("For the third quarter of 2025, Hooli expects adjusted EPS of $1.17-$1.22 (vs. $1.28 consensus); revenue of "
         "$2,485M-$2,510M (vs. $2.57B consensus).", "$2.57B", "estimate"),
        # negative: a bracket the cue does not stand in
        ("Revenue (excluding fuel) beat estimates at $4.1 billion.", "$4.1 billion", "actual"),
    ],
    # a company's result estimated in the agentless passive is its own outlook
    "passive_estimated": [
        ("* Adjusted diluted EPS for the year is estimated to range between $12.70 and $13.15.", "$12.70 and $13.15",
         "forecast"),
        ("Capital expenditures are estimated to be between $240 million to $260 million.",
         "$240 million to $260 million", "forecast"),
        # negatives: a reading of the past; a poll or a broker named; not a company's result
        ("Third-quarter revenue is estimated to have risen 3.2% from a year earlier to Y1.832 trillion, according to "
         "the Visible Alpha poll.", "Y1.832 trillion", "estimate"),
        ("Overall EBITDA is estimated to decline by 11 percent to Rs 459 crore in Q3FY25, said Motilal Oswal.",
         "Rs 459 crore", "estimate"),
        ("The fair value is estimated to range between $48,000 and $95,000.", "$48,000 and $95,000", "estimate"),
    ],
    "reporter_forecast": [
        ("For the first quarter, Oppenheimer expects Hooli's revenue of $1.34 billion.", "$1.34 billion", "estimate"),
        ("Jefferies now sees Hooli's EPS at $2.10 next year.", "$2.10", "estimate"),
        ("Morgan Stanley analysts forecast Initech's margin at 14% in 2026.", "14%", "estimate"),
        # negatives
        ("Goldman Sachs expects its revenue to rise 5% in 2026.", "5%", "forecast"),
        ("Hooli expects revenue of $5.1 billion in 2026.", "$5.1 billion", "forecast"),
        ("The Agriculture Department projected a corn crop of 15.1 billion bushels in 2026.", "15.1 billion bushels",
         "forecast"),
        ("Hooli plans an initial public offering of 500,000 shares at an expected price of 10 dlrs each.", "10 dlrs",
         "forecast"),
    ],
}


@pytest.mark.parametrize("text, figure, expected",
                         [case for family in CASES.values() for case in family],
                         ids=[case[0][:60] for family in CASES.values() for case in family])
def test_modality(text, figure, expected):
    assert modality_of(text, figure) == expected


@pytest.mark.parametrize("text, published, figure, expected", [
    ("The company noted that disasters cost it $627 million in 2017.", "2019-01-22", "$627 million", "historical"),
    ("Amazon paid no federal tax in 2018 on more than $11 billion in profit before taxes.", "2020-01-30",
     "$11 billion", "historical"),
    ("Hooli's revenue was $5.1 billion in 2024.", "2025-02-13", "$5.1 billion", "actual"),
    ("Hooli's revenue rose 12% to $5.1 billion in the fourth quarter.", "2025-02-13", "$5.1 billion", "actual"),
])
def test_a_flow_ended_over_a_year_before_the_story_is_historical(text, published, figure, expected):
    assert modality_of(text, figure, published) == expected


@pytest.mark.parametrize("text, published, figure, expected", [
    # a flow of a quarter not yet ended, its clause without a cue: the sentence's first cue before it frames it
    ("For 1Q25, Hooli expects revenue of ~$200M (vs. $184.6M consensus) and adjusted EBITDA of ~$27M, far surpassing "
     "the $10.7M Visible Alpha consensus.", "2025-02-12", "$27M", "forecast"),
    ("For Q3, Cisco guides revenue of $13.9B-$14.1B vs. $13.88B consensus, with a non-GAAP gross margin of 67%-68%.",
     "2025-02-13", "67%-68%", "forecast"),
    ("Analysts polled by LSEG see first-quarter revenue of $2.1 billion, with net income of $310 million.",
     "2025-02-13", "$310 million", "estimate"),
    # negatives: an ended quarter's result; a cue after the figure; a point, not a flow
    ("For 4Q24, Hooli expected revenue to grow, and it posted adjusted EBITDA of $27M.", "2025-02-12", "$27M",
     "actual"),
    ("Hooli posts first-quarter revenue of $468 million; initiates 2025 outlook", "2025-02-13", "$468 million",
     "actual"),
    ("Without the charge, first-quarter net income would have been $127.6 million, up 16% or $17.4 million.",
     "2025-02-12", "$17.4 million", "actual"),
])
def test_an_unended_flow_takes_its_sentences_frame(text, published, figure, expected):
    assert modality_of(text, figure, published) == expected
