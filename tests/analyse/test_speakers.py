"""Speaker resolution: pronouns, roles, documents, surnames, titles, one name per speaker."""

import pytest

from tests.analyse.conftest import find_quote

pytestmark = pytest.mark.slow


def test_pronoun_resolves_to_the_last_named_person(quotes_of):
    text = "Carla Montez arrived late. She said, “We are ready.”"
    quote = find_quote(quotes_of(text), "We are ready")
    assert (quote.speaker, quote.speaker_mention) == ("Carla Montez", "She")


def test_pronoun_prefers_the_previous_speaker(quotes_of):
    text = "Dario Pell said, “Prices will fall.” He added, “Wages will rise.”"
    assert find_quote(quotes_of(text), "Wages").speaker == "Dario Pell"


def test_role_resolves_to_the_named_body_with_that_noun(quotes_of):
    text = (
        "The Ruritanian Ministry of Health issued rules on Monday. The Ministry added, “Masks are optional.”"
    )
    quote = find_quote(quotes_of(text), "Masks")
    assert (quote.speaker, quote.speaker_mention) == ("Ruritanian Ministry of Health", "The Ministry")


def test_surname_resolves_to_the_full_name(quotes_of):
    text = "Health Ministry spokesperson Dario Pell spoke on Monday. Pell noted, “Masks are optional.”"
    assert find_quote(quotes_of(text), "Masks").speaker == "Dario Pell"


def test_titles_are_stripped_from_person_names(quotes_of):
    text = "Ruritanian Prime Minister Ana Veltri said, “We are ready.”"
    assert find_quote(quotes_of(text), "We are ready").speaker == "Ana Veltri"


def test_the_statement_speaks_for_its_issuer(quotes_of):
    text = "The Coastal Fisheries Board issued a statement.\n\nThe statement said that catches would be cut."
    assert find_quote(quotes_of(text), "that catches").speaker == "Coastal Fisheries Board"


def test_a_document_issued_at_a_summit_belongs_to_its_host(quotes_of):
    text = (
        "Delegates welcomed a joint declaration issued at the Harbour League's annual summit.\n\n"
        "The declaration said that tariffs must fall."
    )
    assert find_quote(quotes_of(text), "that tariffs").speaker == "Harbour League"


def test_a_spokesperson_of_a_vague_body_resolves_through_the_body(quotes_of):
    text = (
        "The Ruritanian Mission to the Islands issued a statement on Monday.\n\n"
        "The mission's spokesperson said that the vote was unfair."
    )
    assert find_quote(quotes_of(text), "that the vote").speaker == "Ruritanian Mission to the Islands"


def test_unresolvable_role_keeps_its_own_words(quotes_of):
    text = "“We will appeal,” said the Ruritanian representative."
    assert find_quote(quotes_of(text), "We will appeal").speaker == "Ruritanian representative"


def test_one_canonical_name_per_speaker(quotes_of):
    text = (
        "The Ruritanian Mission to the Islands spoke on Monday.\n\n"
        "The Ruritanian Mission said that the vote was unfair."
    )
    assert find_quote(quotes_of(text), "that the vote").speaker == "Ruritanian Mission to the Islands"


def test_it_is_the_last_speaker_not_a_subject_of_what_it_said(quotes_of):
    text = (
        "The Harbour Workers Union said that the Port Authority of Velmar had broken the agreement.\n\n"
        "It also claimed that the port was hiring temporary crews."
    )
    quote = find_quote(quotes_of(text), "that the port was hiring")
    assert quote.speaker == "Harbour Workers Union"


def test_a_name_in_apposition_to_the_subject_is_a_pronouns_antecedent(quotes_of):
    text = (
        "The harbour chair, Ines Moreau, arrived late on Monday. Later she said that the fees would double."
    )
    assert find_quote(quotes_of(text), "that the fees").speaker == "Ines Moreau"


def test_a_vague_body_is_not_another_body_that_shares_only_its_head(quotes_of):
    text = (
        "The Ruritanian Department of Fisheries closed the bay. The harbour police department told "
        "reporters that it would reopen the quay."
    )
    assert find_quote(quotes_of(text), "that it would").speaker == "harbour police department"


def test_a_surname_two_people_share_stays_a_surname(quotes_of):
    text = (
        "Dario Pell said the season began well, as he and his wife Geri put on a united front. Geri Pell "
        "smiled.\n\nPell said, “It has been a testing week for my family.”"
    )
    assert find_quote(quotes_of(text), "It has been").speaker == "Pell"


class TextCountingDoc:
    """A parsed doc that counts reads of `.text`, which spaCy joins from every token on each read."""

    def __init__(self, doc) -> None:
        self.doc, self.text_reads = doc, 0

    def __getattr__(self, name: str):
        return getattr(self.doc, name)

    def __iter__(self):
        return iter(self.doc)

    def __getitem__(self, index):
        return self.doc[index]

    def __len__(self) -> int:
        return len(self.doc)

    @property
    def text(self) -> str:
        self.text_reads += 1
        return self.doc.text


def test_surnames_are_expanded_without_joining_the_text_again():
    from storyline.analyse.model import load_nlp
    from storyline.analyse.speakers import Resolver

    doc = TextCountingDoc(load_nlp()("Dario Pell spoke on Monday. Pell noted the rise. Pell left."))
    resolver = Resolver(doc, [])
    assert [resolver.expand_surname("Pell") for _ in range(3)] == ["Dario Pell"] * 3
    assert doc.text_reads == 1
