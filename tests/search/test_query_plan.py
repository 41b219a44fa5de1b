"""How a query is read (search/query.py): pure functions, no database."""

from search.models import split_terms
from search.query import Lexicon, plan

LEXICON = Lexicon(
    [
        split_terms("e-KTP, KTP elektronik, KTP-el"),
        split_terms("akte = akta"),
        split_terms("kartu keluarga\nKK"),
    ]
)


def test_hyphen_and_space_variants_are_one_term():
    for query in ("e-KTP", "eKTP", "e ktp", "EKTP", "ktp-el", "ktp el"):
        [concept] = plan(query, LEXICON).concepts
        assert concept.synonym
        assert ("ktp", "elektronik") in concept.alternatives


def test_a_synonym_phrase_is_one_concept_beside_the_other_words():
    concepts = plan("syarat kartu keluarga hilang", LEXICON).concepts

    assert [c.typed for c in concepts] == ["syarat", "kartu keluarga", "hilang"]
    assert ("kk",) in concepts[1].alternatives


def test_stop_words_go_unless_nothing_else_is_left():
    assert plan("cara mengurus akte yang hilang", LEXICON).terms == ["akte", "hilang"]
    assert plan("how to get a birth certificate").terms == ["birth", "certificate"]
    assert plan("yang").terms == ["yang"]


def test_misspelt_words_get_corrections_but_words_being_typed_do_not():
    vocabulary = ["akta", "imunisasi", "kelahiran"]

    def known(word):
        return any(w.startswith(word) for w in vocabulary)

    def close(word):
        return ["imunisasi"] if word == "imunsasi" else []

    typo = plan("imunsasi", known=known, close_words=close)
    typing = plan("akta kelah", known=known, close_words=lambda w: ["kelas"])

    assert typo.concepts[0].alternatives == [("imunsasi",), ("imunisasi",)]
    assert typo.suggestion() == "imunisasi"
    assert typing.concepts[1].alternatives == [("kelah",)] and typing.suggestion() is None


def test_editors_separate_terms_with_commas_lines_or_equals_signs():
    assert split_terms(" PIRT, SPP-IRT\nP-IRT = izin PIRT;; ") == [
        "PIRT",
        "SPP-IRT",
        "P-IRT",
        "izin PIRT",
    ]
