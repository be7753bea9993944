"""Noun cues: a claim noun attributes its clause to its possessor."""


def cued_by(quotes, cue: str):
    found = [quote for quote in quotes if quote.cue == cue]
    assert found, f"no quote cued by {cue!r} in {[(quote.cue, quote.text) for quote in quotes]}"
    return found[0]


def test_a_possessed_claim_attributes_its_that_clause(quotes_of):
    quote = cued_by(quotes_of("The council examined Ana Veltri's claim that the bridge was unsafe."), "claim")
    assert quote.text == "that the bridge was unsafe"
    assert "Veltri" in quote.speaker


def test_a_promise_from_a_source_attributes_its_infinitive(quotes_of):
    quote = cued_by(quotes_of("Voters remembered a promise from Ana Veltri to cut fares."), "promise")
    assert quote.text == "to cut fares"


def test_a_claim_without_a_source_is_a_topic(quotes_of):
    assert not [
        q for q in quotes_of("The claim that the bridge was unsafe spread quickly.") if q.cue == "claim"
    ]
