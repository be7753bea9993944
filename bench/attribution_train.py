"""Learn storyline/analyse/cue_model.py, the weights of the cue model in storyline/analyse/cues.py.

    .venv/bin/python bench/attribution_train.py [--hold-out N] [--docs FILE.spacy]

Every token tagged as a verb outside quotation marks in PolNeAR train is one example, labelled a cue
when it heads a gold cue span (its last non-auxiliary verb: "has called for" -> "called"). A logistic
regression (scikit-learn, L2) is fitted on the features of `cue_features`; the module keeps each
feature's weight, rounded, when it is not negligible. Word features are kept only for verb forms seen
at least MIN_OCCURRENCES times (in lower case, outside named entities) and for objects and prepositions
seen MIN_OBJECT_OCCURRENCES times (names and numbers as classes), so the module holds single common
English words and numbers, never text of the corpus nor a name. `--hold-out N` leaves the first N
train articles out, to measure the model on them (bench/attribution.py --split train --limit N);
`--docs` reuses a spaCy DocBin of the train split parsed by storyline's model, in article order,
instead of parsing again. Needs scikit-learn (for training only; the product reads the module).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.attribution_polnear import GoldArticle, read_split
from storyline.analyse.cues import RARE_FORM, cue_features
from storyline.analyse.model import load_nlp
from storyline.analyse.quotemarks import find_quotes

OUTPUT = Path(__file__).resolve().parents[1] / "storyline" / "analyse" / "cue_model.py"
MIN_OCCURRENCES = 5
# Features naming a word: a verb form rarer than MIN_OCCURRENCES becomes RARE_FORM; an object or
# preposition rarer than MIN_OBJECT_OCCURRENCES is left out, which keeps the topical nouns of one year's
# news out of the model and only common ones ("comments", "support", "concerns") in.
WORD_FEATURES = ("w=", "dobj=", "prep=", "stem=", "gov=", "phrase=")
MIN_OBJECT_OCCURRENCES = 20
# Word features built from the verb's own form, left out when the form may be a name.
FORM_FEATURES = ("stem=", "phrase=")
MIN_WEIGHT = 0.05
REGULARISATION = 1.0
AUXILIARIES = frozenset("be is am are was were been being has have had having do does did will would".split())
HEADER = '''"""Weights of the cue model (storyline/analyse/cues.py), learned on PolNeAR train by
bench/attribution_train.py: do not edit by hand, run that script again."""

BIAS = {bias:.2f}
WEIGHTS = {{
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hold-out", type=int, default=0, help="leave the first N articles out")
    parser.add_argument("--docs", type=Path, help="a DocBin of the parsed train split")
    args = parser.parse_args(argv)
    articles = read_split("train")
    pairs = list(zip(articles, parse(articles, args.docs), strict=True))[args.hold_out :]
    examples = [example for article, doc in pairs for example in collect_examples(article, doc)]
    bias, weights = fit(examples)
    write_module(bias, weights)
    print(f"{len(examples)} verbs, {sum(label for _, label in examples)} cues; {len(weights)} weights")
    return 0


def parse(articles: list[GoldArticle], cache: Path | None) -> list:
    nlp = load_nlp()
    if cache is not None:
        from spacy.tokens import DocBin

        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    return list(nlp.pipe((article.text for article in articles), batch_size=32, n_process=2))


def collect_examples(article: GoldArticle, doc) -> list[tuple[list[str], bool]]:
    """(features, is a cue) for every verb of one article outside quotation marks."""
    quoted = [span for span in find_quotes(article.text) if not span.nested]
    heads = {head.i for head in find_cue_heads(article, doc)}
    return [
        (features_of(token), token.i in heads)
        for token in doc
        if token.tag_.startswith("VB") and not any(span.contains(token.idx) for span in quoted)
    ]


def features_of(token) -> list[str]:
    """`cue_features`, but a form inside a named entity or not in lower case (a name the tagger took for
    a verb, a headline's verb) counts as rare, so that no name gets a weight of its own."""
    features = cue_features(token)
    if token.ent_type_ or not token.text.islower():
        return [RARE_FORM] + [feature for feature in features[1:] if not feature.startswith(FORM_FEATURES)]
    return features


def find_cue_heads(article: GoldArticle, doc) -> list:
    heads = []
    for attribution in article.attributions:
        for start, end in attribution.cue[:1]:
            span = doc.char_span(start, end, alignment_mode="expand") or ()
            verbs = [t for t in span if t.tag_.startswith("VB") and t.lower_ not in AUXILIARIES]
            heads.extend(verbs[-1:])
    return heads


def fit(examples: list[tuple[list[str], bool]]) -> tuple[float, dict[str, float]]:
    """Logistic regression over the binary features; word features of rare forms are dropped."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(feature for features, _ in examples for feature in features)
    rows = [
        {
            (f if counts[f] >= MIN_OCCURRENCES else RARE_FORM): 1
            for f in features
            if f == features[0] or not f.startswith(WORD_FEATURES) or counts[f] >= MIN_OBJECT_OCCURRENCES
        }
        for features, _ in examples
    ]
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=REGULARISATION, max_iter=2000)
    model.fit(vectorizer.fit_transform(rows), [label for _, label in examples])
    names = vectorizer.get_feature_names_out()
    # Every word weight is kept, however small: a form missing from the table counts as rare.
    weights = {
        name: float(w)
        for name, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT or name.startswith(WORD_FEATURES[0])
    }
    return float(model.intercept_[0]), weights


def write_module(bias: float, weights: dict[str, float]) -> None:
    lines = "".join(f"    {json.dumps(name)}: {weight:.2f},\n" for name, weight in sorted(weights.items()))
    OUTPUT.write_text(HEADER.format(bias=bias) + lines + "}\n")


if __name__ == "__main__":
    sys.exit(main())
