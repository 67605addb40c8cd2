"""docs/data-dictionary.md is the models' comments, regenerated; it must not go stale."""

from pathlib import Path

from silkledger import dictionary

DOC = Path(__file__).resolve().parent.parent / "docs" / "data-dictionary.md"


def test_the_committed_dictionary_matches_the_models():
    assert DOC.read_text(encoding="utf-8") == dictionary.markdown() + "\n", (
        "run: silkledger db dictionary --out docs/data-dictionary.md"
    )


def test_the_dictionary_explains_a_column_with_its_comment():
    text = dictionary.markdown()
    assert "## `trade_flows`" in text
    assert "| `reporter_country_id` | integer, required | FK → countries |" in text
